import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PageSize } from '@shared/memo/printCss';
import type { VerifyResult } from '@shared/memo/verify';
import type { Engagement } from '@shared/model/engagement';
import type { MemoDraftInput, MemoDraftRecord } from '@shared/model/memoDraft';
import { localIsoDay } from '@shared/rules/dates';
import { engagementDisplay } from '@shared/time/display';
import {
  draftIdentity,
  draftOptions,
  fromDraftRecord,
  newDraft,
  type MemoDraft,
} from '@shared/memo/composerDraft';
import { useMemoDrafts } from '../../../db/hooks/memoDrafts';
import { useWorkbench } from '../../app/WorkbenchContext';
import { useUiStore } from '../../state/uiStore';
import { useComposedMemo } from './useComposedMemo';
import { useMemoDraftStore } from './draftStore';
import { useDraftAutosave } from './useDraftAutosave';
import { useMemoSource } from './useMemoSource';
import type { MemoScreenState } from './memoActions';

/** The Memos tab's state once loaded: what its actions need, and what its layout shows. */
export interface MemoScreen extends MemoScreenState {
  setPageSize: (size: PageSize) => void;
  busy: string | null;
  verdict: VerifyResult | null;
  /** Why the memo could not be built, if it could not. */
  error: string | null;
  /** The preview shows the memo being composed (its identity matches). */
  ready: boolean;
  /** The memo has no items. */
  empty: boolean;
  noRecipients: boolean;
  /** The stored row of the open draft, if it was saved. */
  activeStored: MemoDraftRecord | undefined;
  hasDraft: boolean;
}

/**
 * The Memos tab's state: the records, the drafts, the open draft (reopening the latest stored
 * one), its autosave, the composed memo and its identity. Undefined while loading.
 */
export function useMemoScreen(engagement: Engagement): MemoScreen | undefined {
  const { client, db, store, settings } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  // A PDF export may follow: main readies its hidden print window now, so the first export
  // does not wait for a new one. Only a head start: a failure here changes nothing.
  useEffect(() => {
    client.call('memo.preparePdf', {}).catch(() => undefined);
  }, [client]);
  const loaded = useMemoSource(engagement);
  const memos = useMemo(() => loaded?.memos ?? [], [loaded]);
  const storedDrafts = useMemoDrafts(db, engagement.id);
  // The open draft: undefined = none chosen yet (reopen the latest stored), null = a fresh memo.
  const draft = useMemoDraftStore((s) => s.drafts[engagement.id]);
  const storeDraft = useMemoDraftStore((s) => s.setDraft);
  const engagementId = engagement.id;
  const setDraft = (next: MemoDraft | null | undefined) => storeDraft(engagementId, next);
  const saveDraft = useCallback((input: MemoDraftInput) => store.memoDrafts.save(input), [store]);
  const autosave = useDraftAutosave(saveDraft, engagementId);
  const [pageSize, setPageSize] = useState<PageSize>('A4');
  const [busy, setBusy] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<VerifyResult | null>(null);
  const today = localIsoDay(new Date());
  const latestStored = storedDrafts?.[0];
  const defaultDraft = useMemo(() => {
    if (!loaded || !storedDrafts) return null;
    if (draft === undefined && latestStored) return fromDraftRecord(latestStored, memos);
    return newDraft(memos, engagement);
  }, [loaded, storedDrafts, draft, latestStored, memos, engagement]);
  const active = draft ?? defaultDraft;
  const from = { name: settings.consultantName, firm: settings.consultantFirm };
  const options = useMemo(
    () => (active && loaded ? draftOptions(active, engagement, memos, from, today) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [active, engagement, memos, settings.consultantName, settings.consultantFirm, today],
  );
  const display = useMemo(() => engagementDisplay(engagement), [engagement]);
  const { composed, error } = useComposedMemo(loaded?.source, options, display);

  if (!loaded || !storedDrafts || !active) return undefined;
  const identity = draftIdentity(active, engagement, memos, today);
  const ready = composed !== null && composed.memo.header.memoId === identity.memoId;
  const empty = ready && composed.memo.items.length === 0;
  const noRecipients = active.recipientIds.length === 0;
  const activeStored = storedDrafts.find((d) => d.id === active.id);
  const hasDraft = activeStored !== undefined || autosave.state.kind !== 'idle';
  return {
    client,
    store,
    pushToast,
    setBusy,
    setVerdict,
    engagement,
    engagementId,
    loaded,
    memos,
    storedDrafts,
    active,
    setDraft,
    storeDraft,
    autosave,
    composed,
    identity,
    options,
    display,
    today,
    pageSize,
    setPageSize,
    busy,
    verdict,
    error,
    ready,
    empty,
    noRecipients,
    activeStored,
    hasDraft,
  };
}
