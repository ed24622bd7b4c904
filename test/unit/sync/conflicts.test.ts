import { afterEach, describe, expect, it } from 'vitest';
import {
  conflictOvertaken,
  listOpenConflicts,
  resolveConflict,
} from '../../../renderer/db/sync/conflicts';
import { closeAll, dataOf, engagement, makeDevice, tempDir, type Device } from './harness';
import { readAllChanges } from '../../../renderer/db/changeLog/reads';

afterEach(closeAll);

/** Two devices with a conflict on a note body (the desktop's edit wins by clock). */
async function conflicted() {
  const root = await tempDir();
  const a = await makeDevice(root, { name: 'Laptop' });
  const b = await makeDevice(root, { name: 'Desktop', start: '2026-03-02T09:00:00.500Z' });
  const e = await a.store.engagements.create(engagement);
  const note = await a.store.notes.create({
    engagementId: e.id,
    title: 'Kick-off',
    date: '2026-03-02T09:00:00.000Z',
    body: 'v0',
  });
  await a.sync();
  await b.sync();
  await a.store.notes.update(note.id, { body: 'laptop text' });
  b.clock.advance(10_000);
  await b.store.notes.update(note.id, { body: 'desktop text' });
  await a.sync();
  await b.sync();
  await a.sync();
  return { a, b, e, note };
}

async function settle(a: Device, b: Device) {
  await a.sync();
  await b.sync();
  await a.sync();
}

describe('resolving a conflict', () => {
  it('keep mine on the device whose text lost brings it back everywhere', async () => {
    const { a, b, e, note } = await conflicted();
    const [conflict] = await listOpenConflicts(a.db, e.id);
    expect(conflict?.loserValue).toBe('laptop text');
    await resolveConflict(a.store, conflict!, { kind: 'keepMine' });
    expect(await listOpenConflicts(a.db, e.id)).toHaveLength(0);
    await settle(a, b);
    expect((await b.db.notes.get(note.id))?.body).toBe('laptop text');
    expect(await dataOf(a)).toEqual(await dataOf(b));
  });

  it('take theirs keeps the winning text without a new write; merge writes the edited text', async () => {
    const { a, b, e, note } = await conflicted();
    const [onA] = await listOpenConflicts(a.db, e.id);
    const before = (await readAllChanges(a.db)).length;
    await resolveConflict(a.store, onA!, { kind: 'takeTheirs' });
    expect((await readAllChanges(a.db)).length).toBe(before);
    expect((await a.db.notes.get(note.id))?.body).toBe('desktop text');
    const [onB] = await listOpenConflicts(b.db, e.id);
    await resolveConflict(b.store, onB!, { kind: 'merged', value: 'desktop text\n\nlaptop text' });
    await settle(a, b);
    expect((await a.db.notes.get(note.id))?.body).toBe('desktop text\n\nlaptop text');
    expect(await dataOf(a)).toEqual(await dataOf(b));
  });

  it('a conflict resolved on the other device shows as overtaken here; keeping the current text writes nothing', async () => {
    const { a, b, e, note } = await conflicted();
    const [onB] = await listOpenConflicts(b.db, e.id);
    if (!onB) throw new Error('no conflict on the desktop');
    await resolveConflict(b.store, onB, { kind: 'merged', value: 'merged on the desktop' });
    await settle(a, b);
    const [onA] = await listOpenConflicts(a.db, e.id);
    if (!onA) throw new Error('no conflict on the laptop');
    const current = (await a.db.notes.get(note.id))?.body;
    expect(current).toBe('merged on the desktop');
    expect(conflictOvertaken(onA, current)).toBe(true);
    expect(conflictOvertaken(onA, onA.winnerValue)).toBe(false);
    const before = (await readAllChanges(a.db)).length;
    await resolveConflict(a.store, onA, { kind: 'keepCurrent' });
    expect((await readAllChanges(a.db)).length).toBe(before);
    expect(await listOpenConflicts(a.db, e.id)).toEqual([]);
    expect((await a.db.notes.get(note.id))?.body).toBe('merged on the desktop');
  });
});
