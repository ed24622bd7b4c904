import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { LiveSearchIndex } from '../../../renderer/db/queries/liveSearchIndex';
import { resolveRecordNames } from '../../../renderer/db/queries/recordNames';
import { engagementInput, openTestStore } from '../db/helpers';

/** Waits until `check` passes (the live query runs after the write's transaction commits). */
async function eventually(check: () => void, ms = 2_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

describe('LiveSearchIndex (follows the change log)', () => {
  // Dexie's live queries stay silent without an IndexedDB in its dependencies (Node has none).
  beforeAll(() => {
    Dexie.dependencies.indexedDB = indexedDB;
    Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  });

  let live: LiveSearchIndex | null = null;
  afterEach(() => live?.stop());

  it('loads every record once, then follows creates, edits, deletes and restores', async () => {
    const { db, store } = await openTestStore();
    const engagement = await store.engagements.create(engagementInput);
    const first = await store.notes.create({
      engagementId: engagement.id,
      title: 'Weekly batch jobs failed',
      date: '2026-03-02T09:00:00.000Z',
    });
    live = new LiveSearchIndex(db);
    const revisions: number[] = [];
    live.subscribe(() => revisions.push(live?.revision ?? -1));
    await live.start();
    expect(live.status).toBe('ready');
    expect(live.index.size).toBe(2); // the engagement and the note
    const titles = (q: string) => live?.index.search(q).map((h) => h.doc.title) ?? [];
    expect(titles('batch')).toEqual(['Weekly batch jobs failed']);

    // Only the touched record is re-indexed: a spy on apply sees exactly it.
    const applied: string[] = [];
    const apply = live.index.apply.bind(live.index);
    live.index.apply = (entity, id, record) => {
      applied.push(`${entity}:${id}`);
      apply(entity, id, record);
    };

    const issue = await store.raisedIssues
      .create({
        engagementId: engagement.id,
        title: 'Batch window overlaps backups',
        raisedToIds: [],
        raisedAt: '2026-03-02T10:00:00.000Z',
      })
      .catch(() => null);
    expect(issue).toBeNull(); // refused (no one raised to): nothing indexed

    await store.notes.update(first.id, { title: 'Weekly reports delayed' });
    await eventually(() => expect(titles('delayed')).toEqual(['Weekly reports delayed']));
    expect(titles('batch')).toEqual([]);
    expect(applied).toEqual([`note:${first.id}`]);

    await store.notes.softDelete(first.id);
    await eventually(() => expect(titles('delayed')).toEqual([]));
    await store.notes.restore(first.id);
    await eventually(() => expect(titles('delayed')).toEqual(['Weekly reports delayed']));

    // Archived engagements stay searchable.
    await store.engagements.archive(engagement.id);
    await eventually(() => expect(live?.index.has('engagement', engagement.id)).toBe(true));
    expect(titles('northwind')).toEqual(['Northwind Learning — Database operations review']);
    expect(revisions.length).toBeGreaterThan(3);
    live.stop();
  });

  it('resolves record ids to names across tables', async () => {
    const { db, store } = await openTestStore();
    const engagement = await store.engagements.create(engagementInput);
    const person = await store.stakeholders.create({
      engagementId: engagement.id,
      name: 'Victor Hale',
    });
    const names = await resolveRecordNames(db, [person.id, engagement.id, person.id]);
    expect(names.get(person.id)).toBe('Victor Hale');
    expect(names.get(engagement.id)).toBe('Northwind Learning');
    expect((await resolveRecordNames(db, [])).size).toBe(0);
  });
});
