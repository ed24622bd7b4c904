import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { listDeviceChangesSince } from '../../../renderer/db/queries/changes';
import { applyChanges, retryParkedChanges } from '../../../renderer/db/sync/applyChanges';
import type { WorkbenchStore } from '../../../renderer/db/repositories/store';
import type { SyncConflict } from '../../../shared/sync/conflict';
import type { ChangeRecord } from '../../../shared/model/change';
import {
  DEVICE_ID,
  OTHER_DEVICE_ID,
  engagementInput,
  openTestStore,
  steppingClock,
} from '../db/helpers';
import { readAllChanges, readRecordLog } from '../../../renderer/db/changeLog/reads';

const opened: WorkbenchDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function device(deviceId: string, startIso = '2026-03-02T09:00:00.000Z') {
  const clock = steppingClock(startIso);
  const opened_ = await openTestStore({ deviceId, now: clock.now });
  opened.push(opened_.db);
  return { ...opened_, clock };
}

async function outbox(store: WorkbenchStore): Promise<ChangeRecord[]> {
  return listDeviceChangesSince(store.db, store.deviceId, 0);
}

async function ship(from: WorkbenchStore, to: WorkbenchStore) {
  return applyChanges(to.db, await outbox(from), {
    deviceId: to.deviceId,
    now: () => new Date('2026-03-02T12:00:00.000Z'),
  });
}

