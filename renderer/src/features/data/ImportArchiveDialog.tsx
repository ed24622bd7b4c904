import { Dialog } from '../../components/Dialog';
import { countOf } from '../../lib/countOf';
import { useUiStore } from '../../state/uiStore';
import { ImportPhaseView } from './ImportPhaseView';
import { useArchiveImport } from './useArchiveImport';

/**
 * "Import engagement…": pick an `.engagement.json` file, see what it holds, then add it as a
 * copy (or, from an engagement's Data tab, merge it into that engagement).
 */
export function ImportArchiveDialog({
  intoEngagementId,
  onClose,
}: {
  intoEngagementId?: string;
  onClose: () => void;
}) {
  const { phase, chooseFile, commit, reset } = useArchiveImport(intoEngagementId);
  const selectEngagement = useUiStore((s) => s.selectEngagement);
  const pushToast = useUiStore((s) => s.pushToast);
  const busy = phase.kind === 'reading' || phase.kind === 'writing';

  const confirm = async () => {
    const result = await commit();
    if (!result) return;
    selectEngagement(result.engagementId);
    pushToast({
      tone: 'success',
      message:
        result.mode === 'copy'
          ? 'Engagement imported.'
          : `Archive merged (${countOf(result.changesAdded, 'change')}).`,
    });
  };

  return (
    <Dialog
      title={intoEngagementId ? 'Merge an archive into this engagement' : 'Import engagement'}
      description="Engagement archives are .engagement.json files (or .engagement.zip, with the attached files) exported from Engagement Workbench. The whole file is checked before anything is written."
      onClose={busy ? () => undefined : onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {phase.kind === 'done' ? 'Close' : 'Cancel'}
          </button>
          {phase.kind === 'ready' ? (
            <button type="button" className="button button-primary" onClick={() => void confirm()}>
              {phase.exists ? 'Merge' : 'Import'}
            </button>
          ) : phase.kind === 'done' ? null : (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => {
                reset();
                void chooseFile();
              }}
            >
              {phase.kind === 'error' ? 'Choose another file…' : 'Choose file…'}
            </button>
          )}
        </>
      }
    >
      {phase.kind === 'idle' ? (
        <p>Choose an archive file to see what it holds.</p>
      ) : (
        <ImportPhaseView phase={phase} />
      )}
    </Dialog>
  );
}
