import type { MemoOptions } from '@shared/memo/buildMemo';
import { composeMemo, type ComposedMemo } from '@shared/memo/compose';
import { memoDate } from '@shared/memo/composerDraft';
import type { MemoRecord } from '@shared/model/memo';
import { issueMemoVersion } from '../../../db/repositories/memos';
import type { MemoScreenState } from './memoScreenState';
import { signIssuedMemo } from './signMemo';

type IssueInput = Parameters<typeof issueMemoVersion>[1];

/** The version being re-issued, if the draft re-issues one still current. */
function reissued(state: MemoScreenState): MemoRecord | null {
  const of = state.active.reissueOf;
  if (!of) return null;
  return state.memos.find((m) => m.memoId === of.memoId && m.status === 'issued') ?? null;
}

/** The record of the memo being issued: its frozen content, signed text and composition. */
function issuedRecord(
  state: MemoScreenState,
  options: MemoOptions,
  final: ComposedMemo,
  issued: { at: string; markdown: string; signed: IssueInput['signed'] },
): IssueInput {
  const { active } = state;
  return {
    engagementId: state.engagement.id,
    memoId: options.memoId,
    version: options.version,
    status: 'issued',
    supersededBy: null,
    issuedAt: issued.at,
    subject: final.memo.header.subject,
    recipientIds: active.recipientIds,
    ccIds: active.ccIds,
    composition: {
      date: memoDate(active, state.today),
      scopeKind: active.scopeKind,
      selectedIssueIds: active.scopeKind === 'selected' ? active.selectedIssueIds : [],
      excludeInternal: active.excludeInternal,
      purpose: active.purpose,
      limits: active.limits,
      responsibility: active.responsibility,
      distribution: active.distribution,
    },
    display: final.display,
    ...(final.logo ? { logo: final.logo } : {}),
    content: final.canonical,
    fingerprint: final.fingerprint,
    markdown: issued.markdown,
    signed: issued.signed,
    cited: final.cited,
    itemIssueIds: final.memo.items.map((i) => i.id),
    exports: [],
  };
}

/**
 * Issues the draft: composes it as issued, signs it (a memo that cannot be signed is not
 * issued, the draft stays), stores the version (superseding the one it re-issues) and closes
 * the draft.
 */
export async function issueMemo(state: MemoScreenState): Promise<void> {
  const { options, autosave } = state;
  if (!options) return;
  // Store what was typed last first: if issuing fails, the draft is kept as it stands.
  await autosave.flush();
  const final = await composeMemo(state.loaded.source, options, 'issued', state.display);
  if (final.memo.items.length === 0)
    throw new Error('This memo has no items: there is nothing to issue.');
  const previous = reissued(state);
  const at = new Date().toISOString();
  // Signed before it is stored: a memo that cannot be signed is not issued (the draft stays).
  const { markdown, signed } = await signIssuedMemo(state.client, final, at, previous);
  const input = issuedRecord(state, options, final, { at, markdown, signed });
  const record = await issueMemoVersion(state.store, input, previous, state.active.id);
  // nothing typed while issuing may bring the issued draft back
  autosave.cancel();
  state.setDraft(null);
  state.pushToast({
    tone: 'success',
    message: `Issued ${record.memoId} version ${record.version}${previous ? `; version ${previous.version} is superseded` : ''}.`,
  });
}
