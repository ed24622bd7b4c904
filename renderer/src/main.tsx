import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkbenchClient } from '@shared/ipc/client';
import type { WorkbenchApi } from '@shared/ipc/api';
import { bootstrap } from './app/bootstrap';
import { WorkbenchRoot } from './app/WorkbenchRoot';
import { FatalScreen } from './components/FatalScreen';
import { ErrorBoundary } from './components/ErrorBoundary';
import './styles/app.css';

declare global {
  interface Window {
    /** The preload's bridge to the main process (or the test harness's stand-in). */
    workbench?: WorkbenchApi;
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

async function start(): Promise<void> {
  const api = window.workbench;
  if (!api) {
    root.render(
      <FatalScreen
        title="Engagement Workbench must run in its own window"
        message="This page needs the desktop app's bridge (window.workbench), which is missing. Start the app with `npm start`."
      />,
    );
    return;
  }
  const client = createWorkbenchClient(api);
  const result = await bootstrap(client);
  if (!result.ok) {
    root.render(<FatalScreen title={result.title} message={result.message} />);
    return;
  }
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <WorkbenchRoot api={api} client={client} {...result.value} />
      </ErrorBoundary>
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  root.render(
    <FatalScreen
      title="Engagement Workbench could not start"
      message={error instanceof Error ? error.message : String(error)}
    />,
  );
});
