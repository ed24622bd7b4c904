import { useState } from 'react';
import { formatDateTime } from '../../lib/formatDate';
import { ArchiveSummaryView } from './ArchiveSummaryView';
import { ArchiveImportFrame } from './ArchiveImportFrame';
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
  const selected = backups?.find((b) => b.id === selectedId) ?? null;

  return (
    <ArchiveImportFrame
      title="Restore from backup"
      description="Backups are taken every day and kept for 7 days, plus one a week for 4 more weeks."
      phase={phase}
      commit={commit}
      mergeLabel="Merge backup"
      copyLabel="Restore as copy"
      savedMessage={() => 'Backup restored.'}
      pickLabel="Restore…"
      canPick={selected !== null}
      onPick={() => selected && void chooseBackup(selected.id)}
      onClose={onClose}
    >
      {error ? (
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
    </ArchiveImportFrame>
  );
}
