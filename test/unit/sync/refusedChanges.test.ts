import { afterEach, describe, expect, it } from 'vitest';
import { composeMemo } from '../../../shared/memo';
import { newId } from '../../../shared/ids';
import type { ChangeRecord, FieldChange } from '../../../shared/model/change';
import type { MemoRecord } from '../../../shared/model/memo';
import { SYNC_PARKED_TABLE } from '../../../shared/sync/conflict';
import type { WorkbenchDB } from '../../../renderer/db/database';
import type { WorkbenchStore } from '../../../renderer/db/repositories/store';
import { listDeviceChangesSince } from '../../../renderer/db/queries/changes';
import { issueMemoVersion } from '../../../renderer/db/repositories/memos';
import {
  applyChanges,
  retryParkedChanges,
  type ParkedChange,
} from '../../../renderer/db/sync/applyChanges';
import { exportEngagementArchive, importArchive, mergeArchive } from '../../../renderer/db/archive';
import { ArchiveImportError } from '../../../renderer/db/archive/errors';
import { readAllChanges } from '../../../renderer/db/changeLog/reads';
import { parseArchiveText } from '../../../shared/archive';
import { DEVICE_ID, OTHER_DEVICE_ID, openTestStore, steppingClock } from '../db/helpers';
import { sample, sampleMemoOptions } from '../memo/fixtures';

const opened: WorkbenchDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function device(deviceId: string) {
  const clock = steppingClock('2026-06-10T09:00:00.000Z');
  const result = await openTestStore({ deviceId, now: clock.now });
  opened.push(result.db);
  return result;
}

/** Device A with the sample engagement and one issued memo; B with all of A's changes. */
async function twoDevicesWithMemo() {
  const a = await device(DEVICE_ID);
  const b = await device(OTHER_DEVICE_ID);
  const data = sample();
  await a.store.importEngagement(data);
  const options = { ...sampleMemoOptions(data), version: 1 };
  const c = await composeMemo(data, options, 'issued');
  const memo = await issueMemoVersion(
    a.store,
    {
      engagementId: data.engagement.id,
      memoId: options.memoId,
      version: 1,
      issuedAt: '2026-06-11T10:00:00.000Z',
      subject: 'Open issues needing a decision',
      recipientIds: options.recipientIds,
      ccIds: options.ccIds,
      composition: { date: options.date, scopeKind: 'open', excludeInternal: true },
      content: c.canonical,
      fingerprint: c.fingerprint,
      markdown: c.markdown,
      cited: c.cited,
      itemIssueIds: c.memo.items.map((i) => i.id),
    },
    null,
  );
  const log = await listDeviceChangesSince(a.db, DEVICE_ID, 0);
  await apply(b.store, log);
  return { a, b, memo, log, engagementId: data.engagement.id };
}

function apply(to: WorkbenchStore, changes: readonly unknown[]) {
  return applyChanges(to.db, changes, {
    deviceId: to.deviceId,
    now: () => new Date('2026-06-20T12:00:00.000Z'),
  });
}

let forgedSeq = 10_000;
/** A change as a writer of the folder (or of an archive) could make it, later than all else. */
function forge(
  of: { id: string; engagementId: string },
  entity: string,
  op: string,
  changes: FieldChange[],
): ChangeRecord {
  forgedSeq += 1;
  return {
    id: newId(),
    hlc: `2026-06-15T10:00:00.000Z-${forgedSeq.toString(36).padStart(4, '0')}-${DEVICE_ID}`,
    deviceId: DEVICE_ID,
    seq: forgedSeq,
    at: '2026-06-15T10:00:00.000Z',
    engagementId: of.engagementId,
    entity,
    recordId: of.id,
    op,
    changes,
  } as ChangeRecord;
}

async function parked(db: WorkbenchDB): Promise<ParkedChange[]> {
  return db.table<ParkedChange, string>(SYNC_PARKED_TABLE).toArray();
}

