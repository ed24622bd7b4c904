import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids';
import { buildSampleEngagement } from '../../../shared/sample';
import type { WorkbenchDB } from '../../../renderer/db/database';
import {
  listAcknowledgementsForIssues,
  listRecentNotes,
  loadOverview,
} from '../../../renderer/db/queries/overview';
import { countRecords, listRecords } from '../../../renderer/db/queries/records';
import { openTestStore } from '../db/helpers';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const TODAY = '2026-11-26';

describe('overview queries on the sample engagement', () => {
  let db: WorkbenchDB | undefined;
  afterEach(() => db?.close());

  async function loaded() {
    const opened = await openTestStore({ now: () => NOW });
    db = opened.db;
    const data = buildSampleEngagement({ now: NOW, newId });
    await opened.store.importEngagement(data);
    return { ...opened, data };
  }

  it('finds the disk-space issue sent to the CTO on the radar and the batch-job gap', async () => {
    const { data } = await loaded();
    const overview = await loadOverview(db as WorkbenchDB, data.engagement.id, TODAY);
    const radar = overview.awaiting.map((a) => a.issue.title);
    expect(radar.some((t) => t.startsWith('Disk on the reporting server'))).toBe(true);
    const batch = overview.gaps.find((g) => g.area.name === 'Weekly batch jobs');
    expect(batch?.gaps).toEqual(['no-accountable', 'nobody-responsible']);
    expect(overview.names.get(overview.awaiting[0]?.issue.raisedToIds[0] ?? '')).toBe(
      'Victor Hale',
    );
    expect(overview.topRisks.length).toBeGreaterThan(0);
    expect(overview.recentNotes.length).toBeLessThanOrEqual(5);
  });

  it('counts live records, tombstones excluded, matching the listed records', async () => {
    const { data, store } = await loaded();
    const id = data.engagement.id;
    const before = await countRecords(db as WorkbenchDB, id);
    expect(before.note).toBe(data.notes.length);
    const victim = data.notes[0];
    if (!victim) throw new Error('sample has notes');
    await store.notes.softDelete(victim.id);
    const after = await countRecords(db as WorkbenchDB, id);
    expect(after.note).toBe(before.note - 1);
    expect(after.note).toBe((await listRecords(db as WorkbenchDB, 'note', id)).length);
  });

  it('lists the newest live notes only, and acknowledgements of the issues asked for', async () => {
    const { data, store } = await loaded();
    const id = data.engagement.id;
    const newest = [...data.notes].sort((a, b) => b.date.localeCompare(a.date));
    const first = newest[0];
    if (!first) throw new Error('sample has notes');
    await store.notes.softDelete(first.id);
    const recent = await listRecentNotes(db as WorkbenchDB, id, 2);
    expect(recent.map((n) => n.id)).toEqual(newest.slice(1, 3).map((n) => n.id));
    const acked = data.acknowledgements[0];
    if (!acked) throw new Error('sample has acknowledgements');
    const acks = await listAcknowledgementsForIssues(db as WorkbenchDB, id, [acked.raisedIssueId]);
    expect(acks.every((a) => a.raisedIssueId === acked.raisedIssueId)).toBe(true);
    expect(acks.length).toBeGreaterThan(0);
    expect(await listAcknowledgementsForIssues(db as WorkbenchDB, id, [])).toEqual([]);
  });

  it('lists live records, deleted ones left out', async () => {
    const { data, store } = await loaded();
    const id = data.engagement.id;
    const first = data.stakeholders[0];
    if (!first) throw new Error('sample has stakeholders');
    await store.stakeholders.softDelete(first.id);
    const people = await listRecords(db as WorkbenchDB, 'stakeholder', id);
    expect(people).toHaveLength(data.stakeholders.length - 1);
    expect(people.some((s) => s.id === first.id)).toBe(false);
  });
});
