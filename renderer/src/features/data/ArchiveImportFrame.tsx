import type { ReactNode } from 'react';
import type { ArchiveImportResult } from '../../../db/archive';
import { Dialog } from '../../components/Dialog';
import { useUiStore } from '../../state/uiStore';
import { ImportPhaseView } from './ImportPhaseView';
import type { ImportPhase } from './useArchiveImport';

/**
 * The dialog an archive import and a backup restore share: the phase shown once something is
 * picked, Cancel (Close when done), and either the confirm (merge or copy) or the pick button.
 * A confirmed write opens the engagement and says so.
 */
export function ArchiveImportFrame({
  title,
  description,
  phase,
  commit,
  mergeLabel,
  copyLabel,
  savedMessage,
  pickLabel,
  canPick = true,
  onPick,
  onClose,
  children,
}: {
  title: string;
  description: string;
  phase: ImportPhase;
  /** Writes the checked archive (useArchiveImport's commit). */
  commit: () => Promise<ArchiveImportResult | null>;
  /** The confirm button's label when the engagement is here (a merge) or not (a copy). */
  mergeLabel: string;
  copyLabel: string;
  /** The confirmation shown after the write. */
  savedMessage: (result: ArchiveImportResult) => string;
  pickLabel: string;
  /** False while there is nothing to pick from. */
  canPick?: boolean;
  onPick: () => void;
  onClose: () => void;
  /** What the dialog shows before anything is picked. */
  children: ReactNode;
}) {
  const selectEngagement = useUiStore((s) => s.selectEngagement);
  const pushToast = useUiStore((s) => s.pushToast);
  const busy = phase.kind === 'reading' || phase.kind === 'writing';

  const confirm = async () => {
    const result = await commit();
    if (!result) return;
    selectEngagement(result.engagementId);
    pushToast({ tone: 'success', message: savedMessage(result) });
  };

  return (
    <Dialog
      title={title}
      description={description}
      onClose={busy ? () => undefined : onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {phase.kind === 'done' ? 'Close' : 'Cancel'}
          </button>
          {phase.kind === 'ready' ? (
            <button type="button" className="button button-primary" onClick={() => void confirm()}>
              {phase.exists ? mergeLabel : copyLabel}
            </button>
          ) : phase.kind === 'done' ? null : (
            <button
              type="button"
              className="button button-primary"
              disabled={!canPick || busy}
              onClick={onPick}
            >
              {pickLabel}
            </button>
          )}
        </>
      }
    >
      {phase.kind === 'idle' ? children : <ImportPhaseView phase={phase} />}
    </Dialog>
  );
}