describe('an issued memo cannot be changed by any incoming change', () => {
  it('sync: a change of its subject, a delete and a second create are parked with a reason; superseding and exports apply', async () => {
    const { b, memo } = await twoDevicesWithMemo();
    const before = await b.db.memos.get(memo.id);
    const subject = forge(memo, 'memo', 'update', [
      { field: 'subject', old: memo.subject, new: 'Nothing to see here' },
    ]);
    const remove = forge(memo, 'memo', 'delete', [
      { field: 'deletedAt', old: null, new: '2026-06-15T10:00:00.000Z' },
    ]);
    const recreate = forge(memo, 'memo', 'create', [
      { field: 'content', old: null, new: '{"forged":true}' },
    ]);
    const result = await apply(b.store, [subject, remove, recreate]);
    expect(result.applied).toBe(0);
    expect(result.refused.map((r) => r.id).sort()).toEqual(
      [subject.id, remove.id, recreate.id].sort(),
    );
    expect(await b.db.memos.get(memo.id)).toEqual(before);
    const reasons = (await parked(b.db)).map((p) => p.reason).sort();
    expect(reasons).toEqual([
      'a memo that is already issued cannot be issued again',
      'issued memo: deletedAt an issued memo cannot be deleted: supersede it with a new version',
      'issued memo: subject cannot change on an issued memo: issue a new version instead',
    ]);
    const ids = new Set((await readAllChanges(b.db)).map((c) => c.id));
    expect(ids.has(subject.id) || ids.has(remove.id) || ids.has(recreate.id)).toBe(false);

    const exported = {
      format: 'pdf' as const,
      sha256: 'a'.repeat(64),
      pageSize: 'A4',
      at: '2026-06-15T11:00:00.000Z',
    };
    const allowed = forge(memo, 'memo', 'update', [
      { field: 'status', old: 'issued', new: 'superseded' },
      { field: 'supersededBy', old: null, new: 2 },
      { field: 'exports', old: [], new: [exported] },
    ]);
    const ok = await apply(b.store, [allowed]);
    expect(ok.refused).toEqual([]);
    const after = (await b.db.memos.get(memo.id)) as MemoRecord;
    expect([after.status, after.supersededBy, after.exports]).toEqual([
      'superseded',
      2,
      [exported],
    ]);
    // Parked changes stay parked when retried: they never become acceptable.
    await retryParkedChanges(b.db, { deviceId: b.store.deviceId });
    expect(await parked(b.db)).toHaveLength(3);
    expect((await b.db.memos.get(memo.id))?.subject).toBe(memo.subject);
  });

  it('archive merge: the forged change is refused, the rest of the archive merges', async () => {
    const { a, b, memo, engagementId } = await twoDevicesWithMemo();
    const text = await exportEngagementArchive(a.db, engagementId, {
      appVersion: '0.1.0',
      now: () => new Date('2026-06-20T10:00:00.000Z'),
    });
    const parsed = await parseArchiveText(text.text, text.fileName);
    const forged = forge(memo, 'memo', 'update', [
      { field: 'markdown', old: memo.markdown, new: '# Forged' },
    ]);
    const stakeholder = parsed.content.records.stakeholder?.[0] as { id: string; name: string };
    const rename = forge({ id: stakeholder.id, engagementId }, 'stakeholder', 'update', [
      { field: 'name', old: stakeholder.name, new: 'Renamed in the archive' },
    ]);
    parsed.content.changes.push(forged, rename);
    await mergeArchive(b.store, parsed);
    expect((await b.db.memos.get(memo.id))?.markdown).toBe(memo.markdown);
    expect((await b.db.stakeholders.get(stakeholder.id))?.name).toBe('Renamed in the archive');
    expect((await parked(b.db)).map((p) => p.id)).toEqual([forged.id]);
  });

  it('archive copy: an archive whose log changes an issued memo is refused, nothing written', async () => {
    const { a, memo, engagementId } = await twoDevicesWithMemo();
    const c = await device('0195a000-0000-7000-8000-0000000000d3');
    const text = await exportEngagementArchive(a.db, engagementId, {
      appVersion: '0.1.0',
      now: () => new Date('2026-06-20T10:00:00.000Z'),
    });
    const parsed = await parseArchiveText(text.text, text.fileName);
    parsed.content.changes.push(
      forge(memo, 'memo', 'update', [{ field: 'subject', old: memo.subject, new: 'Other' }]),
    );
    const error = await importArchive(c.store, parsed, { mode: 'copy' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveImportError);
    expect((error as ArchiveImportError).kind).toBe('frozen-memo');
    expect(await c.db.engagements.count()).toBe(0);
    expect(await c.db.memos.count()).toBe(0);
  });

  it('local edit: the memo repository refuses through the same rule', async () => {
    const { a, memo } = await twoDevicesWithMemo();
    await expect(a.store.memos.update(memo.id, { subject: 'Changed' })).rejects.toThrow(/subject/);
  });
});

describe('invalid records are parked with a reason, never stored', () => {
  it('a change with an invalid value is parked and the record stays as it was', async () => {
    const { b, engagementId } = await twoDevicesWithMemo();
    const note = (await b.db.notes.toArray())[0];
    if (!note) throw new Error('sample has no note');
    const bad = forge({ id: note.id, engagementId }, 'note', 'update', [
      { field: 'kind', old: note.kind, new: '<style>' },
    ]);
    const unknownField = forge({ id: note.id, engagementId }, 'note', 'update', [
      { field: 'owner', old: null, new: 'x' },
    ]);
    const result = await apply(b.store, [bad, unknownField]);
    expect(result.refused.map((r) => r.reason).sort()).toEqual([
      'invalid change: kind must be one of: meeting, observation, call, other',
      'invalid change: writes an unknown field owner',
    ]);
    expect(await b.db.notes.get(note.id)).toEqual(note);
    expect(await parked(b.db)).toHaveLength(2);
  });

  it('a list field written with something not a list is parked, not read as an empty list', async () => {
    const { b, engagementId } = await twoDevicesWithMemo();
    const note = (await b.db.notes.toArray()).find((n) => n.participantIds.length > 0);
    if (!note) throw new Error('sample has no note with participants');
    const bad = forge({ id: note.id, engagementId }, 'note', 'update', [
      { field: 'participantIds', old: note.participantIds, new: 'everyone' },
    ]);
    const result = await apply(b.store, [bad]);
    expect(result.refused.map((r) => r.reason)).toEqual([
      'invalid change: participantIds must be a list of ids',
    ]);
    expect((await b.db.notes.get(note.id))?.participantIds).toEqual(note.participantIds);
  });

  it('a create of an invalid record is parked: the record does not appear', async () => {
    const { b, engagementId } = await twoDevicesWithMemo();
    const id = newId();
    const create = forge({ id, engagementId }, 'risk', 'create', [
      { field: 'title', old: null, new: '' },
      { field: 'engagementId', old: null, new: engagementId },
    ]);
    const result = await apply(b.store, [create]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]?.reason).toMatch(/^invalid change: title/);
    expect(await b.db.risks.get(id)).toBeUndefined();
  });

  it('changes valid alone that make the record invalid together are parked until a later change fixes it', async () => {
    const { b, engagementId } = await twoDevicesWithMemo();
    const engagement = await b.db.engagements.get(engagementId);
    if (!engagement) throw new Error('no engagement');
    // An end date before the start date is valid alone, invalid with it.
    await apply(b.store, [
      forge({ id: engagementId, engagementId }, 'engagement', 'update', [
        { field: 'startDate', old: engagement.startDate, new: '2026-01-01' },
        { field: 'endDate', old: engagement.endDate, new: null },
      ]),
    ]);
    const dated = await b.db.engagements.get(engagementId);
    const early = forge({ id: engagementId, engagementId }, 'engagement', 'update', [
      { field: 'endDate', old: null, new: '2000-01-01' },
    ]);
    const result = await apply(b.store, [early]);
    expect(result.invalidRecords).toEqual([{ entity: 'engagement', recordId: engagementId }]);
    expect(result.refused[0]?.reason).toMatch(/^would make the engagement invalid: /);
    expect(await b.db.engagements.get(engagementId)).toEqual(dated);
    // A later change moves the start before it: the parked change now applies on retry.
    const start = forge({ id: engagementId, engagementId }, 'engagement', 'update', [
      { field: 'startDate', old: '2026-01-01', new: '1999-01-01' },
    ]);
    await apply(b.store, [start]);
    await retryParkedChanges(b.db, { deviceId: b.store.deviceId });
    expect(await parked(b.db)).toEqual([]);
    const fixed = await b.db.engagements.get(engagementId);
    expect([fixed?.startDate, fixed?.endDate]).toEqual(['1999-01-01', '2000-01-01']);
  });
});
