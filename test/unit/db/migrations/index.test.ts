import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_VERSION, applyMigrations, migrations } from '../../../../renderer/db/migrations';

describe('migrations list', () => {
  it('has strictly increasing versions and the schema version is the last one', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions[0]).toBe(1);
    expect(SCHEMA_VERSION).toBe(versions[versions.length - 1]);
    for (const m of migrations) expect(m.description.length).toBeGreaterThan(0);
  });

  it('declares only the versions up to the one asked for', () => {
    const db = new Dexie('not-opened', { autoOpen: false });
    applyMigrations(db, 1);
    expect(db.verno).toBe(1);
    const full = new Dexie('not-opened-either', { autoOpen: false });
    applyMigrations(full);
    expect(full.verno).toBe(SCHEMA_VERSION);
  });
});
