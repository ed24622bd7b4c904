import type { ReadProgress } from './archiveReader';

const STAGE_LABELS: Record<ReadProgress['stage'] | 'writing', string> = {
  reading: 'Reading the file',
  parsing: 'Reading the data',
  validating: 'Checking every record',
  checksum: 'Verifying the checksum',
  writing: 'Writing into the database',
};

/** A labelled progress bar for reading, checking and writing an archive. */
export function ProgressBar({
  stage,
  fraction,
}: {
  stage: ReadProgress['stage'] | 'writing';
  fraction: number | null;
}) {
  const label = STAGE_LABELS[stage];
  return (
    <div className="data-progress" role="status">
      <span>{label}…</span>
      <progress
        aria-label={label}
        max={1}
        {...(fraction === null ? {} : { value: Math.min(1, Math.max(0, fraction)) })}
      />
    </div>
  );
}
