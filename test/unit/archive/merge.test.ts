import { describe, expect, it } from 'vitest';
import { importArchiveText } from '../../../renderer/db/archive';
import { openTestStore, OTHER_DEVICE_ID, steppingClock } from '../db/helpers';
import { dumpDatabase, exportText, storeSample } from './helpers';
import { readAllChanges } from '../../../renderer/db/changeLog/reads';

describe('merging two diverged copies of an engagement', () => {
  it('keeps the newer change per field, keeps deletes, drops nothing, and converges', async () => {
    const clockA = steppingClock('2026-11-26T09:00:00.000Z');
    const clockB = steppingClock('2026-11-26T09:00:00.000Z');
    const a = await openTestStore({ now: clockA.now });
    const engagementId = await storeSample(a.store);
    const base = await exportText(a.db, engagementId);
    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID, now: clockB.now });
    await importArchiveText(b.store, base.text, base.fileName);

    const risks = (await a.db.risks.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));
    const [r1, r2] = risks;
    const notes = (await a.db.notes.toArray()).filter((n) => n.deletedAt === null);
    const [n1, n2] = notes;
    if (!r1 || !r2 || !n1 || !n2) throw new Error('sample too small');

    // Diverge: both edit on their own device, at different times.
    clockA.set('2026-11-26T10:00:00.000Z');
    await a.store.risks.update(r1.id, { title: 'Disk space (A)' });
    clockB.set('2026-11-26T10:05:00.000Z');
    await b.store.risks.update(r1.id, { mitigation: 'B: add a volume' });
    await b.store.risks.update(r2.id, { title: 'Older title from B' });
    clockA.set('2026-11-26T11:00:00.000Z');
    await a.store.risks.update(r2.id, { title: 'Newer title from A' });
    await a.store.notes.softDelete(n1.id);
    clockB.set('2026-11-26T11:30:00.000Z');
    await b.store.notes.update(n2.id, { title: 'Edited on B' });
    const created = await b.store.stakeholders.create({ engagementId, name: 'New on B' });

    // A's archive into B, then B's into A.
    const fromA = await exportText(a.db, engagementId);
    const resultB = await importArchiveText(b.store, fromA.text, fromA.fileName, {
      mode: 'merge',
      intoEngagementId: engagementId,
    });
    expect(resultB.mode).toBe('merge');
    expect(resultB.changesAdded).toBeGreaterThan(0);
    const fromB = await exportText(b.db, engagementId);
    await importArchiveText(a.store, fromB.text, fromB.fileName, { mode: 'merge' });

    for (const { db } of [a, b]) {
      const m1 = await db.risks.get(r1.id);
      expect(m1?.title).toBe('Disk space (A)');
      expect(m1?.mitigation).toBe('B: add a volume');
      expect((await db.risks.get(r2.id))?.title).toBe('Newer title from A');
      expect((await db.notes.get(n1.id))?.deletedAt).not.toBeNull();
      expect((await db.notes.get(n2.id))?.title).toBe('Edited on B');
      expect((await db.stakeholders.get(created.id))?.name).toBe('New on B');
    }
    // Nothing dropped: every change of both devices is in both change logs.
    const idsA = (await readAllChanges(a.db)).map((c) => c.id).sort();
    const idsB = (await readAllChanges(b.db)).map((c) => c.id).sort();
    expect(idsA).toEqual(idsB);
    // Converged: the record tables are the same on both.
    const dumpA = await dumpDatabase(a.db);
    const dumpB = await dumpDatabase(b.db);
    for (const table of ['engagements', 'stakeholders', 'risks', 'notes', 'raisedIssues']) {
      expect(dumpA[table]).toEqual(dumpB[table]);
    }
  });
});
