import Dexie from 'dexie';
import { applyMigrations } from '../../../../renderer/db/migrations';
import { deps } from '../helpers';

/** A Dexie instance of the app's schema stopped at `version` (an old app's database). */
export function openAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name, { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange });
  applyMigrations(db, version);
  return db;
}

/** The index names of one table, as Dexie reads them from the open database. */
export function indexNames(db: Dexie, table: string): string[] {
  return db
    .table(table)
    .schema.indexes.map((i) => i.name)
    .sort();
}
