import { liveQuery, type Subscription } from 'dexie';
import { entityNames, entityTables, type EntityName } from '@shared/model/registry';
import { SearchIndex } from '@shared/search/searchIndex';
import type { WorkbenchDB } from '../database';
import { latestLoggedHlc, readChangesAfter } from '../changeLog/reads';

/** Where the index stands. */
export type IndexStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** What one run of the change-log watcher found: the changed records, as stored now. */
interface ChangedRecords {
  /** The latest HLC seen. */
  last: string | null;
  /** Each changed record (undefined when it no longer exists). */
  records: { entity: EntityName; id: string; record: unknown }[];
}

/**
 * The app's search index over every record of every engagement (archived ones too). Loaded
 * once, on first use, from all tables; then kept up to date incrementally from the change log:
 * a Dexie liveQuery over the changes after the last one seen re-runs whenever a change is
 * appended (in this window or another), and only the records those changes touched are added,
 * replaced or discarded. Nothing is rebuilt per keystroke.
 */
export class LiveSearchIndex {
  readonly index = new SearchIndex();
  private state: IndexStatus = 'idle';
  private version = 0;
  private subscription: Subscription | null = null;
  private readonly listeners = new Set<() => void>();
  private cursor = '';

  constructor(private readonly db: WorkbenchDB) {}

  /** idle, loading, ready or failed. */
  get status(): IndexStatus {
    return this.state;
  }

  /** Grows by one on every change of the index (for React's useSyncExternalStore). */
  get revision(): number {
    return this.version;
  }

  /** Calls `listener` after every change of the index or its status; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  /** Loads the index (once) and starts following the change log. */
  async start(): Promise<void> {
    if (this.state !== 'idle') return;
    this.state = 'loading';
    this.notify();
    try {
      const tables = entityNames.map((e) => this.db.table(entityTables[e]));
      const log = [this.db.changes, this.db.changePacks];
      const snapshot = await this.db.transaction('r', [...tables, ...log], async () => {
        const last = await latestLoggedHlc(this.db);
        const all = await Promise.all(
          entityNames.map(
            async (entity) =>
              [entity, await this.db.table(entityTables[entity]).toArray()] as const,
          ),
        );
        return { cursor: last, all };
      });
      this.cursor = snapshot.cursor;
      for (const [entity, records] of snapshot.all) await this.index.addAllAsync(entity, records);
      this.state = 'ready';
      this.notify();
      this.follow();
    } catch (error) {
      this.state = 'failed';
      this.notify();
      throw error;
    }
  }

  /** Subscribes to the change log after the cursor. */
  private follow(): void {
    const observable = liveQuery(async (): Promise<ChangedRecords> => {
      const changes = await readChangesAfter(this.db, this.cursor);
      if (changes.length === 0) return { last: null, records: [] };
      const touched = new Map<string, { entity: EntityName; id: string }>();
      for (const c of changes)
        touched.set(`${c.entity}:${c.recordId}`, { entity: c.entity, id: c.recordId });
      const byEntity = new Map<EntityName, string[]>();
      for (const t of touched.values())
        byEntity.set(t.entity, [...(byEntity.get(t.entity) ?? []), t.id]);
      const records: ChangedRecords['records'] = [];
      for (const [entity, ids] of byEntity) {
        const rows = await this.db.table(entityTables[entity]).bulkGet(ids);
        ids.forEach((id, i) => records.push({ entity, id, record: rows[i] }));
      }
      const last = changes.reduce((max, c) => (c.hlc > max ? c.hlc : max), this.cursor);
      return { last, records };
    });
    this.subscription = observable.subscribe({
      next: ({ last, records }) => {
        if (last === null || last <= this.cursor) return;
        for (const r of records) this.index.apply(r.entity, r.id, r.record);
        this.cursor = last;
        this.notify();
      },
      error: () => {
        this.state = 'failed';
        this.notify();
      },
    });
  }

  /** Stops following the change log. */
  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }
}

const instances = new WeakMap<WorkbenchDB, LiveSearchIndex>();

/** The one live index of a database. */
export function liveSearchIndexOf(db: WorkbenchDB): LiveSearchIndex {
  let instance = instances.get(db);
  if (!instance) {
    instance = new LiveSearchIndex(db);
    instances.set(db, instance);
  }
  return instance;
}
