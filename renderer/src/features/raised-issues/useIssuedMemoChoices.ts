import { useMemo } from 'react';
import { useRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';

/** One issued memo version an acknowledgement may name. */
export interface IssuedMemoChoice {
  /** Memo id, for the acknowledgement's memoId. */
  memoId: string;
  /** Version, for the acknowledgement's memoVersion. */
  version: number;
  /** "NWL-M-2026-004 v2, 2026-06-15: subject (superseded)". */
  label: string;
  /** When the version was issued (ISO, UTC). */
  issuedAt: string;
  /** The version's SHA-256 fingerprint, for the acknowledgement's memoFingerprint. */
  fingerprint: string;
  /**
   * The raised issues that are items of the memo (not those it only mentions, such as items
   * of earlier memos still open).
   */
  raisedIssueIds: readonly string[];
}

/**
 * The issued memos of an engagement as choices for "this answer acknowledges memo …" (for the
 * acknowledgement form), newest first; undefined while loading.
 */
export function useIssuedMemoChoices(engagementId: string): IssuedMemoChoice[] | undefined {
  const { db } = useWorkbench();
  const memos = useRecords(db, 'memo', engagementId);
  return useMemo(
    () =>
      memos?.map((m) => ({
        memoId: m.memoId,
        version: m.version,
        label: `${m.memoId} v${m.version}, ${m.composition.date}: ${m.subject}${m.status === 'superseded' ? ' (superseded)' : ''}`,
        issuedAt: m.issuedAt,
        fingerprint: m.fingerprint,
        raisedIssueIds: m.itemIssueIds,
      })),
    [memos],
  );
}
