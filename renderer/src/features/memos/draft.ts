import type { MemoOptions, EarlierMemoRef } from '@shared/memo/buildMemo';
import type { Engagement } from '@shared/model/engagement';
import type { MemoRecord } from '@shared/model/memo';
import type { MemoScopeKind } from '@shared/model/memo';
import { nextMemoId } from '@shared/memo/memoId';

/** The composer's state: a memo not issued yet (kept while the Memos tab is open). */
export interface MemoDraft {
  /** A new memo id, or a new version of an issued memo. */
  reissueOf: MemoRecord | null;
  /** The memo's date (YYYY-MM-DD). */
  date: string;
  /** Subject ('' = default). */
  subject: string;
  /** Decision makers addressed. */
  recipientIds: string[];
  /** In copy. */
  ccIds: string[];
  /** Which issues. */
  scopeKind: MemoScopeKind;
  /** The issues picked when scopeKind is 'selected'. */
  selectedIssueIds: string[];
  /** Leave internal-only issues out. */
  excludeInternal: boolean;
  /** Editable wording ('' = default). */
  purpose: string;
  /** Limits ('' = default). */
  limits: string;
  /** Responsibility ('' = default). */
  responsibility: string;
  /** Distribution ('' = default). */
  distribution: string;
}

/** The current (not superseded) versions of the engagement's issued memos, newest first. */
export function currentMemos(memos: readonly MemoRecord[]): MemoRecord[] {
  return memos
    .filter((m) => m.status === 'issued')
    .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0));
}

/** A fresh draft; the responsibility wording carries over from the engagement's last memo. */
export function newDraft(memos: readonly MemoRecord[], today: string): MemoDraft {
  const last = currentMemos(memos)[0];
  return {
    reissueOf: null,
    date: today,
    subject: '',
    recipientIds: [],
    ccIds: [],
    scopeKind: 'open',
    selectedIssueIds: [],
    excludeInternal: true,
    purpose: '',
    limits: '',
    responsibility: last?.composition.responsibility ?? '',
    distribution: last?.composition.distribution ?? '',
  };
}

/** A draft re-issuing an issued memo: its choices, a new version. */
export function reissueDraft(memo: MemoRecord, today: string): MemoDraft {
  const c = memo.composition;
  return {
    reissueOf: memo,
    date: today,
    subject: memo.subject,
    recipientIds: memo.recipientIds,
    ccIds: memo.ccIds,
    scopeKind: c.scopeKind,
    selectedIssueIds: c.selectedIssueIds,
    excludeInternal: c.excludeInternal,
    purpose: c.purpose,
    limits: c.limits,
    responsibility: c.responsibility,
    distribution: c.distribution,
  };
}

/** The memo id and version the draft will be issued as. */
export function draftIdentity(
  draft: MemoDraft,
  engagement: Engagement,
  memos: readonly MemoRecord[],
): { memoId: string; version: number } {
  if (draft.reissueOf) {
    const versions = memos
      .filter((m) => m.memoId === draft.reissueOf?.memoId)
      .map((m) => m.version);
    return { memoId: draft.reissueOf.memoId, version: Math.max(0, ...versions) + 1 };
  }
  return {
    memoId: nextMemoId(
      engagement.code,
      Number(draft.date.slice(0, 4)),
      memos.map((m) => m.memoId),
    ),
    version: 1,
  };
}

/** The buildMemo options of a draft. */
export function draftOptions(
  draft: MemoDraft,
  engagement: Engagement,
  memos: readonly MemoRecord[],
  from: { name: string; firm: string },
): MemoOptions {
  const { memoId, version } = draftIdentity(draft, engagement, memos);
  const current = currentMemos(memos).filter((m) => m.memoId !== memoId);
  const earlierMemos: EarlierMemoRef[] = current.map((m) => ({
    memoId: m.memoId,
    version: m.version,
    issueIds: m.itemIssueIds,
  }));
  const since = current[0]?.issuedAt ?? null;
  return {
    memoId,
    version,
    date: draft.date,
    subject: draft.subject,
    recipientIds: draft.recipientIds,
    ccIds: draft.ccIds,
    scope:
      draft.scopeKind === 'selected'
        ? { kind: 'selected', issueIds: draft.selectedIssueIds }
        : draft.scopeKind === 'open'
          ? { kind: 'open' }
          : { kind: 'sinceLastMemo', since },
    excludeInternal: draft.excludeInternal,
    purpose: draft.purpose,
    limits: draft.limits,
    responsibility: draft.responsibility,
    distribution: draft.distribution,
    fromName: engagement.consultantName.trim() !== '' ? engagement.consultantName : from.name,
    fromFirm: engagement.consultantFirm.trim() !== '' ? engagement.consultantFirm : from.firm,
    earlierMemos,
  };
}
