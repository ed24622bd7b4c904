import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../lib/formatDate';
import { useUiStore } from '../../state/uiStore';
import { ArchiveSummaryView } from './ArchiveSummaryView';
import { ImportPhaseView } from './ImportPhaseView';
import { formatBytes } from '../../lib/formatBytes';
import { useArchiveImport } from './useArchiveImport';
import { useBackups } from './useBackups';

/**
 * "Restore from backup…": the automatic backups, each with what it holds, and a restore that
 * adds the engagement as a copy when it is missing or merges it into the one here.
 */
export function RestoreBackupDialog({
  engagementId,
  onClose,
}: {
  engagementId?: string;
  onClose: () => void;
}) {
  const { backups, error } = useBackups(engagementId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { phase, chooseBackup, commit, reset } = useArchiveImport();
  const selectEngagement = useUiStore((s) => s.selectEngagement);
  const pushToast = useUiStore((s) => s.pushToast);
  const selected = backups?.find((b) => b.id === selectedId) ?? null;
  const busy = phase.kind === 'reading' || phase.kind === 'writing';

  const confirm = async () => {
    const result = await commit();
    if (!result) return;
    selectEngagement(result.engagementId);
    pushToast({ tone: 'success', message: 'Backup restored.' });
  };

  return (
    <Dialog
      title="Restore from backup"
      description="Backups are taken every day and kept for 7 days, plus one a week for 4 more weeks."
      onClose={busy ? () => undefined : onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {phase.kind === 'done' ? 'Close' : 'Cancel'}
          </button>
          {phase.kind === 'ready' ? (
            <button type="button" className="button button-primary" onClick={() => void confirm()}>
              {phase.exists ? 'Merge backup' : 'Restore as copy'}
            </button>
          ) : phase.kind === 'done' ? null : (
            <button
              type="button"
              className="button button-primary"
              disabled={!selected || busy}
              onClick={() => selected && void chooseBackup(selected.id)}
            >
              Restore…
            </button>
          )}
        </>
      }
    >
      {phase.kind !== 'idle' ? (
        <ImportPhaseView phase={phase} />
      ) : error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : backups === null ? (
        <p className="muted">Loading backups…</p>
      ) : backups.length === 0 ? (
        <p className="muted">No backups yet. The first one is taken when the app starts.</p>
      ) : (
        <div className="data-backups">
          <ul className="data-backup-list" aria-label="Backups">
            {backups.map((b) => (
              <li key={b.id}>
                <button
                  type="button"
                  className="data-backup-item"
                  aria-pressed={b.id === selectedId}
                  onClick={() => {
                    reset();
                    setSelectedId(b.id);
                  }}
                >
                  <span className="data-backup-name">
                    {b.summary ? `${b.summary.client} – ${b.summary.title}` : b.engagementId}
                  </span>
                  <span className="muted">
                    {formatDateTime(b.takenAt)} · {formatBytes(b.size)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="data-backup-details" aria-live="polite">
            {selected?.summary ? (
              <>
                <p className="muted">Taken {formatDateTime(selected.takenAt)}</p>
                <ArchiveSummaryView summary={selected.summary} />
              </>
            ) : selected ? (
              <p className="muted">No description of this backup was found; restore to check it.</p>
            ) : (
              <p className="muted">Select a backup to see what it holds.</p>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
