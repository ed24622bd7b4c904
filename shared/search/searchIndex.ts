import { Index } from 'flexsearch';
import type { EntityName } from '../model/registry';
import { searchKey, toSearchDocument, type SearchDocument } from './searchDocument';
import { searchTokens, wordMatcher } from './searchTokens';
import { MIN_CORRECTED_LENGTH, Vocabulary } from './vocabulary';

/** One search result, best first. */
export interface SearchHit {
  /** The matching record's document. */
  doc: SearchDocument;
  /** The words of the document that matched (as written in it), for highlighting. */
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
  /** How many records match in all, counted exactly up to {@link TOTAL_CAP} (or the limit). */
  total: number;
  /** True when more records match than `total` says (the count stopped at the cap). */
  capped: boolean;
  /** When the typed words found nothing: the corrected query whose results these are. */
  correctedQuery: string | null;
}

/** Matches are counted exactly up to this many; beyond, the total says "1,000+". */
export const TOTAL_CAP = 1_000;

/** How many recent query answers are remembered. */
const CACHE_SIZE = 64;

/** At most this many words of one query are spelling-corrected. */
const MAX_CORRECTED_WORDS = 4;

/** Rank slots: 0 holds title words, 1 to RESOLUTION - 1 body words by position. */
const RESOLUTION = 9;

/** A slice of the first load or of a rebuild yields once it has worked this long (ms). */
const SLICE_MS = 8;

/** Rebuild once at least this many replaced or removed records' words linger (see the class). */
const STALE_LIMIT = 2_000;

/** The empty answer. */
const NOTHING: SearchResult = { hits: [], total: 0, capped: false, correctedQuery: null };

/** A record in the index: its document and FlexSearch's numeric id for it. */
interface Entry {
  /** The document. */
  doc: SearchDocument;
  /** The index's id of this version of the document (a replaced document gets a new one). */
  id: number;
}

/** Options of a {@link SearchIndex}. */
export interface SearchIndexOptions {
  /**
   * Rebuild the word index in the background once the words of this many replaced or removed
   * records linger in it (default 2,000; at least half the records in any case).
   */
  staleLimit?: number;
  /** The background rebuild yields after this many records (default 500) or about 8 ms. */
  sliceSize?: number;
}

/** Lets queued tasks (input, rendering) run: a macrotask without setTimeout's 4 ms clamp. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.addEventListener(
      'message',
      () => {
        port1.close();
        resolve();
      },
      { once: true },
    );
    port1.start();
    port2.postMessage(null);
  });
}

/** A document's words as indexed: its title words, then its body words. */
function wordsOf(doc: SearchDocument): { words: string[]; titleWords: number } {
  const title = searchTokens(doc.title);
  return { words: title.concat(searchTokens(doc.body)), titleWords: title.length };
}

/**
 * A full-text index over records of every engagement, kept up to date one record at a time
 * (add, replace, remove): never rebuilt per query. Backed by FlexSearch with every prefix of
 * every word indexed ("forward"), so a query only walks the posting lists of its words and
 * stops at the first matches it needs, instead of scoring every matching record: every word
 * must match (each as a prefix, the last one being typed), records whose title holds every word
 * come first, then the others by how early the words occur. When nothing matches, words of
 * five letters or more are corrected to the nearest known word (one edit, two for eight letters
 * or more) and the corrected query is run instead.
 *
 * Removing a record's words from FlexSearch either scans the whole index or needs a register
 * of every posting (its "fastupdate" option, which doubles the memory). Instead, a replaced
 * version or a removed record only leaves the live set: its words linger in the word index,
 * where queries skip them, until enough have piled up; then the word index is rebuilt from the
 * live records in the background, in slices, and swapped in.
 */
export class SearchIndex {
  /** The live records by key. */
  private readonly entries = new Map<string, Entry>();
  /** The live records by their id in the word index. */
  private readonly byId = new Map<number, Entry>();
  private readonly vocabulary = new Vocabulary();
  private readonly cache = new Map<string, SearchResult>();
  private readonly staleLimit: number;
  private readonly sliceSize: number;
  private nextId = 1;
  /** How many words of the document being added are title words (read by the scorer). */
  private titleWords = 0;
  /** The word index (the live records' words, and some lingering ones). */
  private flex: Index;
  /** How many replaced or removed records' words linger in the word index. */
  private stale = 0;
  /** The word index being rebuilt, which also takes every record added meanwhile. */
  private rebuilt: Index | null = null;
  /** Records replaced or removed while rebuilding (their words may linger in the new index). */
  private staleInRebuilt = 0;
  /** The running rebuild, if any. */
  private rebuilding: Promise<void> | null = null;
  /** Grows on clear(), so a rebuild started before gives up. */
  private generation = 0;

  constructor(options: SearchIndexOptions = {}) {
    this.staleLimit = options.staleLimit ?? STALE_LIMIT;
    this.sliceSize = Math.max(1, options.sliceSize ?? 500);
    this.flex = this.createWordIndex();
  }

  /** How many records the index holds. */
  get size(): number {
    return this.entries.size;
  }

