import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids';
import { buildSampleEngagement } from '../../../shared/sample';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { overviewFeed } from '../../../renderer/db/hooks/overview';
import { createFeedRegistry, type FeedState } from '../../../renderer/db/hooks/liveFeed';
import { openTestStore } from '../db/helpers';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const TODAY = '2026-11-26';

/** Resolves with the first state of the feed that satisfies `test`. */
function next<T>(
  feed: { subscribe(l: () => void): () => void; getSnapshot(): FeedState<T> },
  test: (s: FeedState<T>) => boolean,
): Promise<FeedState<T>> {
  return new Promise((resolve) => {
    if (test(feed.getSnapshot())) return resolve(feed.getSnapshot());
    const stop = feed.subscribe(() => {
      if (!test(feed.getSnapshot())) return;
      stop();
      resolve(feed.getSnapshot());
    });
  });
}

describe('the live overview feed', () => {
  let db: WorkbenchDB | undefined;
  // Dexie's liveQuery runs only where it sees an IndexedDB (the browser has one; Node does not).
  beforeAll(() => {
    Dexie.dependencies.indexedDB = indexedDB;
    Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  });
  afterEach(() => db?.close());

  it('stays current while held, keeps its last value when released, and re-reads on retain', async () => {
    const opened = await openTestStore({ now: () => NOW });
    db = opened.db;
    const data = buildSampleEngagement({ now: NOW, newId });
    await opened.store.importEngagement(data);
    const feed = overviewFeed(db, data.engagement.id, TODAY);
    expect(overviewFeed(db, data.engagement.id, TODAY)).toBe(feed);
    expect(feed.getSnapshot()).toMatchObject({ value: undefined, current: false });

    const release = feed.retain();
    const first = await next(feed, (s) => s.current);
    const notes = first.value?.counts.note ?? 0;
    expect(notes).toBe(data.notes.length);

    // A write anywhere in what the overview read makes the held feed re-run by itself.
    await opened.store.notes.create({
      engagementId: data.engagement.id,
      title: 'Call with the CTO',
      date: NOW.toISOString(),
      body: 'Agreed to review the disk alerts.',
    });
    const after = await next(feed, (s) => (s.value?.counts.note ?? 0) === notes + 1);
    expect(after.current).toBe(true);
    expect(after.value?.recentNotes[0]?.title).toBe('Call with the CTO');

    release();
    release(); // idempotent
    expect(feed.active).toBe(false);
    expect(feed.getSnapshot()).toMatchObject({ current: false });
    expect(feed.getSnapshot().value?.counts.note).toBe(notes + 1);

    // Released: a write is not seen until someone holds the feed again.
    await opened.store.notes.create({
      engagementId: data.engagement.id,
      title: 'Second call',
      date: NOW.toISOString(),
      body: '',
    });
    expect(feed.getSnapshot().value?.counts.note).toBe(notes + 1);
    const releaseAgain = feed.retain();
    const reread = await next(feed, (s) => s.current);
    expect(reread.value?.counts.note).toBe(notes + 2);
    releaseAgain();
  });

  it('passes the query error on, and keeps the last good value', async () => {
    const registry = createFeedRegistry<number>();
    let fail = false;
    const feed = registry.feedFor('k', async () => {
      if (fail) throw new Error('disk gone');
      return 42;
    });
    const release = feed.retain();
    await next(feed, (s) => s.current);
    release();
    fail = true;
    const again = feed.retain();
    const failed = await next(feed, (s) => s.error !== undefined);
    expect(failed.value).toBe(42);
    expect(failed.current).toBe(false);
    expect((failed.error as Error).message).toBe('disk gone');
    again();
  });

  it('keeps at most maxIdle idle feeds, least recently used out first, never a held one', () => {
    const registry = createFeedRegistry<number>(2);
    const a = registry.feedFor('a', async () => 1);
    const releaseA = a.retain();
    registry.feedFor('b', async () => 2);
    registry.feedFor('c', async () => 3);
    registry.feedFor('b', async () => 2); // b used again: c is now the least recent idle one
    registry.feedFor('d', async () => 4);
    expect(registry.size).toBe(3); // a (held), b, d
    expect(registry.feedFor('a', async () => 1)).toBe(a);
    releaseA();
  });
});
