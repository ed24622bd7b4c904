import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids';
import { buildSampleEngagement } from '../../../shared/sample';
import { ValidationError } from '../../../renderer/db/errors';
import { countRecords, listRecords } from '../../../renderer/db/queries/records';
import { listEngagementHistory } from '../../../renderer/db/queries/changes';
import { openTestStore } from './helpers';

const sample = () => buildSampleEngagement({ now: new Date('2026-11-26T12:00:00.000Z'), newId });

function recordCount(data: ReturnType<typeof sample>): number {
  return (
    1 +
    data.stakeholders.length +
    data.ownershipAreas.length +
    data.risks.length +
    data.raisedIssues.length +
    data.acknowledgements.length +
    data.notes.length +
    data.decisions.length
  );
}

describe('store.importEngagement', () => {
  it('writes the whole sample engagement with one create change per record', async () => {
    const { db, store } = await openTestStore();
    const data = sample();
    const written = await store.importEngagement(data);
    expect(written).toBe(recordCount(data));

    const counts = await countRecords(db, data.engagement.id);
    expect(counts.stakeholder).toBe(data.stakeholders.length);
    expect(counts.raisedIssue).toBe(data.raisedIssues.length);
    expect(counts.acknowledgement).toBe(data.acknowledgements.length);

    const stakeholders = await listRecords(db, 'stakeholder', data.engagement.id);
    expect(stakeholders.map((s) => s.id).sort()).toEqual(data.stakeholders.map((s) => s.id).sort());

    const history = await listEngagementHistory(db, data.engagement.id);
    expect(history).toHaveLength(written);
    expect(history.every((c) => c.op === 'create' && c.engagementId === data.engagement.id)).toBe(
      true,
    );
    const engagementChange = history.find((c) => c.recordId === data.engagement.id);
    expect(engagementChange?.changes.find((f) => f.field === 'client')?.new).toBe(
      data.engagement.client,
    );
  });

  it('refuses to import the same engagement twice and leaves the database as it was', async () => {
    const { db, store } = await openTestStore();
    const data = sample();
    await store.importEngagement(data);
    const before = await db.changes.count();
    await expect(store.importEngagement(data)).rejects.toThrow(/already exists/);
    expect(await db.changes.count()).toBe(before);
    expect(await db.engagements.count()).toBe(1);
  });

  it('writes nothing when one record is invalid, and names the record and field', async () => {
    const { db, store } = await openTestStore();
    const data = sample();
    const risks = data.risks.map((r, i) => (i === 2 ? { ...r, likelihood: 9 } : r));
    const error = await store.importEngagement({ ...data, risks }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.field).toBe('risk[2].likelihood');
    expect(await db.engagements.count()).toBe(0);
    expect(await db.stakeholders.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('refuses records that belong to another engagement', async () => {
    const { db, store } = await openTestStore();
    const data = sample();
    const notes = data.notes.map((n, i) => (i === 0 ? { ...n, engagementId: newId() } : n));
    await expect(store.importEngagement({ ...data, notes })).rejects.toThrow(/engagementId/);
    expect(await db.notes.count()).toBe(0);
    expect(await db.engagements.count()).toBe(0);
  });
});
