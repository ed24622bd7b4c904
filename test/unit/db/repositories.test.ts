import { afterEach, describe, expect, it } from 'vitest';
import { changeRecordSchema } from '../../../shared/model/change';
import { UUID_PATTERN } from '../../../shared/ids';
import {
  DeletedRecordError,
  RecordNotFoundError,
  ValidationError,
} from '../../../renderer/db/errors';
import { metaSeqKey } from '../../../renderer/db/repositories/changeLog';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { DEVICE_ID, bySeqOrder, engagementInput, openTestStore, steppingClock } from './helpers';

const opened: WorkbenchDB[] = [];
async function setup(options: Parameters<typeof openTestStore>[0] = {}) {
  const result = await openTestStore(options);
  opened.push(result.db);
  return result;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Catches the rejection of a promise (fails the test if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('create', () => {
  it('stamps the system fields, applies defaults and logs a create change', async () => {
    const { db, store } = await setup();
    const e = await store.engagements.create(engagementInput);

    expect(e.id).toMatch(UUID_PATTERN);
    expect(e.id[14]).toBe('7'); // UUIDv7
    expect(e.createdAt).toBe('2026-03-02T09:00:00.000Z');
    expect(e.updatedAt).toBe(e.createdAt);
    expect(e.deletedAt).toBeNull();
    expect(e.status).toBe('active');
    expect(e.archivedAt).toBeNull();
    expect(await db.engagements.get(e.id)).toEqual(e);

    const changes = await db.changes.toArray();
    expect(changes).toHaveLength(1);
    const change = changeRecordSchema.parse(changes[0]);
    expect(change).toMatchObject({
      deviceId: DEVICE_ID,
      deviceName: 'Work laptop',
      actor: 'Dana Whitfield',
      seq: 1,
      entity: 'engagement',
      recordId: e.id,
      engagementId: e.id,
      op: 'create',
      at: e.updatedAt,
    });
    expect(change.hlc.startsWith('2026-03-02T09:00:00.000Z-0000-')).toBe(true);
    const fields = change.changes.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['client', 'title', 'code', 'status', 'scope']));
    for (const systemField of ['id', 'createdAt', 'updatedAt', 'deletedAt']) {
      expect(fields).not.toContain(systemField);
    }
    expect(change.changes.find((c) => c.field === 'client')).toEqual({
      field: 'client',
      old: null,
      new: 'Northwind Learning',
    });
  });

  it('ignores system fields supplied by the caller', async () => {
    const { store } = await setup();
    const forged = {
      ...engagementInput,
      id: '00000000-0000-7000-8000-000000000000',
      deletedAt: '2020-01-01T00:00:00.000Z',
    };
    const e = await store.engagements.create(forged);
    expect(e.id).not.toBe(forged.id);
    expect(e.deletedAt).toBeNull();
  });

  it('logs an engagement-scoped record under its engagement', async () => {
    const { db, store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const s = await store.stakeholders.create({ engagementId: e.id, name: 'Priya Raman' });
    expect(s).toMatchObject({ engagementId: e.id, name: 'Priya Raman', stance: 'neutral' });
    const change = await db.changes
      .where('[entity+recordId]')
      .equals(['stakeholder', s.id])
      .first();
    expect(change).toMatchObject({ engagementId: e.id, op: 'create', seq: 2 });
  });
});

describe('validation', () => {
  it('names a missing or blank required field and writes nothing', async () => {
    const { db, store } = await setup();
    const missing = await rejectionOf(
      store.engagements.create({ title: 'Review' } as unknown as typeof engagementInput),
    );
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).issues).toContainEqual({
      field: 'client',
      message: 'is required',
    });
    expect((missing as ValidationError).message).toContain('client is required');

    const blank = await rejectionOf(
      store.engagements.create({ ...engagementInput, client: '   ' }),
    );
    expect((blank as ValidationError).message).toBe('client is required');
    expect((blank as ValidationError).messageFor('client')).toBe('is required');

    expect(await db.engagements.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
    expect(await db.meta.get(metaSeqKey(DEVICE_ID))).toBeUndefined();
  });

  it('reports every bad field, including cross-field checks', async () => {
    const { store } = await setup();
    const error = (await rejectionOf(
      store.engagements.create({
        ...engagementInput,
        code: 'nwl learning',
        startDate: '2026-04-01',
        endDate: '2026-03-01',
      }),
    )) as ValidationError;
    expect(error.issues).toEqual([
      { field: 'code', message: 'must be 2 to 8 upper-case letters or digits' },
      { field: 'endDate', message: 'must not be before the start date' },
    ]);
    expect(error.message).toBe(
      'code must be 2 to 8 upper-case letters or digits; endDate must not be before the start date',
    );
    const crossField = (await rejectionOf(
      store.engagements.create({
        ...engagementInput,
        startDate: '2026-04-01',
        endDate: '2026-03-01',
      }),
    )) as ValidationError;
    expect(crossField.issues).toEqual([
      { field: 'endDate', message: 'must not be before the start date' },
    ]);
    expect(crossField.message).toBe('endDate must not be before the start date');
  });

  it('names nested fields with a dotted path', async () => {
    const { store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const error = (await rejectionOf(
      store.ownershipAreas.create({
        engagementId: e.id,
        name: 'Weekly batch jobs',
        raci: {
          accountableId: 'not-a-uuid',
          responsibleIds: [],
          consultedIds: [],
          informedIds: [],
        },
      }),
    )) as ValidationError;
    expect(error.issues).toEqual([{ field: 'raci.accountableId', message: 'must be a UUID' }]);
  });

  it('refuses records of a missing or deleted engagement', async () => {
    const { db, store } = await setup();
    const missing = (await rejectionOf(
      store.risks.create({
        engagementId: '0195a000-0000-7000-8000-00000000ffff',
        title: 'Disk fills up',
        likelihood: 4,
        impactScore: 4,
      }),
    )) as ValidationError;
    expect(missing.message).toBe('engagementId must be an existing engagement');

    const e = await store.engagements.create(engagementInput);
    await store.engagements.softDelete(e.id);
    const deleted = (await rejectionOf(
      store.risks.create({
        engagementId: e.id,
        title: 'Disk fills up',
        likelihood: 4,
        impactScore: 4,
      }),
    )) as ValidationError;
    expect(deleted.issues).toEqual([{ field: 'engagementId', message: 'is a deleted engagement' }]);
    expect(await db.risks.count()).toBe(0);
  });

  it('refuses an invalid update and leaves the record as it was', async () => {
    const { db, store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const error = (await rejectionOf(store.engagements.rename(e.id, ''))) as ValidationError;
    expect(error.message).toBe('title is required');
    const risk = await store.risks.create({
      engagementId: e.id,
      title: 'Disk fills up',
      likelihood: 4,
      impactScore: 5,
    });
    const scoreError = (await rejectionOf(
      store.risks.update(risk.id, { likelihood: 7 }),
    )) as ValidationError;
    expect(scoreError.message).toBe('likelihood must be 1 to 5');
    const residual = (await rejectionOf(
      store.risks.update(risk.id, { residualLikelihood: 2 }),
    )) as ValidationError;
    expect(residual.issues[0]?.field).toBe('residualImpact');
    expect(await db.engagements.get(e.id)).toEqual(e);
    expect(await db.risks.get(risk.id)).toEqual(risk);
    expect(await db.changes.count()).toBe(2);
  });
});

describe('update', () => {
  it('stores the patch, stamps updatedAt and logs only the changed fields', async () => {
    const { db, store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const updated = await store.engagements.update(e.id, {
      title: 'Database operations review (phase 2)',
      client: 'Northwind Learning', // unchanged
      scope: undefined, // ignored
    });
    expect(updated.title).toBe('Database operations review (phase 2)');
    expect(updated.createdAt).toBe(e.createdAt);
    expect(updated.updatedAt).toBe('2026-03-02T09:00:01.000Z');
    expect(await db.engagements.get(e.id)).toEqual(updated);

    const history = await store.changes.forRecord('engagement', e.id);
    expect(history.map((c) => c.op)).toEqual(['create', 'update']);
    expect(history[1]).toMatchObject({
      seq: 2,
      at: updated.updatedAt,
      changes: [
        {
          field: 'title',
          old: 'Database operations review',
          new: 'Database operations review (phase 2)',
        },
      ],
    });
  });

  it('logs structured values (RACI, lists) with their old and new values', async () => {
    const { store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const cto = await store.stakeholders.create({ engagementId: e.id, name: 'Marcus Bell' });
    const area = await store.ownershipAreas.create({
      engagementId: e.id,
      name: 'Weekly batch jobs',
    });
    await store.ownershipAreas.update(area.id, { raci: { ...area.raci, accountableId: cto.id } });
    const [, change] = await store.changes.forRecord('ownershipArea', area.id);
    expect(change?.changes).toEqual([
      { field: 'raci', old: area.raci, new: { ...area.raci, accountableId: cto.id } },
    ]);
  });

  it('writes nothing when no field really changes', async () => {
    const { db, store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const seqBefore = await db.meta.get(metaSeqKey(DEVICE_ID));
    const hlcBefore = await store.clock.current();

    // same values; and a value that trims to the stored one
    const same = await store.engagements.update(e.id, {
      client: '  Northwind Learning ',
      code: 'NWL',
    });
    expect(same).toEqual(e);
    expect(await store.engagements.update(e.id, {})).toEqual(e);
    expect(await db.engagements.get(e.id)).toEqual(e);
    expect(await db.changes.count()).toBe(1);
    expect(await db.meta.get(metaSeqKey(DEVICE_ID))).toEqual(seqBefore);
    expect(await store.clock.current()).toBe(hlcBefore);
  });

  it('cannot move a record to another engagement or change system fields', async () => {
    const { store } = await setup();
    const a = await store.engagements.create(engagementInput);
    const b = await store.engagements.create({ ...engagementInput, client: 'Contoso' });
    const note = await store.notes.create({
      engagementId: a.id,
      title: 'Kick-off',
      date: '2026-03-02T10:00:00.000Z',
    });
    const patch = { engagementId: b.id, id: b.id, createdAt: '2020-01-01T00:00:00.000Z' };
    const after = await store.notes.update(note.id, patch as unknown as { title: string });
    expect(after).toEqual(note);
  });

  it('accepts an updater computed from the current record', async () => {
    const { store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const s = await store.stakeholders.create({
      engagementId: e.id,
      name: 'Priya Raman',
      influence: 2,
    });
    const after = await store.stakeholders.update(s.id, (current) => ({
      influence: current.influence + 1,
    }));
    expect(after.influence).toBe(3);
  });

  it('throws RecordNotFoundError for a missing record and DeletedRecordError for a deleted one', async () => {
    const { store } = await setup();
    const missing = await rejectionOf(
      store.engagements.update('0195a000-0000-7000-8000-00000000ffff', { title: 'x' }),
    );
    expect(missing).toBeInstanceOf(RecordNotFoundError);
    const e = await store.engagements.create(engagementInput);
    await store.engagements.softDelete(e.id);
    expect(await rejectionOf(store.engagements.rename(e.id, 'New'))).toBeInstanceOf(
      DeletedRecordError,
    );
  });
});

describe('softDelete / restore', () => {
  it('sets and clears the tombstone, logging delete and restore', async () => {
    const { db, store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const s = await store.stakeholders.create({ engagementId: e.id, name: 'Priya Raman' });

    const deleted = await store.stakeholders.softDelete(s.id);
    expect(deleted.deletedAt).toBe('2026-03-02T09:00:02.000Z');
    expect(deleted.updatedAt).toBe(deleted.deletedAt);
    expect(await db.stakeholders.get(s.id)).toEqual(deleted); // kept, not removed

    // deleting again is a no-op
    expect(await store.stakeholders.softDelete(s.id)).toEqual(deleted);

    const restored = await store.stakeholders.restore(s.id);
    expect(restored.deletedAt).toBeNull();
    expect(restored.name).toBe('Priya Raman');
    // restoring a live record is a no-op
    expect(await store.stakeholders.restore(s.id)).toEqual(restored);

    const history = await store.changes.forRecord('stakeholder', s.id);
    expect(history.map((c) => c.op)).toEqual(['create', 'delete', 'restore']);
    expect(history[1]?.changes).toEqual([
      { field: 'deletedAt', old: null, new: '2026-03-02T09:00:02.000Z' },
    ]);
    expect(history[2]?.changes).toEqual([
      { field: 'deletedAt', old: '2026-03-02T09:00:02.000Z', new: null },
    ]);
  });

  it('does not restore a record of a deleted engagement', async () => {
    const { store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const s = await store.stakeholders.create({ engagementId: e.id, name: 'Priya Raman' });
    await store.stakeholders.softDelete(s.id);
    await store.engagements.softDelete(e.id);
    const error = (await rejectionOf(store.stakeholders.restore(s.id))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    await store.engagements.restore(e.id);
    expect((await store.stakeholders.restore(s.id)).deletedAt).toBeNull();
  });
});

describe('engagement helpers', () => {
  it('archives, unarchives and renames', async () => {
    const { store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const archived = await store.engagements.archive(e.id);
    expect(archived.archivedAt).toBe('2026-03-02T09:00:01.000Z');
    // archiving again keeps the first archive time and writes nothing
    expect(await store.engagements.archive(e.id)).toEqual(archived);
    const unarchived = await store.engagements.unarchive(e.id);
    expect(unarchived.archivedAt).toBeNull();
    const renamed = await store.engagements.rename(e.id, 'Publishing workflow');
    expect(renamed.title).toBe('Publishing workflow');
    const history = await store.changes.forRecord('engagement', e.id);
    expect(history.map((c) => c.changes.map((f) => f.field))).toEqual([
      expect.arrayContaining(['client']),
      ['archivedAt'],
      ['archivedAt'],
      ['title'],
    ]);
  });
});

describe('raisedIssues.recordAcknowledgement', () => {
  async function withIssue() {
    const ctx = await setup();
    const e = await ctx.store.engagements.create(engagementInput);
    const cto = await ctx.store.stakeholders.create({ engagementId: e.id, name: 'Marcus Bell' });
    const issue = await ctx.store.raisedIssues.create({
      engagementId: e.id,
      title: 'Database server disk nearly full',
      raisedToIds: [cto.id],
      raisedAt: '2026-03-02T08:00:00.000Z',
    });
    return { ...ctx, e, cto, issue };
  }

  it('stores the acknowledgement and moves the issue status together', async () => {
    const { db, store, e, cto, issue } = await withIssue();
    const changesBefore = await db.changes.count();
    const { acknowledgement, issue: updated } = await store.raisedIssues.recordAcknowledgement(
      issue.id,
      { byId: cto.id, at: '2026-03-03T09:00:00.000Z', quote: 'Noted, will look at it.' },
    );
    expect(acknowledgement).toMatchObject({
      raisedIssueId: issue.id,
      engagementId: e.id,
      response: 'received',
    });
    expect(updated.status).toBe('acknowledged');
    expect(await db.raisedIssues.get(issue.id)).toEqual(updated);
    const newChanges = (await bySeqOrder(db)).slice(changesBefore);
    expect(newChanges.map((c) => [c.entity, c.op])).toEqual([
      ['acknowledgement', 'create'],
      ['raisedIssue', 'update'],
    ]);
    expect(newChanges[1]?.changes).toEqual([
      { field: 'status', old: 'raised', new: 'acknowledged' },
    ]);
  });

  it('derives the status from the response, or takes the one given', async () => {
    const { store, cto, issue } = await withIssue();
    const at = '2026-03-03T09:00:00.000Z';
    const declined = await store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: cto.id,
      at,
      response: 'declined',
    });
    expect(declined.issue.status).toBe('declined');
    const forced = await store.raisedIssues.recordAcknowledgement(
      issue.id,
      { byId: cto.id, at },
      { issueStatus: 'actioned' },
    );
    expect(forced.issue.status).toBe('actioned');
    // a late answer does not move an actioned issue back
    const late = await store.raisedIssues.recordAcknowledgement(issue.id, { byId: cto.id, at });
    expect(late.issue.status).toBe('actioned');
  });

  it('an answer from someone else leaves the issue raised; one on the addressee’s behalf moves it', async () => {
    const { store, e, cto, issue } = await withIssue();
    const architect = await store.stakeholders.create({ engagementId: e.id, name: 'Rosa Lind' });
    const delegate = await store.stakeholders.create({ engagementId: e.id, name: 'Pia Grant' });
    const theirs = await store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: architect.id,
      at: '2026-03-03T09:00:00.000Z',
      quote: 'I will take this to the CTO.',
    });
    expect(theirs.acknowledgement.onBehalfOfId).toBeNull();
    expect(theirs.issue.status).toBe('raised');
    const declinedByOther = await store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: architect.id,
      at: '2026-03-03T10:00:00.000Z',
      response: 'declined',
    });
    expect(declinedByOther.issue.status).toBe('raised');
    const forCto = await store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: delegate.id,
      onBehalfOfId: cto.id,
      at: '2026-03-04T09:00:00.000Z',
    });
    expect(forCto.issue.status).toBe('acknowledged');
  });

  it('with two addressees, one answer does not make the issue acknowledged', async () => {
    const { store, e, cto, issue } = await withIssue();
    const ceo = await store.stakeholders.create({ engagementId: e.id, name: 'Ada Ceo' });
    await store.raisedIssues.update(issue.id, { raisedToIds: [cto.id, ceo.id] });
    const first = await store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: ceo.id,
      at: '2026-03-03T09:00:00.000Z',
    });
    expect(first.issue.status).toBe('raised');
    const second = await store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: cto.id,
      at: '2026-03-03T10:00:00.000Z',
    });
    expect(second.issue.status).toBe('acknowledged');
  });

  it('checks a memo link: fills the fingerprint of the issued version, refuses an unknown memo or another fingerprint', async () => {
    const { db, store, e, cto, issue } = await withIssue();
    const fingerprint = 'c'.repeat(64);
    await db.memos.put({
      id: '01900000-0000-7000-8000-000000000777',
      engagementId: e.id,
      memoId: 'NWL-M-2026-004',
      version: 1,
      fingerprint,
      deletedAt: null,
    } as never);
    const at = '2026-03-03T09:00:00.000Z';
    const linked = await store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: cto.id,
      at,
      memoId: 'NWL-M-2026-004',
      memoVersion: 1,
    });
    expect(linked.acknowledgement.memoFingerprint).toBe(fingerprint);
    const before = await db.acknowledgements.count();
    const unknown = await rejectionOf(
      store.raisedIssues.recordAcknowledgement(issue.id, {
        byId: cto.id,
        at,
        memoId: 'NWL-M-2026-009',
        memoVersion: 1,
      }),
    );
    expect((unknown as ValidationError).message).toContain('is not an issued memo');
    const forged = await rejectionOf(
      store.raisedIssues.recordAcknowledgement(issue.id, {
        byId: cto.id,
        at,
        memoId: 'NWL-M-2026-004',
        memoVersion: 1,
        memoFingerprint: 'd'.repeat(64),
      }),
    );
    expect((forged as ValidationError).message).toContain('does not match');
    expect(await db.acknowledgements.count()).toBe(before);
  });

  it('corrects an acknowledgement, keeping the earlier words in its history', async () => {
    const { db, store, cto, issue } = await withIssue();
    const { acknowledgement } = await store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: cto.id,
      at: '2026-03-03T09:00:00.000Z',
      quote: 'Noted.',
    });
    const corrected = await store.raisedIssues.correctAcknowledgement(acknowledgement.id, {
      quote: 'Noted, will act.',
    });
    expect(corrected.quote).toBe('Noted, will act.');
    const changes = await db.changes
      .where('[entity+recordId]')
      .equals(['acknowledgement', acknowledgement.id])
      .toArray();
    expect(changes.map((c) => c.op)).toEqual(['create', 'update']);
    expect(changes[1]?.changes).toEqual([
      { field: 'quote', old: 'Noted.', new: 'Noted, will act.' },
    ]);
    const bad = await rejectionOf(
      store.raisedIssues.correctAcknowledgement(acknowledgement.id, {
        memoId: 'X-M-2026-001',
        memoVersion: 1,
      }),
    );
    expect(bad).toBeInstanceOf(ValidationError);
  });

  it('deleting, restoring or correcting an answer keeps the issue status true to its answers', async () => {
    const { db, store, e, cto, issue } = await withIssue();
    const other = await store.stakeholders.create({ engagementId: e.id, name: 'Rosa Lind' });
    const { acknowledgement } = await store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: cto.id,
      at: '2026-03-03T09:00:00.000Z',
    });
    const status = async () => (await db.raisedIssues.get(issue.id))?.status;
    expect(await status()).toBe('acknowledged');
    await store.acknowledgements.softDelete(acknowledgement.id);
    expect(await status()).toBe('raised');
    await store.acknowledgements.restore(acknowledgement.id);
    expect(await status()).toBe('acknowledged');
    // the answer was in fact someone else's: the CTO is awaited again
    await store.raisedIssues.correctAcknowledgement(acknowledgement.id, { byId: other.id });
    expect(await status()).toBe('raised');
    const changes = await db.changes
      .where('[entity+recordId]')
      .equals(['raisedIssue', issue.id])
      .toArray();
    expect(changes.map((c) => c.changes.find((f) => f.field === 'status')?.new)).toEqual([
      'raised',
      'acknowledged',
      'raised',
      'acknowledged',
      'raised',
    ]);
  });

  it('stores nothing when the acknowledgement is invalid', async () => {
    const { db, store, issue } = await withIssue();
    const changesBefore = await db.changes.count();
    const seqBefore = await db.meta.get(metaSeqKey(DEVICE_ID));
    const error = await rejectionOf(
      store.raisedIssues.recordAcknowledgement(issue.id, {
        at: '2026-03-03T09:00:00.000Z',
      } as unknown as Parameters<typeof store.raisedIssues.recordAcknowledgement>[1]),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('byId is required');
    expect(await db.acknowledgements.count()).toBe(0);
    expect(await db.raisedIssues.get(issue.id)).toEqual(issue);
    expect(await db.changes.count()).toBe(changesBefore);
    expect(await db.meta.get(metaSeqKey(DEVICE_ID))).toEqual(seqBefore);
  });

  it('stores nothing when the status update is invalid (after the acknowledgement was written)', async () => {
    const { db, store, cto, issue } = await withIssue();
    const changesBefore = await db.changes.count();
    const error = await rejectionOf(
      store.raisedIssues.recordAcknowledgement(
        issue.id,
        { byId: cto.id, at: '2026-03-03T09:00:00.000Z' },
        { issueStatus: 'ignored' as unknown as 'raised' },
      ),
    );
    expect((error as ValidationError).issues[0]?.field).toBe('status');
    expect(await db.acknowledgements.count()).toBe(0);
    expect(await db.raisedIssues.get(issue.id)).toEqual(issue);
    expect(await db.changes.count()).toBe(changesBefore);
  });
});