describe('applyChanges', () => {
  it('a change logged for a record that neither exists nor is pending is not stored twice, and still wins', async () => {
    const a = await device(DEVICE_ID);
    const b = await device(OTHER_DEVICE_ID);
    const e = await a.store.engagements.create(engagementInput);
    const note = await a.store.notes.create({
      engagementId: e.id,
      title: 'Draft',
      date: '2026-03-02T09:00:00.000Z',
    });
    await a.store.notes.update(note.id, { title: 'Final' });
    const log = await outbox(a.store);
    const create = log.find((c) => c.recordId === note.id && c.op === 'create');
    // As an archive copied in before migration 008 left it: the note's later edit logged as a
    // row, the note neither stored nor marked pending.
    await b.db.changes.bulkPut(log.filter((c) => c.recordId === note.id && c !== create));
    const result = await ship(a.store, b.store);
    expect(result.duplicates).toBe(1);
    expect(result.applied).toBe(log.length - 1);
    const ids = (await readAllChanges(b.db)).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(log.length);
    expect((await b.db.notes.get(note.id))?.title).toBe('Final');
  });

  it('creates remote records and is idempotent by change id', async () => {
    const a = await device(DEVICE_ID);
    const b = await device(OTHER_DEVICE_ID);
    const e = await a.store.engagements.create(engagementInput);
    await a.store.notes.create({
      engagementId: e.id,
      title: 'Kick-off',
      date: '2026-03-02T09:00:00.000Z',
      body: 'x',
    });
    const first = await ship(a.store, b.store);
    expect(first.applied).toBe(2);
    expect(first.recordsWritten).toBe(2);
    expect(await b.db.notes.count()).toBe(1);
    const again = await ship(a.store, b.store);
    expect(again.applied).toBe(0);
    expect(again.duplicates).toBe(2);
    expect((await readAllChanges(b.db)).length).toBe(2);
    // remote changes are not in B's outbox
    expect(await outbox(b.store)).toHaveLength(0);
    expect((await b.db.engagements.get(e.id))?.title).toBe(engagementInput.title);
  });

  it('last writer wins per field, in any order, and keeps concurrent long text as a conflict', async () => {
    const a = await device(DEVICE_ID);
    const b = await device(OTHER_DEVICE_ID, '2026-03-02T09:00:30.000Z');
    const e = await a.store.engagements.create({ ...engagementInput, scope: 'original scope' });
    await ship(a.store, b.store);
    await a.store.engagements.update(e.id, { scope: 'scope from A', status: 'paused' });
    await b.store.engagements.update(e.id, { scope: 'scope from B' }); // later clock: wins
    const before = await a.store.changes.forRecord('engagement', e.id);
    expect(before).toHaveLength(2);
    const onA = await ship(b.store, a.store);
    const onB = await ship(a.store, b.store);
    const ea = await a.db.engagements.get(e.id);
    const eb = await b.db.engagements.get(e.id);
    expect(ea?.scope).toBe('scope from B');
    expect(eb?.scope).toBe('scope from B');
    expect(ea?.status).toBe('paused');
    expect(eb?.status).toBe('paused');
    expect(onA.conflicts).toBe(1);
    expect(onB.conflicts).toBe(1);
    const conflicts = await a.db.table<SyncConflict, string>('syncConflicts').toArray();
    expect(conflicts[0]?.loserValue).toBe('scope from A');
    expect(conflicts[0]?.winnerValue).toBe('scope from B');
  });

  it('records field changes that arrive before their create and builds the record when it comes', async () => {
    const a = await device(DEVICE_ID);
    const b = await device(OTHER_DEVICE_ID);
    const e = await a.store.engagements.create(engagementInput);
    await a.store.engagements.rename(e.id, 'Renamed');
    const [create, rename] = await outbox(a.store);
    const early = await applyChanges(b.db, [rename], { deviceId: OTHER_DEVICE_ID });
    expect(early.pendingRecords).toBe(1);
    expect(await b.db.engagements.get(e.id)).toBeUndefined();
    await applyChanges(b.db, [create], { deviceId: OTHER_DEVICE_ID });
    expect((await b.db.engagements.get(e.id))?.title).toBe('Renamed');
  });

  it('parks changes of an unknown entity and applies them later', async () => {
    const b = await device(OTHER_DEVICE_ID);
    const a = await device(DEVICE_ID);
    const e = await a.store.engagements.create(engagementInput);
    const [create] = await outbox(a.store);
    const future = { ...create, entity: 'timesheet' };
    const r = await applyChanges(b.db, [future, { nonsense: true }], { deviceId: OTHER_DEVICE_ID });
    expect(r.parked).toBe(1);
    expect(r.rejected).toHaveLength(1);
    expect(await b.db.table('syncParked').count()).toBe(1);
    // simulate the upgrade: the parked raw change becomes applicable
    await b.db.table('syncParked').update(create!.id, { raw: create });
    const later = await retryParkedChanges(b.db, { deviceId: OTHER_DEVICE_ID });
    expect(later?.applied).toBe(1);
    expect((await b.db.engagements.get(e.id))?.id).toBe(e.id);
    expect(await b.db.table('syncParked').count()).toBe(0);
  });

  it('flags a device whose clock is far ahead and does not adopt its time', async () => {
    const a = await device(DEVICE_ID, '2026-03-03T09:00:00.000Z'); // a day ahead
    const b = await device(OTHER_DEVICE_ID);
    await a.store.engagements.create(engagementInput);
    const r = await applyChanges(b.db, await outbox(a.store), {
      deviceId: OTHER_DEVICE_ID,
      now: () => new Date('2026-03-02T09:00:00.000Z'),
    });
    expect(r.skewedDevices.map((d) => d.deviceId)).toEqual([DEVICE_ID]);
    expect(await b.store.clock.current()).toBeNull();
    expect(r.recordsWritten).toBe(1);
  });

  it('keeps the losing value of a short field in the change log of both devices', async () => {
    const a = await device(DEVICE_ID);
    const b = await device(OTHER_DEVICE_ID, '2026-03-02T09:00:05.000Z');
    const e = await a.store.engagements.create(engagementInput);
    const risk = await a.store.risks.create({
      engagementId: e.id,
      title: 'Disk',
      likelihood: 3,
      impactScore: 3,
    });
    await ship(a.store, b.store);
    await a.store.risks.update(risk.id, { title: 'Disk (A)' });
    await b.store.risks.update(risk.id, { title: 'Disk (B)' });
    await ship(a.store, b.store);
    await ship(b.store, a.store);
    for (const { db } of [a, b]) {
      expect((await db.risks.get(risk.id))?.title).toBe('Disk (B)');
      const titles = (await readRecordLog(db, 'risk', risk.id))
        .flatMap((c) => c.changes.filter((fc) => fc.field === 'title').map((fc) => fc.new))
        .sort();
      expect(titles).toEqual(['Disk', 'Disk (A)', 'Disk (B)']);
    }
  });
});
