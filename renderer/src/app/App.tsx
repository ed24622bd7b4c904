import { useCallback, useEffect, useRef } from 'react';
import { useEngagement, useEngagements } from '../../db';
import { useWorkbench } from './WorkbenchContext';
import { shortcutFor, type ShortcutCommand } from './shortcuts';
import { Toasts } from '../components/Toasts';
import { LiveAnnouncer } from './LiveAnnouncer';
import { SyncAnnouncer } from './SyncAnnouncer';
import { EngagementSidebar } from '../features/engagements/EngagementSidebar';
import { EmptyState } from '../features/engagements/EmptyState';
import { EngagementView } from './EngagementView';
import { ENGAGEMENT_SCREENS } from './screens';
import { EngagementFormDialog } from '../features/engagements/EngagementFormDialog';
import { useLoadSample } from '../features/engagements/useLoadSample';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { ShortcutsDialog } from '../features/help/ShortcutsDialog';
import { AboutDialog } from '../features/help/AboutDialog';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { openGlobalSearch } from './openSearch';
import { DataDialogs, runDataMenuCommand } from '../features/data/DataDialogs';
import { SyncAutoRunner } from '../features/sync/SyncAutoRunner';
import { JoinSyncFolder } from '../features/sync/JoinSyncFolder';
import { TodayView } from '../features/today/TodayView';
import { DueNotifier } from '../features/today/DueNotifier';
import { syncAllNow } from '../features/sync/syncSession';
import { useUiStore } from '../state/uiStore';
import type { MenuCommand } from '@shared/ipc/names';

type Command = ShortcutCommand | MenuCommand;

function OpenDialog() {
  const dialog = useUiStore((s) => s.dialog);
  const { db } = useWorkbench();
  const editing = useEngagement(
    db,
    dialog?.kind === 'edit-engagement' ? dialog.engagementId : null,
  );
  switch (dialog?.kind) {
    case 'new-engagement':
      return <EngagementFormDialog />;
    case 'edit-engagement':
      return editing ? <EngagementFormDialog engagement={editing} /> : null;
    case 'settings':
      return <SettingsDialog />;
    case 'shortcuts':
      return <ShortcutsDialog />;
    case 'about':
      return <AboutDialog />;
    default:
      return null;
  }
}

/** The app's frame: the engagement sidebar, the open engagement, dialogs and toasts. */
export function App() {
  const { db, api } = useWorkbench();
  const selectedId = useUiStore((s) => s.selectedEngagementId);
  const showArchived = useUiStore((s) => s.showArchived);
  const selectEngagement = useUiStore((s) => s.selectEngagement);
  const openDialog = useUiStore((s) => s.openDialog);
  const engagements = useEngagements(db, { includeArchived: showArchived });
  const selected = useEngagement(db, selectedId);
  const { loadSample } = useLoadSample();
  const lastCommand = useRef({ command: '', at: 0 });

  const run = useCallback(
    (command: Command) => {
      // The menu's accelerators and the page's key handler may both report one key press.
      const now = performance.now();
      if (lastCommand.current.command === command && now - lastCommand.current.at < 250) return;
      lastCommand.current = { command, at: now };
      const list = engagements ?? [];
      const index = list.findIndex((e) => e.id === selectedId);
      switch (command) {
        case 'new-engagement':
          openDialog({ kind: 'new-engagement' });
          break;
        case 'open-settings':
          openDialog({ kind: 'settings' });
          break;
        case 'show-shortcuts':
          openDialog({ kind: 'shortcuts' });
          break;
        case 'show-about':
          openDialog({ kind: 'about' });
          break;
        case 'load-sample':
          void loadSample();
          break;
        case 'import-engagement':
        case 'restore-backup':
          runDataMenuCommand(command);
          break;
        case 'open-search':
          openGlobalSearch();
          break;
        case 'sync-now':
          void syncAllNow();
          break;
        case 'show-today':
          selectEngagement(null);
          break;
        case 'next-engagement':
        case 'previous-engagement': {
          if (list.length === 0) break;
          const step = command === 'next-engagement' ? 1 : -1;
          const next = list[(index + step + list.length) % list.length];
          if (next) selectEngagement(next.id);
          break;
        }
      }
    },
    [engagements, selectedId, openDialog, selectEngagement, loadSample],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (useUiStore.getState().dialog) return;
      const digit = (event.ctrlKey || event.metaKey) && !event.altKey ? Number(event.key) : NaN;
      const target =
        Number.isInteger(digit) && digit >= 1 ? ENGAGEMENT_SCREENS[digit - 1] : undefined;
      if (target) {
        event.preventDefault();
        useUiStore.getState().setScreen(target.id);
        return;
      }
      const command = shortcutFor(event);
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = api.onMenuCommand(run);
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [run, api]);

  const hasEngagements = (engagements?.length ?? 0) > 0;
  return (
    <div className="app-frame">
      <EngagementSidebar />
      <main className="main" id="main">
        {selected && !selected.deletedAt ? (
          <>
            <EngagementView engagement={selected} />
            <SyncAnnouncer engagementId={selected.id} />
          </>
        ) : engagements === undefined ? null : hasEngagements ? (
          <TodayView joinSyncFolder={<JoinSyncFolder hasEngagements />} />
        ) : (
          <EmptyState
            hasEngagements={false}
            onImportEngagement={() => runDataMenuCommand('import-engagement')}
            joinSyncFolder={<JoinSyncFolder hasEngagements={false} />}
          />
        )}
      </main>
      <OpenDialog />
      <GlobalSearch />
      <DataDialogs />
      <SyncAutoRunner />
      <DueNotifier />
      <Toasts />
      <LiveAnnouncer />
    </div>
  );
}
