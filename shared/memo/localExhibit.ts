import type { TimeDisplay } from '../time/display';
import type { MemoExhibit } from './exhibits';
import { localDayOf } from './memoSentences';

/**
 * An exhibit's "Verified" words as printed: the day its DKIM check ran, in the engagement's zone
 * and date style. The fingerprinted model keeps the UTC day (so no fingerprint depends on the
 * display); the words change only where they end with exactly that day, else they print as
 * stored (memos issued before `checkedAt` was kept, or words written otherwise).
 */
export function localExhibitVerification(exhibit: MemoExhibit, display: TimeDisplay): string {
  const { verification, checkedAt } = exhibit;
  if (!checkedAt) return verification;
  const utcDay = ` on ${checkedAt.slice(0, 10)}`;
  if (!verification.endsWith(utcDay)) return verification;
  return `${verification.slice(0, -utcDay.length)} on ${localDayOf(checkedAt, display)}`;
}
