import { CsvImportDialog } from './CsvImportDialog';
import { ImportArchiveDialog } from './ImportArchiveDialog';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { useDataDialogs } from './dataDialogs';
import { useBackupSchedule } from './useBackupSchedule';
import './data.css';

/** Hosts the Data feature's dialogs and runs the automatic backups (mounted once by App). */
export function DataDialogs() {
  const dialog = useDataDialogs((s) => s.dialog);
  const close = useDataDialogs((s) => s.close);
  useBackupSchedule();
  switch (dialog?.kind) {
    case 'import-archive':
      return (
        <ImportArchiveDialog
          onClose={close}
          {...(dialog.intoEngagementId ? { intoEngagementId: dialog.intoEngagementId } : {})}
        />
      );
    case 'restore-backup':
      return (
        <RestoreBackupDialog
          onClose={close}
          {...(dialog.engagementId ? { engagementId: dialog.engagementId } : {})}
        />
      );
    case 'csv-import':
      return (
        <CsvImportDialog
          entity={dialog.entity}
          engagementId={dialog.engagementId}
          fileName={dialog.fileName}
          text={dialog.text}
          onClose={close}
        />
      );
    default:
      return null;
  }
}

/** Opens a Data dialog from a menu command; true when the command was one of them. */
export function runDataMenuCommand(command: string): boolean {
  const { open } = useDataDialogs.getState();
  if (command === 'import-engagement') open({ kind: 'import-archive' });
  else if (command === 'restore-backup') open({ kind: 'restore-backup' });
  else return false;
  return true;
}
