import { afterEach, describe, expect, it } from 'vitest';
import { composeMemo } from '../../../shared/memo';
import type { MemoRecordInput } from '../../../shared/model/memo';
import type { MemoDraftInput } from '../../../shared/model/memoDraft';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { ValidationError } from '../../../renderer/db/errors';
import { getMemoDraft, listMemoDrafts } from '../../../renderer/db/queries/memoDrafts';
import { issueMemoVersion } from '../../../renderer/db/repositories/memos';
import { collectArchiveContent } from '../../../renderer/db/archive';
import {
  draftRecord,
  fromDraftRecord,
  newDraft,
  reissueDraft,
} from '../../../shared/memo/composerDraft';
import { openTestStore, steppingClock } from '../db/helpers';
import { personId, sample, sampleMemoOptions } from './fixtures';

const opened: WorkbenchDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const DRAFT_ID = '0195b000-0000-7000-8000-0000000000f1';
const OTHER_DRAFT_ID = '0195b000-0000-7000-8000-0000000000f2';

async function setup() {
  const clock = steppingClock('2026-06-15T13:00:00.000Z', 60_000);
  const { db, store } = await openTestStore({ now: clock.now });
  opened.push(db);
  const data = sample();
  await store.importEngagement(data);
  clock.set('2026-06-15T13:00:00.000Z');
  return { db, store, data, clock };
}

function draftInput(
  data: ReturnType<typeof sample>,
  patch: Partial<MemoDraftInput> = {},
): MemoDraftInput {
  return {
    id: DRAFT_ID,
    engagementId: data.engagement.id,
    subject: 'Backups and the publishing pipeline',
    recipientIds: [personId(data, 'Margaret Oduya')],
    ccIds: [personId(data, 'Nadia Brooks')],
    scopeKind: 'selected',
    selectedIssueIds: data.raisedIssues.slice(0, 2).map((i) => i.id),
    excludeInternal: true,
    responsibility: 'Management is responsible for deciding whether to act.',
    ...patch,
  };
}

async function issuedInput(data: ReturnType<typeof sample>): Promise<MemoRecordInput> {
  const options = sampleMemoOptions(data);
  const c = await composeMemo(data, options, 'issued');
  return {
    engagementId: data.engagement.id,
    memoId: options.memoId,
    version: 1,
    issuedAt: '2026-06-15T14:00:00.000Z',
    subject: 'Backups and the publishing pipeline',
    recipientIds: options.recipientIds,
    ccIds: options.ccIds,
    composition: { date: options.date, scopeKind: 'open', excludeInternal: true },
    content: c.canonical,
    fingerprint: c.fingerprint,
    markdown: c.markdown,
    cited: c.cited,
    itemIssueIds: c.memo.items.map((i) => i.id),
  };
}

