import type { MemoExhibit } from './exhibits';
import type { Memo } from './types';

/**
 * The exhibits an issued memo lists, as its frozen content records them: [] for a memo that
 * cites no file (or was issued before exhibits existed). Content that does not read as a memo
 * lists none, rather than throwing in a screen.
 */
export function issuedExhibits(record: { content: string }): MemoExhibit[] {
  let memo: Partial<Memo> | null;
  try {
    memo = JSON.parse(record.content) as Partial<Memo> | null;
  } catch {
    return [];
  }
  return Array.isArray(memo?.exhibits) ? memo.exhibits : [];
}
