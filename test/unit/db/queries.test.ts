import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbenchDB } from '../../../renderer/db/database';
import {
  listDeletedEngagements,
  getEngagement,
  listEngagements,
} from '../../../renderer/db/queries/engagements';
import {
  countRecords,
  getRecord,
  listAcknowledgementsForIssue,
  listDeletedRecords,
  listNotesBetween,
  listRaisedIssuesByStatus,
  listRecords,
  zeroCounts,
} from '../../../renderer/db/queries/records';
import { listEngagementHistory, listRecordHistory } from '../../../renderer/db/queries/changes';
import type { WorkbenchStore } from '../../../renderer/db/repositories/store';
import { engagementInput, openTestStore } from './helpers';

const opened: WorkbenchDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function setup() {
  const ctx = await openTestStore();
  opened.push(ctx.db);
  return ctx;
}

async function twoEngagements(store: WorkbenchStore) {
  const nwl = await store.engagements.create(engagementInput);
  const other = await store.engagements.create({
    client: 'Fabrikam Publishing',
    title: 'Publishing workflow',
    code: 'FAB',
  });
  return { nwl, other };
}

describe('engagement queries', () => {
  it('lists live engagements by client, archived ones only on request, never deleted ones', async () => {
    const { db, store } = await setup();
    const { nwl, other } = await twoEngagements(store);
    const archived = await store.engagements.create({
      ...engagementInput,
      client: 'Adventure Works',
    });
    await store.engagements.archive(archived.id);
    const deleted = await store.engagements.create({ ...engagementInput, client: 'Contoso' });
    await store.engagements.softDelete(deleted.id);

    expect((await listEngagements(db)).map((e) => e.client)).toEqual([
      'Fabrikam Publishing',
      'Northwind Learning',
    ]);
    expect((await listEngagements(db, { includeArchived: true })).map((e) => e.id)).toEqual([
      archived.id,
      other.id,
      nwl.id,
    ]);
    expect((await listDeletedEngagements(db)).map((e) => e.id)).toEqual([deleted.id]);
    expect((await getEngagement(db, deleted.id))?.deletedAt).not.toBeNull();
    expect(await getEngagement(db, '0195a000-0000-7000-8000-00000000ffff')).toBeUndefined();
  });
});