  /** How many replaced or removed records' words still linger in the word index. */
  get staleRecords(): number {
    return this.stale;
  }

  /** True when the record is in the index. */
  has(entity: EntityName, recordId: string): boolean {
    return this.entries.has(searchKey(entity, recordId));
  }

  /** The indexed document of a record, if any. */
  get(entity: EntityName, recordId: string): SearchDocument | undefined {
    return this.entries.get(searchKey(entity, recordId))?.doc;
  }

  /** Adds a document, or replaces the one with the same key. */
  upsert(doc: SearchDocument): void {
    this.cache.clear();
    const current = this.entries.get(doc.id);
    if (current && current.doc.title === doc.title && current.doc.body === doc.body) {
      current.doc = doc;
      return;
    }
    if (current) this.unindex(current);
    const entry: Entry = { doc, id: this.nextId++ };
    this.entries.set(doc.id, entry);
    this.byId.set(entry.id, entry);
    this.index(entry);
    this.rebuildIfStale();
  }

  /** Removes a document by key; does nothing when it is not there. */
  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.cache.clear();
    this.unindex(entry);
    this.entries.delete(key);
    this.rebuildIfStale();
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
    for (const record of records) {
      const doc = toSearchDocument(entity, record);
      if (doc) this.upsert(doc);
    }
    this.cache.clear();
  }

  /**
   * Adds many records in slices, yielding to the event loop after each `chunkSize` records or
   * about 8 ms of work, whichever comes first (the first load of a large database without
   * freezing the window). Deleted records are skipped; records already in are replaced.
   */
  async addAllAsync(
    entity: EntityName,
    records: readonly unknown[],
    chunkSize = 500,
  ): Promise<void> {
    let sliceStart = performance.now();
    let inSlice = 0;
    for (const record of records) {
      const doc = toSearchDocument(entity, record);
      if (doc) this.upsert(doc);
      inSlice += 1;
      if (inSlice >= chunkSize || performance.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
        inSlice = 0;
      }
    }
    this.cache.clear();
  }

  /** Removes every document (all engagements). */
  clear(): void {
    this.generation += 1;
    this.flex = this.createWordIndex();
    this.rebuilt = null;
    this.rebuilding = null;
    this.stale = 0;
    this.entries.clear();
    this.byId.clear();
    this.vocabulary.clear();
    this.cache.clear();
  }

  /** Resolves once a background rebuild of the word index (if one runs) has finished. */
  async settled(): Promise<void> {
    while (this.rebuilding) await this.rebuilding;
  }

  /** The records matching `query`, best first. An empty query finds nothing. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.query(query, options).hits;
  }

  /**
   * The best records matching `query` and how many match in all (exactly up to
   * {@link TOTAL_CAP}). When nothing matches, mistyped words are corrected (see the class).
   * Answers are remembered until the index next changes, so retyping or deleting back to an
   * earlier query costs nothing.
   */
  query(query: string, options: SearchOptions = {}): SearchResult {
    const q = query.trim();
    if (q === '' || q.length < (options.minLength ?? 1)) return NOTHING;
    const limit = Math.max(1, options.limit ?? 50);
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
    const tokens = searchTokens(q);
    let answer = this.run(tokens, limit, options);
    if (answer.total === 0) {
      const corrected = this.correct(q, tokens);
      if (corrected) {
        const again = this.run(corrected.tokens, limit, options);
        if (again.total > 0) answer = { ...again, correctedQuery: corrected.query };
      }
    }
    this.cache.set(key, answer);
    if (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return answer;
  }

  /** The rank slot of a word at `position` of a document of `length` words. */
  private slotOf(length: number, position: number): number {
    if (position < this.titleWords) return 0;
    const bodyWords = length - this.titleWords;
    const slots = RESOLUTION - 1;
    const slot = Math.floor(((position - this.titleWords) * slots) / Math.max(bodyWords, slots));
    return 1 + Math.min(slots - 1, slot);
  }

  /** A new, empty word index. */
  private createWordIndex(): Index {
    return new Index({
      tokenize: 'forward',
      resolution: RESOLUTION,
      // Records and queries are tokenized by searchTokens, then joined by single spaces.
      encode: (text: string) => (text === '' ? [] : text.split(' ')),
      score: (content, _term, position) => this.slotOf(content.length, position),
    });
  }

  /** Adds an entry's words to a word index (title words first, for the scorer). */
  private addWords(
    target: Index,
    entry: Entry,
    words: readonly string[],
    titleWords: number,
  ): void {
    this.titleWords = titleWords;
    try {
      target.add(entry.id, words.join(' '));
    } finally {
      this.titleWords = 0;
    }
  }

  /** Indexes a new entry's words and counts them. */
  private index(entry: Entry): void {
    const { words, titleWords } = wordsOf(entry.doc);
    this.vocabulary.add(words);
    this.addWords(this.flex, entry, words, titleWords);
    if (this.rebuilt) this.addWords(this.rebuilt, entry, words, titleWords);
  }

  /** Takes an entry out of the live set and its words out of the vocabulary. */
  private unindex(entry: Entry): void {
    this.byId.delete(entry.id);
    this.vocabulary.remove(wordsOf(entry.doc).words);
    this.stale += 1;
    if (this.rebuilt) this.staleInRebuilt += 1;
  }

  /** Starts a background rebuild when enough stale words linger. */
  private rebuildIfStale(): void {
    if (this.rebuilding || this.stale < Math.max(this.staleLimit, this.byId.size / 2)) return;
    const done = this.rebuild().finally(() => {
      if (this.rebuilding === done) this.rebuilding = null;
    });
    this.rebuilding = done;
  }

  /**
   * Builds a new word index from the live records, in slices (yielding between them), then
   * swaps it in. Records added meanwhile go into both indexes; records replaced or removed
   * meanwhile are skipped if not reached yet.
   */
  private async rebuild(): Promise<void> {
    const generation = this.generation;
    const fresh = this.createWordIndex();
    this.rebuilt = fresh;
    this.staleInRebuilt = 0;
    const snapshot = [...this.byId.values()];
    let sliceStart = performance.now();
    let inSlice = 0;
    for (const entry of snapshot) {
      if (this.generation !== generation) return;
      if (this.byId.get(entry.id) === entry) {
        const { words, titleWords } = wordsOf(entry.doc);
        this.addWords(fresh, entry, words, titleWords);
      }
      inSlice += 1;
      if (inSlice >= this.sliceSize || performance.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        if (this.generation !== generation) return;
        sliceStart = performance.now();
        inSlice = 0;
      }
    }
    if (this.generation !== generation) return;
    this.flex = fresh;
    this.rebuilt = null;
    this.stale = this.staleInRebuilt;
    this.cache.clear();
  }

  /** FlexSearch's ids for some tokenized query words, best first (at most `limit`). */
  private find(text: string, limit: number): readonly unknown[] {
    // FlexSearch answers undefined, not [], when a word's postings are all empty.
    const ids: unknown = this.flex.search(text, { limit });
    return Array.isArray(ids) ? ids : [];
  }

  /** True when some live record holds a word starting with `token`. */
  private hasLiveMatch(token: string): boolean {
    for (let ask = 16; ; ask *= 8) {
      const ids = this.find(token, ask);
      if (ids.some((id) => typeof id === 'number' && this.byId.has(id))) return true;
      if (ids.length < ask) return false;
    }
  }

  /** Runs tokenized query words: the best `limit` hits and the capped count. */
  private run(tokens: readonly string[], limit: number, options: SearchOptions): SearchResult {
    if (tokens.length === 0) return NOTHING;
    const cap = Math.max(TOTAL_CAP, limit);
    const entities = options.entities ? new Set(options.entities) : null;
    const accept = (doc: SearchDocument): boolean =>
      (!entities || entities.has(doc.entity)) &&
      (!options.withEngagementOnly || this.entries.has(searchKey('engagement', doc.engagementId)));
    const text = tokens.join(' ');
    // Ask for one more than the cap; when filters or lingering words drop some, ask for more.
    const docs: SearchDocument[] = [];
    for (let ask = cap + 1; ; ask *= 4) {
      const ids = this.find(text, ask);
      docs.length = 0;
      for (const id of ids) {
        const doc = typeof id === 'number' ? this.byId.get(id)?.doc : undefined;
        if (doc && accept(doc)) docs.push(doc);
        if (docs.length > cap) break;
      }
      if (docs.length > cap || ids.length < ask) break;
    }
    const matcher = wordMatcher(tokens);
    const hits = docs.slice(0, limit).map((doc): SearchHit => {
      const found = matcher.wordsIn(`${doc.title}\n${doc.body}`);
      return { doc, terms: found.length > 0 ? found : [...tokens] };
    });
    return {
      hits,
      total: Math.min(docs.length, cap),
      capped: docs.length > cap,
      correctedQuery: null,
    };
  }

  /**
   * The query with its unknown words (five letters or more, no digits, not the start of any
   * indexed word) replaced by the nearest known word, or null when none could be corrected.
   */
  private correct(
    query: string,
    tokens: readonly string[],
  ): { tokens: string[]; query: string } | null {
    const fixes = new Map<string, string>();
    for (const token of tokens) {
      if (fixes.size >= MAX_CORRECTED_WORDS) break;
      if (token.length < MIN_CORRECTED_LENGTH || /\p{N}/u.test(token) || fixes.has(token)) {
        continue;
      }
      if (this.hasLiveMatch(token)) continue;
      const nearest = this.vocabulary.nearest(token);
      if (nearest !== null) fixes.set(token, nearest);
    }
    if (fixes.size === 0) return null;
    const fix = (token: string): string => fixes.get(token) ?? token;
    const words = query.split(/\s+/).map((word) => {
      const wordTokens = searchTokens(word);
      return wordTokens.some((t) => fixes.has(t)) ? wordTokens.map(fix).join(' ') : word;
    });
    return { tokens: tokens.map(fix), query: words.join(' ') };
  }
}
