import { announce } from '../state/announcer';
import { errorMessage } from './errorMessage';
import { operationAnnouncement, type Operation } from './operationAnnouncement';

/** Failures announceOperation has said (the error objects it rethrew). */
const announcedFailures = new WeakSet<object>();

/** Whether `error` is a failure announceOperation has already said, so its toast need not. */
export function failureAnnounced(error: unknown): boolean {
  return typeof error === 'object' && error !== null && announcedFailures.has(error);
}

/**
 * Runs an import or export and says so through the live region: when it starts, and how it
 * ended. `task` returns what was written or read (null when the user cancelled a file dialog);
 * a failure is announced and rethrown, so the caller still shows it its own way (a toast of
 * either marked `announced`, see failureAnnounced, so a screen reader hears it once).
 */
export async function announceOperation<T extends { file?: string; detail?: string }>(
  op: Operation,
  task: () => Promise<T | null>,
): Promise<T | null> {
  announce(operationAnnouncement(op, { kind: 'started' }));
  try {
    const result = await task();
    announce(
      operationAnnouncement(
        op,
        result
          ? {
              kind: 'done',
              ...(result.file ? { file: result.file } : {}),
              ...(result.detail ? { detail: result.detail } : {}),
            }
          : { kind: 'cancelled' },
      ),
    );
    return result;
  } catch (error) {
    announce(operationAnnouncement(op, { kind: 'failed', message: errorMessage(error) }));
    if (typeof error === 'object' && error !== null) announcedFailures.add(error);
    throw error;
  }
}
