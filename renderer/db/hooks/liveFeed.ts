import { liveQuery, type Subscription } from 'dexie';

/** What a feed holds: the latest result of its query, or its latest error. */
export interface FeedState<T> {
  /** The latest result (undefined until the first run completes). */
  value: T | undefined;
  /** The latest error (cleared by the next successful run). */
  error: unknown;
  /**
   * True when `value` is the running query's own latest result; false while the feed is not
   * held (the value is the last one seen, possibly stale) or restarting.
   */
  current: boolean;
}

/**
 * A Dexie live query kept running while anyone holds it, its latest result shared by every
 * reader. A screen that is not shown can hold the feed of a costly summary (the overview), so
 * that coming back to it shows the current figures at once instead of re-reading thousands of
 * records: Dexie re-runs the query after any write that touches what it read.
 */
export interface LiveFeed<T> {
  /** Starts the query if nobody held it; returns the release function (idempotent). */
  retain(): () => void;
  /** Registers a change listener (the useSyncExternalStore contract). */
  subscribe(listener: () => void): () => void;
  /** The current state (a stable object until the next result or error). */
  getSnapshot(): FeedState<T>;
  /** Whether the query is running (held by at least one holder). */
  readonly active: boolean;
}

/**
 * A feed over `query`. When the last holder releases it the query stops; the last value is
 * kept (marked not current) for the next holder to show while the query re-runs.
 */
export function createLiveFeed<T>(query: () => Promise<T>): LiveFeed<T> {
  let state: FeedState<T> = { value: undefined, error: undefined, current: false };
  const listeners = new Set<() => void>();
  let holders = 0;
  let subscription: Subscription | null = null;

  const publish = (next: FeedState<T>) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  const start = () => {
    subscription = liveQuery(query).subscribe({
      next: (value) => publish({ value, error: undefined, current: true }),
      error: (error: unknown) => publish({ value: state.value, error, current: false }),
    });
  };

  return {
    retain() {
      holders += 1;
      if (holders === 1) start();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders === 0) {
          subscription?.unsubscribe();
          subscription = null;
          if (state.current) publish({ ...state, current: false });
        }
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    get active() {
      return holders > 0;
    },
  };
}

/**
 * Feeds by key: `feedFor(key, query)` returns the feed of that key or makes one. Idle feeds
 * stay (with their last value, not current); beyond `maxIdle` of them the oldest idle ones go.
 */
export function createFeedRegistry<T>(maxIdle = 8) {
  const feeds = new Map<string, LiveFeed<T>>();
  return {
    feedFor(key: string, query: () => Promise<T>): LiveFeed<T> {
      const existing = feeds.get(key);
      if (existing) {
        // Most recently used last, so eviction takes the least recently used.
        feeds.delete(key);
        feeds.set(key, existing);
        return existing;
      }
      const feed = createLiveFeed(query);
      feeds.set(key, feed);
      let idle = [...feeds.entries()].filter(([, f]) => !f.active);
      while (idle.length > maxIdle) {
        const [oldest] = idle;
        if (!oldest || oldest[1] === feed) break;
        feeds.delete(oldest[0]);
        idle = idle.slice(1);
      }
      return feed;
    },
    /** How many feeds are registered (for tests). */
    get size() {
      return feeds.size;
    },
  };
}
