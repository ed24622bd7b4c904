import type { MemoOptions, EarlierMemoRef } from './buildMemo';
import type { Engagement } from '../model/engagement';
import type { MemoRecord } from '../model/memo';
import type { MemoScopeKind } from '../model/memo';
import type { MemoDraftInput, MemoDraftRecord } from '../model/memoDraft';
import { newId } from '../ids';
import { nextMemoId } from './memoId';

/*
 * The Memos tab's composer state and its pure helpers (identity, buildMemo options, the stored
 * draft form). Kept in shared/ so the unit tests can reach them.
 */

/**
 * The composer's state: a memo not issued yet. Autosaved as a memo draft of this device
 * (`store.memoDrafts`, see draftRecord / fromDraftRecord) once the consultant changes something.
 */
export interface MemoDraft {
  /** The draft's id (its memo draft row once saved). */
  id: string;
  /** A new memo id, or a new version of an issued memo. */
  reissueOf: MemoRecord | null;
  /** The memo's date (YYYY-MM-DD), or null: dated the day it is issued (today). */
  date: string | null;
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
  /** Responsibility ('' = the engagement's wording, else the standard one). */
  responsibility: string;
  /** Distribution ('' = default). */
  distribution: string;
}

/** The date the memo carries: the one chosen, else today. */
export function memoDate(draft: MemoDraft, today: string): string {
  return draft.date ?? today;
}

/** The current (not superseded) versions of the engagement's issued memos, newest first. */
export function currentMemos(memos: readonly MemoRecord[]): MemoRecord[] {
  return memos
    .filter((m) => m.status === 'issued')
    .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0));
}

/**
 * A fresh draft. The responsibility wording is the engagement's (`memoResponsibility`, left ''
 * so the memo follows it); an engagement without one keeps the wording of its last issued memo,
 * as before the field existed. The distribution wording carries over from the last memo.
 */
export function newDraft(memos: readonly MemoRecord[], engagement: Engagement): MemoDraft {
  const last = currentMemos(memos)[0];
  const ownWording = (engagement.memoResponsibility ?? '').trim() !== '';
  return {
    id: newId(),
    reissueOf: null,
    date: null,
    subject: '',
    recipientIds: [],
    ccIds: [],
    scopeKind: 'open',
    selectedIssueIds: [],
    excludeInternal: true,
    purpose: '',
    limits: '',
    responsibility: ownWording ? '' : (last?.composition.responsibility ?? ''),
    distribution: last?.composition.distribution ?? '',
  };
}

/** A draft re-issuing an issued memo: its choices, a new version, dated when issued. */
export function reissueDraft(memo: MemoRecord): MemoDraft {
  const c = memo.composition;
  return {
    id: newId(),
    reissueOf: memo,
    date: null,
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

/** What the memo drafts repository stores for a draft of the engagement. */
export function draftRecord(draft: MemoDraft, engagementId: string): MemoDraftInput {
  return {
    id: draft.id,
    engagementId,
    reissueOfId: draft.reissueOf?.id ?? null,
    date: draft.date,
    subject: draft.subject,
    recipientIds: draft.recipientIds,
    ccIds: draft.ccIds,
    scopeKind: draft.scopeKind,
    selectedIssueIds: draft.selectedIssueIds,
    excludeInternal: draft.excludeInternal,
    purpose: draft.purpose,
    limits: draft.limits,
    responsibility: draft.responsibility,
    distribution: draft.distribution,
  };
}

/**
 * The composer's draft from a stored one. A re-issue whose memo is not among `memos` (it cannot
 * be deleted, so only a damaged row) becomes a new memo.
 */
export function fromDraftRecord(record: MemoDraftRecord, memos: readonly MemoRecord[]): MemoDraft {
  return {
    id: record.id,
    reissueOf: memos.find((m) => m.id === record.reissueOfId) ?? null,
    date: record.date,
    subject: record.subject,
    recipientIds: record.recipientIds,
    ccIds: record.ccIds,
    scopeKind: record.scopeKind,
    selectedIssueIds: record.selectedIssueIds,
    excludeInternal: record.excludeInternal,
    purpose: record.purpose,
    limits: record.limits,
    responsibility: record.responsibility,
    distribution: record.distribution,
  };
}

/** A short name for a draft in lists: its subject, else what it will be. */
export function draftLabel(record: MemoDraftRecord, memos: readonly MemoRecord[]): string {
  if (record.subject.trim() !== '') return record.subject;
  const reissued = memos.find((m) => m.id === record.reissueOfId);
  return reissued ? `Re-issue of ${reissued.memoId}` : 'Untitled memo';
}

/** The memo id and version the draft will be issued as. */
export function draftIdentity(
  draft: MemoDraft,
  engagement: Engagement,
  memos: readonly MemoRecord[],
  today: string,
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
      Number(memoDate(draft, today).slice(0, 4)),
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
  today: string,
): MemoOptions {
  const { memoId, version } = draftIdentity(draft, engagement, memos, today);
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
    date: memoDate(draft, today),
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
