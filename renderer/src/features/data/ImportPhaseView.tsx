import { describeProblem } from '@shared/archive';
import { countOf } from '../../lib/countOf';
import { formatDateTime } from '../../lib/formatDate';
import { ArchiveSummaryView } from './ArchiveSummaryView';
import { ProgressBar } from './ProgressBar';
import type { ImportPhase } from './useArchiveImport';

/** The body of an import or restore dialog for each step. */
export function ImportPhaseView({ phase }: { phase: ImportPhase }) {
  switch (phase.kind) {
    case 'idle':
      return null;
    case 'reading':
      return <ProgressBar stage={phase.progress.stage} fraction={phase.progress.fraction} />;
    case 'writing':
      return <ProgressBar stage="writing" fraction={null} />;
    case 'ready':
      return (
        <div className="stack">
          <p>
            “{phase.fileName}” was exported on {formatDateTime(phase.parsed.exportedAt)} by
            Engagement Workbench {phase.parsed.appVersion}. Every record was checked.
          </p>
          <ArchiveSummaryView summary={phase.parsed.summary} />
          <p className="data-mode">
            {phase.exists
              ? 'This engagement is already here: its records will be merged by id. For each field the newer change wins; nothing is deleted, and edits made at the same time on long texts are kept for review.'
              : 'This engagement is not in this profile yet: it will be added as a copy, with its full history.'}
          </p>
        </div>
      );
    case 'done':
      return (
        <>
          <p role="status">
            {phase.result.mode === 'copy'
              ? `Added “${phase.parsed.summary.client} – ${phase.parsed.summary.title}” with ${phase.result.recordsWritten} records.`
              : phase.result.changesAdded === 0 && phase.result.recordsWritten === 0
                ? 'Nothing new: this engagement already holds everything in the file.'
                : `Merged: ${countOf(phase.result.changesAdded, 'change')} brought in, ${countOf(phase.result.recordsWritten, 'record')} updated${phase.result.conflicts ? `, ${countOf(phase.result.conflicts, 'conflicting edit')} kept for review` : ''}.`}
          </p>
          {phase.bytesWarning ? (
            <p className="form-error" role="alert">
              {phase.bytesWarning}
            </p>
          ) : null}
        </>
      );
    case 'error':
      return (
        <div className="form-error data-error" role="alert">
          <p>{phase.message}</p>
          {phase.problems.length > 1 ? (
            <ul>
              {phase.problems.slice(0, 12).map((problem, index) => (
                <li key={index}>{describeProblem(problem)}</li>
              ))}
              {phase.problems.length > 12 ? <li>… and {phase.problems.length - 12} more</li> : null}
            </ul>
          ) : null}
        </div>
      );
  }
}