describe('store.atomically', () => {
  it('rolls back every write when the function throws after the first write', async () => {
    const { db, store } = await setup();
    const error = await rejectionOf(
      store.atomically(async () => {
        await store.engagements.create(engagementInput);
        throw new Error('boom');
      }),
    );
    expect((error as Error).message).toBe('boom');
    expect(await db.engagements.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });

  it('rolls back when the second record is invalid', async () => {
    const { db, store } = await setup();
    const error = await rejectionOf(
      store.atomically(async () => {
        const e = await store.engagements.create(engagementInput);
        await store.stakeholders.create({ engagementId: e.id, name: '' });
      }),
    );
    expect((error as ValidationError).message).toBe('name is required');
    expect(await db.engagements.count()).toBe(0);
    expect(await db.stakeholders.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('commits every write when the function succeeds', async () => {
    const { db, store } = await setup();
    const id = await store.atomically(async () => {
      const e = await store.engagements.create(engagementInput);
      await store.stakeholders.create({ engagementId: e.id, name: 'Priya Raman' });
      return e.id;
    });
    expect(await db.stakeholders.where('engagementId').equals(id).count()).toBe(1);
    expect((await bySeqOrder(db)).map((c) => c.seq)).toEqual([1, 2]);
  });
});

describe('store.repository', () => {
  it('returns the same writer as the named property, for every entity', async () => {
    const { store } = await setup();
    expect(store.repository('engagement')).toBe(store.engagements);
    expect(store.repository('raisedIssue')).toBe(store.raisedIssues);
    expect(store.repository('decision')).toBe(store.decisions);
    expect(store.repository('note').entity).toBe('note');
  });

  it('writes every entity of the registry', async () => {
    const { db, store } = await setup({ now: steppingClock().now });
    const e = await store.engagements.create(engagementInput);
    const p = await store.stakeholders.create({ engagementId: e.id, name: 'Priya Raman' });
    const area = await store.ownershipAreas.create({ engagementId: e.id, name: 'Backups' });
    const risk = await store.risks.create({
      engagementId: e.id,
      title: 'Disk fills up',
      likelihood: 4,
      impactScore: 5,
      ownershipAreaIds: [area.id],
    });
    const issue = await store.raisedIssues.create({
      engagementId: e.id,
      title: 'Monitoring gap on batch jobs',
      raisedToIds: [p.id],
      raisedAt: '2026-03-02T08:00:00.000Z',
      riskIds: [risk.id],
    });
    await store.acknowledgements.create({
      engagementId: e.id,
      raisedIssueId: issue.id,
      byId: p.id,
      at: '2026-03-02T12:00:00.000Z',
    });
    await store.notes.create({
      engagementId: e.id,
      title: 'Sync',
      date: '2026-03-02T10:00:00.000Z',
    });
    await store.decisions.create({
      engagementId: e.id,
      title: 'Escalate to the CTO only',
      links: [{ entity: 'raisedIssue', id: issue.id }],
    });
    await store.decisions.update((await db.decisions.toCollection().first())!.id, {
      status: 'accepted',
    });
    await store.notes.softDelete((await db.notes.toCollection().first())!.id);
    const log = await bySeqOrder(db);
    // every logged change is a valid change record as the sync will ship it
    for (const change of log) expect(changeRecordSchema.safeParse(change).success).toBe(true);
    const entities = log.slice(0, 8).map((c) => c.entity);
    expect(entities).toEqual([
      'engagement',
      'stakeholder',
      'ownershipArea',
      'risk',
      'raisedIssue',
      'acknowledgement',
      'note',
      'decision',
    ]);
  });
});

describe('acknowledgements: "on behalf of" only for someone the issue was raised to', () => {
  it('refuses, at write time and with the person named, an answer for a non-addressee', async () => {
    const { db, store } = await setup();
    const e = await store.engagements.create(engagementInput);
    const cto = await store.stakeholders.create({ engagementId: e.id, name: 'Marcus Bell' });
    const coo = await store.stakeholders.create({ engagementId: e.id, name: 'Ada Vance' });
    const pa = await store.stakeholders.create({ engagementId: e.id, name: 'Pia Grant' });
    const issue = await store.raisedIssues.create({
      engagementId: e.id,
      title: 'Database server disk nearly full',
      raisedToIds: [cto.id],
      raisedAt: '2026-03-02T08:00:00.000Z',
    });
    const changesBefore = await db.changes.count();
    const attempt = store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: pa.id,
      onBehalfOfId: coo.id,
      at: '2026-03-03T09:00:00.000Z',
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(/it was not raised to Ada Vance/u);
    // nothing written: no answer, no status change, no change record
    expect(await db.acknowledgements.count()).toBe(0);
    expect((await db.raisedIssues.get(issue.id))?.status).toBe('raised');
    expect(await db.changes.count()).toBe(changesBefore);
    // directly through the acknowledgement writer too
    await expect(
      store.acknowledgements.create({
        engagementId: e.id,
        raisedIssueId: issue.id,
        byId: pa.id,
        onBehalfOfId: coo.id,
        at: '2026-03-03T09:00:00.000Z',
      }),
    ).rejects.toThrow(/onBehalfOfId must be someone the issue was raised to/u);
    // a correction cannot move an answer onto a non-addressee either
    const ok = await store.raisedIssues.recordAcknowledgement(issue.id, {
      byId: pa.id,
      onBehalfOfId: cto.id,
      at: '2026-03-03T09:00:00.000Z',
    });
    await expect(
      store.raisedIssues.correctAcknowledgement(ok.acknowledgement.id, { onBehalfOfId: coo.id }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      store.acknowledgements.update(ok.acknowledgement.id, { onBehalfOfId: coo.id }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await db.acknowledgements.get(ok.acknowledgement.id))?.onBehalfOfId).toBe(cto.id);
    expect((await db.raisedIssues.get(issue.id))?.status).toBe('acknowledged');
  });
});
