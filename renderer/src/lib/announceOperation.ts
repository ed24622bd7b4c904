import { announce } from '../state/announcer';
import { errorMessage } from './errorMessage';
import { operationAnnouncement, type Operation } from './operationAnnouncement';

/**
 * Runs an import or export and says so through the live region: when it starts, and how it
 * ended. `task` returns what was written or read (null when the user cancelled a file dialog);
 * a failure is announced and rethrown, so the caller still shows it its own way.
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
    throw error;
  }
}
