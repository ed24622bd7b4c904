import { countOf } from '../../lib/countOf';
import { ArchiveImportFrame } from './ArchiveImportFrame';
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

  return (
    <ArchiveImportFrame
      title={intoEngagementId ? 'Merge an archive into this engagement' : 'Import engagement'}
      description="Engagement archives are .engagement.json files (or .engagement.zip, with the attached files) exported from Engagement Workbench. The whole file is checked before anything is written."
      phase={phase}
      commit={commit}
      mergeLabel="Merge"
      copyLabel="Import"
      savedMessage={(result) =>
        result.mode === 'copy'
          ? 'Engagement imported.'
          : `Archive merged (${countOf(result.changesAdded, 'change')}).`
      }
      pickLabel={phase.kind === 'error' ? 'Choose another file…' : 'Choose file…'}
      onPick={() => {
        reset();
        void chooseFile();
      }}
      onClose={onClose}
    >
      <p>Choose an archive file to see what it holds.</p>
    </ArchiveImportFrame>
  );
}
