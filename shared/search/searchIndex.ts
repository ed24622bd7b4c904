import MiniSearch from 'minisearch';
import type { EntityName } from '../model/registry';
import { searchKey, toSearchDocument, type SearchDocument } from './searchDocument';

/** One search result, best first. */
export interface SearchHit {
  /** The matching record's document. */
  doc: SearchDocument;
  /** MiniSearch's relevance score (higher is better). */
  score: number;
  /** The words of the document that matched (as they appear in it), for highlighting. */
  terms: string[];
}

/** Options of {@link SearchIndex.search}. */
export interface SearchOptions {
  /** At most this many results (default 50). */
  limit?: number;
  /** Only these entities. */
  entities?: readonly EntityName[];
  /** Shorter queries (after trimming) find nothing (default 1). */
  minLength?: number;
  /** Only records whose engagement is in the index (leaves out deleted engagements' records). */
  withEngagementOnly?: boolean;
}

/** The answer of {@link SearchIndex.query}. */
export interface SearchResult {
  /** The best matches, best first (at most the limit). */
  hits: SearchHit[];
  /** How many records match in all. */
  total: number;
}

/** How many recent query answers are remembered. */
const CACHE_SIZE = 64;

/** Fuzzy matching only for longer words: short ones would match too much, and it is costly. */
const fuzzy = (term: string): number | false => (term.length >= 5 ? 0.2 : false);

/**
 * A full-text index over records of every engagement, kept up to date one record at a time
 * (add, replace, discard): never rebuilt per query. Title words rank three times higher than
 * body words; every word must match (the last typed word as a prefix, longer words fuzzily).
 */
export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDocument>({
    fields: ['title', 'body'],
    idField: 'id',
    searchOptions: { boost: { title: 3 }, prefix: true, fuzzy, combineWith: 'AND' },
  });
  private readonly docs = new Map<string, SearchDocument>();
  private readonly cache = new Map<string, SearchResult>();

  /** How many records the index holds. */
  get size(): number {
    return this.docs.size;
  }

  /** True when the record is in the index. */
  has(entity: EntityName, recordId: string): boolean {
    return this.docs.has(searchKey(entity, recordId));
  }

  /** The indexed document of a record, if any. */
  get(entity: EntityName, recordId: string): SearchDocument | undefined {
    return this.docs.get(searchKey(entity, recordId));
  }

  /** Adds a document, or replaces the one with the same key. */
  upsert(doc: SearchDocument): void {
    this.cache.clear();
    const current = this.docs.get(doc.id);
    if (current && current.title === doc.title && current.body === doc.body) {
      this.docs.set(doc.id, doc);
      return;
    }
    if (current) this.mini.replace(doc);
    else this.mini.add(doc);
    this.docs.set(doc.id, doc);
  }

  /** Removes a document by key; does nothing when it is not there. */
  remove(key: string): void {
    if (!this.docs.has(key)) return;
    this.cache.clear();
    this.mini.discard(key);
    this.docs.delete(key);
  }

  /**
   * Brings one record up to date: indexes a live record, removes a deleted (or vanished: pass
   * undefined) one.
   */
  apply(entity: EntityName, recordId: string, record: unknown): void {
    const doc = record === undefined ? null : toSearchDocument(entity, record);
    if (doc) this.upsert(doc);
    else this.remove(searchKey(entity, recordId));
  }

  /** Adds many records at once (the first load); deleted ones are skipped. */
  addAll(entity: EntityName, records: readonly unknown[]): void {
    const fresh: SearchDocument[] = [];
    for (const record of records) {
      const doc = toSearchDocument(entity, record);
      if (!doc) continue;
      if (this.docs.has(doc.id)) this.upsert(doc);
      else {
        this.docs.set(doc.id, doc);
        fresh.push(doc);
      }
    }
    this.cache.clear();
    this.mini.addAll(fresh);
  }

  /**
   * Adds many records in chunks, yielding between them (the first load of a large database
   * without freezing the window). Deleted records are skipped; records already in are replaced.
   */
  async addAllAsync(
    entity: EntityName,
    records: readonly unknown[],
    chunkSize = 500,
  ): Promise<void> {
    const fresh: SearchDocument[] = [];
    for (const record of records) {
      const doc = toSearchDocument(entity, record);
      if (!doc) continue;
      if (this.docs.has(doc.id)) this.upsert(doc);
      else {
        this.docs.set(doc.id, doc);
        fresh.push(doc);
      }
    }
    this.cache.clear();
    await this.mini.addAllAsync(fresh, { chunkSize });
  }

  /** Removes every document (all engagements). */
  clear(): void {
    this.mini.removeAll();
    this.docs.clear();
    this.cache.clear();
  }

  /** The records matching `query`, best first. An empty query finds nothing. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.query(query, options).hits;
  }

  /**
   * The best records matching `query` and how many match in all. Results are remembered until
   * the index next changes, so retyping or deleting back to an earlier query costs nothing.
   */
  query(query: string, options: SearchOptions = {}): SearchResult {
    const q = query.trim();
    if (q === '' || q.length < (options.minLength ?? 1)) return { hits: [], total: 0 };
    const limit = options.limit ?? 50;
    const key = [
      q,
      limit,
      options.entities?.join(',') ?? '',
      options.withEngagementOnly ?? false,
    ].join('\u0000');
    const cached = this.cache.get(key);
    if (cached) {
      // Refresh its place in the LRU order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const entities = options.entities ? new Set(options.entities) : null;
    const results = this.mini.search(q);
    const hits: SearchHit[] = [];
    let total = 0;
    for (const result of results) {
      const doc = this.docs.get(String(result.id));
      if (!doc) continue;
      if (entities && !entities.has(doc.entity)) continue;
      if (options.withEngagementOnly && !this.docs.has(searchKey('engagement', doc.engagementId))) {
        continue;
      }
      total += 1;
      if (hits.length < limit) hits.push({ doc, score: result.score, terms: result.terms });
    }
    const answer = { hits, total };
    this.cache.set(key, answer);
    if (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return answer;
  }
}