describe('record queries', () => {
  it('list live records of one engagement only, in the default order, without tombstones', async () => {
    const { db, store } = await setup();
    const { nwl, other } = await twoEngagements(store);
    const zoe = await store.stakeholders.create({ engagementId: nwl.id, name: 'zoe Park' });
    const amir = await store.stakeholders.create({ engagementId: nwl.id, name: 'Amir Haddad' });
    const gone = await store.stakeholders.create({ engagementId: nwl.id, name: 'Bea Lind' });
    await store.stakeholders.create({ engagementId: other.id, name: 'Carl Other' });
    await store.stakeholders.softDelete(gone.id);

    expect((await listRecords(db, 'stakeholder', nwl.id)).map((s) => s.id)).toEqual([
      amir.id,
      zoe.id,
    ]);
    expect((await listDeletedRecords(db, 'stakeholder', nwl.id)).map((s) => s.id)).toEqual([
      gone.id,
    ]);
    expect((await getRecord(db, 'stakeholder', gone.id))?.deletedAt).not.toBeNull();
    expect(await countRecords(db, nwl.id)).toEqual({ ...zeroCounts(), stakeholder: 2 });

    await store.stakeholders.restore(gone.id);
    expect(await listRecords(db, 'stakeholder', nwl.id)).toHaveLength(3);
    expect(await listDeletedRecords(db, 'stakeholder', nwl.id)).toEqual([]);
  });

  it('orders risks by inherent score, notes newest first', async () => {
    const { db, store } = await setup();
    const { nwl } = await twoEngagements(store);
    const low = await store.risks.create({
      engagementId: nwl.id,
      title: 'Low',
      likelihood: 1,
      impactScore: 2,
    });
    const high = await store.risks.create({
      engagementId: nwl.id,
      title: 'High',
      likelihood: 4,
      impactScore: 5,
    });
    expect((await listRecords(db, 'risk', nwl.id)).map((r) => r.id)).toEqual([high.id, low.id]);

    const older = await store.notes.create({
      engagementId: nwl.id,
      title: 'Kick-off',
      date: '2026-03-02T10:00:00.000Z',
    });
    const newer = await store.notes.create({
      engagementId: nwl.id,
      title: 'Disk alert',
      date: '2026-03-05T10:00:00.000Z',
    });
    const deleted = await store.notes.create({
      engagementId: nwl.id,
      title: 'Draft',
      date: '2026-03-03T10:00:00.000Z',
    });
    await store.notes.softDelete(deleted.id);
    expect((await listRecords(db, 'note', nwl.id)).map((n) => n.id)).toEqual([newer.id, older.id]);
    expect(
      (
        await listNotesBetween(db, nwl.id, '2026-03-01T00:00:00.000Z', '2026-03-04T00:00:00.000Z')
      ).map((n) => n.id),
    ).toEqual([older.id]);
  });

  it('finds raised issues by status and acknowledgements by issue', async () => {
    const { db, store } = await setup();
    const { nwl } = await twoEngagements(store);
    const cto = await store.stakeholders.create({ engagementId: nwl.id, name: 'Marcus Bell' });
    const issue = (title: string, raisedAt: string) =>
      store.raisedIssues.create({ engagementId: nwl.id, title, raisedToIds: [cto.id], raisedAt });
    const disk = await issue('Disk nearly full', '2026-03-02T08:00:00.000Z');
    const batch = await issue('Batch jobs unmonitored', '2026-03-04T08:00:00.000Z');
    const chain = await issue('No chain of command', '2026-03-06T08:00:00.000Z');
    await store.raisedIssues.softDelete(chain.id);
    await store.raisedIssues.recordAcknowledgement(disk.id, {
      byId: cto.id,
      at: '2026-03-03T09:00:00.000Z',
    });
    const second = await store.raisedIssues.recordAcknowledgement(disk.id, {
      byId: cto.id,
      at: '2026-03-03T12:00:00.000Z',
      response: 'accepted',
    });
    const dropped = await store.raisedIssues.recordAcknowledgement(disk.id, {
      byId: cto.id,
      at: '2026-03-03T15:00:00.000Z',
    });
    await store.acknowledgements.softDelete(dropped.acknowledgement.id);

    expect((await listRaisedIssuesByStatus(db, nwl.id, 'raised')).map((i) => i.id)).toEqual([
      batch.id,
    ]);
    expect((await listRaisedIssuesByStatus(db, nwl.id, 'acknowledged')).map((i) => i.id)).toEqual([
      disk.id,
    ]);
    const acks = await listAcknowledgementsForIssue(db, disk.id);
    expect(acks.map((a) => a.at)).toEqual(['2026-03-03T09:00:00.000Z', '2026-03-03T12:00:00.000Z']);
    expect(acks[1]?.id).toBe(second.acknowledgement.id);
    // raised issues list newest raised first, without the deleted one
    expect((await listRecords(db, 'raisedIssue', nwl.id)).map((i) => i.id)).toEqual([
      batch.id,
      disk.id,
    ]);
  });
});

describe('history queries', () => {
  it('list a record or engagement history in HLC order', async () => {
    const { db, store } = await setup();
    const { nwl, other } = await twoEngagements(store);
    const s = await store.stakeholders.create({ engagementId: nwl.id, name: 'Priya Raman' });
    await store.stakeholders.update(s.id, { stance: 'champion' });
    await store.stakeholders.softDelete(s.id);
    await store.engagements.rename(other.id, 'Other work');

    expect((await listRecordHistory(db, 'stakeholder', s.id)).map((c) => c.op)).toEqual([
      'create',
      'update',
      'delete',
    ]);
    const nwlHistory = await listEngagementHistory(db, nwl.id);
    expect(nwlHistory.map((c) => [c.entity, c.op])).toEqual([
      ['engagement', 'create'],
      ['stakeholder', 'create'],
      ['stakeholder', 'update'],
      ['stakeholder', 'delete'],
    ]);
    const latest = await listEngagementHistory(db, nwl.id, { newestFirst: true, limit: 2 });
    expect(latest.map((c) => c.op)).toEqual(['delete', 'update']);
    expect((await listEngagementHistory(db, other.id)).map((c) => c.op)).toEqual([
      'create',
      'update',
    ]);
  });
});
