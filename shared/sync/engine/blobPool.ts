/**
 * Runs jobs a few at a time, bounded by count and by the bytes they hold at once: reading the
 * next file while one is hashed and stored keeps the disk and the digest busy together, and a
 * 100 MB file still runs alone, so memory stays near one file's size.
 */

/** At most this many jobs at once. */
export const MAX_JOBS = 4;
/** Jobs start together only while their sizes add up to at most this [64 MiB]. */
export const MAX_BYTES_IN_FLIGHT = 64 * 1024 * 1024;

/** One job: the bytes it will hold, and its work (which must not throw for the file's fault). */
export interface BoundedJob {
  bytes: number;
  run: () => Promise<void>;
}

/** Runs every job, in order of start, calling `onDone` after each; rejects on the first error. */
export async function runBounded(
  jobs: readonly BoundedJob[],
  onDone: () => void,
  limits: { jobs: number; bytes: number } = { jobs: MAX_JOBS, bytes: MAX_BYTES_IN_FLIGHT },
): Promise<void> {
  const active = new Set<Promise<void>>();
  let inFlight = 0;
  let failure: { error: unknown } | null = null;
  for (const job of jobs) {
    while (active.size > 0 && (active.size >= limits.jobs || inFlight + job.bytes > limits.bytes)) {
      await Promise.race(active);
    }
    if (failure) break;
    inFlight += job.bytes;
    const running: Promise<void> = job
      .run()
      .then(onDone, (error: unknown) => {
        failure ??= { error };
      })
      .finally(() => {
        inFlight -= job.bytes;
        active.delete(running);
      });
    active.add(running);
  }
  await Promise.all(active);
  if (failure) throw (failure as { error: unknown }).error;
}
