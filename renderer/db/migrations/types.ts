import type { Transaction } from 'dexie';

/**
 * One step of the database schema. Versions are Dexie versions (1, 2, 3...; IndexedDB sees
 * them multiplied by 10). A migration lists only the tables it adds or changes; `null` deletes
 * a table. Never edit a migration that has shipped: add a new one.
 */
export interface Migration {
  /** The Dexie schema version this migration creates. */
  version: number;
  /** What the migration does, in one line. */
  description: string;
  /** Dexie stores spec: table name -> primary key and indexes (first entry is the key). */
  stores: Record<string, string | null>;
  /** Optional data migration, run inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void> | void;
}
