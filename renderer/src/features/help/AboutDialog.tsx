import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useWorkbench } from '../../app/WorkbenchContext';
import { useUiStore } from '../../state/uiStore';
import { errorMessage } from '../../lib/errorMessage';

/** Name, version and where the app runs. */
export function AboutDialog() {
  const { client } = useWorkbench();
  const closeDialog = useUiStore((s) => s.closeDialog);
  const [info, setInfo] = useState<string>('…');
  useEffect(() => {
    client
      .call('app.info', {})
      .then((i) => setInfo(`${i.name} ${i.version} · ${i.platform} · ${i.runtime}`))
      .catch((error: unknown) => setInfo(errorMessage(error)));
  }, [client]);
  return (
    <Dialog
      title="About Engagement Workbench"
      onClose={closeDialog}
      footer={
        <button type="button" className="button button-primary" onClick={closeDialog}>
          Close
        </button>
      }
    >
      <p>
        An offline-first notebook for consultants: who owns what, what was raised to whom, and who
        acknowledged it.
      </p>
      <p className="muted">{info}</p>
    </Dialog>
  );
}
