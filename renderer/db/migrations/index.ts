import type { Dexie } from 'dexie';
import { migration001 } from './001-initial';
import { migration002 } from './002-device-seq-index';
import { migration003 } from './003-memos';
import { migration004 } from './004-sync';
import { migration006 } from './006-memo-drafts';
import { migration007 } from './007-change-log-index-diet';
import { migration008 } from './008-change-packs';
import { migration009 } from './009-paper-trail';
import { migration011 } from './011-attachments';
import { migration012 } from './012-staged-bytes';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, oldest first. Append new ones; never reorder or edit shipped ones. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration006,
  migration007,
  migration008,
  migration009,
  migration011,
  migration012,
];

/** The schema version this build of the app writes (the last migration's version). */
export const SCHEMA_VERSION: number = migrations[migrations.length - 1]?.version ?? 0;

/**
 * Declares the migrations on a Dexie instance, in order, up to `upTo` (all by default; tests
 * pass a lower version to create an old database).
 */
export function applyMigrations(db: Dexie, upTo: number = SCHEMA_VERSION): void {
  let previous = 0;
  for (const migration of migrations) {
    if (migration.version <= previous) {
      throw new Error(`Migrations out of order at version ${migration.version}`);
    }
    previous = migration.version;
    if (migration.version > upTo) break;
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
}