describe('memo drafts repository', () => {
  it('saves a draft with every composer choice and restores it as the latest', async () => {
    const { db, store, data } = await setup();
    const saved = await store.memoDrafts.save(draftInput(data));
    expect(saved).toMatchObject({
      id: DRAFT_ID,
      createdAt: '2026-06-15T13:00:00.000Z',
      updatedAt: '2026-06-15T13:00:00.000Z',
      reissueOfId: null,
      date: null,
      purpose: '',
      distribution: '',
      responsibility: 'Management is responsible for deciding whether to act.',
    });
    expect(await getMemoDraft(db, DRAFT_ID)).toEqual(saved);
    const listed = await listMemoDrafts(db, data.engagement.id);
    expect(listed).toEqual([saved]);
    // the composer's draft comes back exactly as it was typed
    const restored = fromDraftRecord(listed[0] ?? saved, []);
    expect(draftRecord(restored, data.engagement.id)).toEqual(
      draftInput(data, {
        reissueOfId: null,
        date: null,
        purpose: '',
        limits: '',
        distribution: '',
      }),
    );
  });

  it('updates in place: keeps createdAt, stamps updatedAt, newest draft first', async () => {
    const { db, store, data } = await setup();
    await store.memoDrafts.save(draftInput(data));
    await store.memoDrafts.save(draftInput(data, { id: OTHER_DRAFT_ID, subject: 'Second' }));
    const updated = await store.memoDrafts.save(
      draftInput(data, { subject: 'Backups, revised', date: '2026-06-20' }),
    );
    expect(updated.createdAt).toBe('2026-06-15T13:00:00.000Z');
    expect(updated.updatedAt).toBe('2026-06-15T13:02:00.000Z');
    expect(updated.date).toBe('2026-06-20');
    expect(await db.memoDrafts.count()).toBe(2);
    const listed = await listMemoDrafts(db, data.engagement.id);
    expect(listed.map((d) => d.subject)).toEqual(['Backups, revised', 'Second']);
  });

  it('discards with undo: the record comes back exactly as it was', async () => {
    const { db, store, data } = await setup();
    const saved = await store.memoDrafts.save(draftInput(data));
    const removed = await store.memoDrafts.discard(DRAFT_ID);
    expect(removed).toEqual(saved);
    expect(await listMemoDrafts(db, data.engagement.id)).toEqual([]);
    expect(await store.memoDrafts.discard(DRAFT_ID)).toBeNull();
    if (!removed) throw new Error('nothing discarded');
    const back = await store.memoDrafts.restore(removed);
    expect(back).toEqual(saved);
    expect(await listMemoDrafts(db, data.engagement.id)).toEqual([saved]);
  });

  it('is cleared in the transaction that issues its memo, and kept when issuing fails', async () => {
    const { db, store, data } = await setup();
    await store.memoDrafts.save(draftInput(data));
    await store.memoDrafts.save(draftInput(data, { id: OTHER_DRAFT_ID }));
    const input = await issuedInput(data);

    // a refused issue (no recipient) writes nothing: the draft stays
    await expect(
      issueMemoVersion(store, { ...input, recipientIds: [] }, null, DRAFT_ID),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.memos.count()).toBe(0);
    expect(await getMemoDraft(db, DRAFT_ID)).not.toBeNull();

    const issued = await issueMemoVersion(store, input, null, DRAFT_ID);
    expect(issued.status).toBe('issued');
    expect(await getMemoDraft(db, DRAFT_ID)).toBeNull();
    // only that draft: another draft of the engagement is untouched
    expect((await listMemoDrafts(db, data.engagement.id)).map((d) => d.id)).toEqual([
      OTHER_DRAFT_ID,
    ]);
    // an unsaved draft id (never stored) issues fine
    const again = await issueMemoVersion(
      store,
      { ...input, version: 2, issuedAt: '2026-06-16T09:00:00.000Z' },
      issued,
      '0195b000-0000-7000-8000-0000000000ff',
    );
    expect(again.version).toBe(2);
  });

  it('refuses a bad draft, naming each field, and writes nothing', async () => {
    const { db, store, data } = await setup();
    const bad = {
      ...draftInput(data),
      subject: 'x'.repeat(301),
      scopeKind: 'everything',
      recipientIds: ['not-a-uuid'],
      ccIds: [personId(data, 'Nadia Brooks'), personId(data, 'Nadia Brooks')],
      date: '15/06/2026',
    } as unknown as MemoDraftInput;
    const error: unknown = await store.memoDrafts.save(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).issues.map((i) => i.field).sort();
    expect(fields).toEqual(['ccIds', 'date', 'recipientIds.0', 'scopeKind', 'subject']);
    expect((error as ValidationError).entity).toBe('memoDraft');
    expect(await db.memoDrafts.count()).toBe(0);

    // a draft for no engagement, or a deleted one
    await expect(
      store.memoDrafts.save(
        draftInput(data, { engagementId: '0195b000-0000-7000-8000-0000000000ee' }),
      ),
    ).rejects.toThrow(/engagementId must be an existing engagement/);
    // an id of another engagement's draft cannot be taken over
    await store.memoDrafts.save(draftInput(data));
    const other = await store.engagements.create({
      client: 'Contoso',
      title: 'Audit',
      code: 'CON',
    });
    await expect(
      store.memoDrafts.save(draftInput(data, { engagementId: other.id })),
    ).rejects.toThrow(/engagementId cannot change/);
    await store.engagements.softDelete(data.engagement.id);
    await expect(store.memoDrafts.save(draftInput(data))).rejects.toThrow(
      /is a deleted engagement/,
    );
    // missing fields
    await expect(
      store.memoDrafts.save({ id: OTHER_DRAFT_ID } as unknown as MemoDraftInput),
    ).rejects.toThrow(/engagementId is required/);
  });

  it('leaves out a damaged stored row instead of breaking the list', async () => {
    const { db, store, data } = await setup();
    const saved = await store.memoDrafts.save(draftInput(data));
    await db.memoDrafts.put({
      ...saved,
      id: OTHER_DRAFT_ID,
      scopeKind: 'from-a-newer-app',
      updatedAt: '2026-06-15T18:00:00.000Z',
    } as never);
    expect(await listMemoDrafts(db, data.engagement.id)).toEqual([saved]);
    expect(await getMemoDraft(db, OTHER_DRAFT_ID)).toBeNull();
  });

  it('is device-local: no change log, not in the archive, never a memo', async () => {
    const { db, store, data } = await setup();
    const changesBefore = await db.changes.count();
    await store.memoDrafts.save(draftInput(data));
    await store.memoDrafts.save(draftInput(data, { subject: 'Edited' }));
    await store.memoDrafts.discard(DRAFT_ID);
    await store.memoDrafts.save(draftInput(data));
    expect(await db.changes.count()).toBe(changesBefore);
    expect(await db.memos.count()).toBe(0);
    const archive = await collectArchiveContent(db, data.engagement.id);
    expect(JSON.stringify(archive)).not.toContain(DRAFT_ID);
  });
});

describe('composer drafts', () => {
  it('round-trip a re-issue through the stored form', async () => {
    const { store, data } = await setup();
    const issued = await issueMemoVersion(store, await issuedInput(data), null);
    const draft = { ...reissueDraft(issued), subject: 'Revised', date: '2026-07-01' };
    const saved = await store.memoDrafts.save(draftRecord(draft, data.engagement.id));
    expect(saved.reissueOfId).toBe(issued.id);
    expect(fromDraftRecord(saved, [issued])).toEqual(draft);
    // its memo missing (a damaged row): opens as a new memo rather than failing
    expect(fromDraftRecord(saved, []).reissueOf).toBeNull();
  });

  it("a fresh draft follows the engagement's responsibility wording, else the last memo's", async () => {
    const { store, data } = await setup();
    const input = await issuedInput(data);
    const issued = await issueMemoVersion(
      store,
      {
        ...input,
        composition: { ...input.composition, responsibility: 'Wording of the last memo.' },
      },
      null,
    );
    // no engagement wording: the last memo's carries over, as before
    expect(newDraft([issued], data.engagement).responsibility).toBe('Wording of the last memo.');
    // engagement wording set: the draft leaves it '' so the memo uses the engagement's
    const withOwn = { ...data.engagement, memoResponsibility: 'Management decides.' };
    expect(newDraft([issued], withOwn).responsibility).toBe('');
    expect(newDraft([], data.engagement).date).toBeNull();
  });
});
