import { afterEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import { migration004 } from '../../../../renderer/db/migrations/004-sync';
import { uniqueDbName } from '../helpers';
import { indexNames, openAtVersion } from './helpers';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('migration 004: sync tables', () => {
  it('adds the conflict, parked and state tables and keeps older data', async () => {
    const name = uniqueDbName('m004');
    const old = openAtVersion(name, 2);
    await old.open();
    await old.table('meta').put({ key: 'hlc', value: 'x' });
    old.close();
    const db = openAtVersion(name, 4);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(4);
    expect(Object.keys(migration004.stores).sort()).toEqual([
      'syncConflicts',
      'syncParked',
      'syncState',
    ]);
    expect(indexNames(db, 'syncConflicts')).toEqual(
      ['[entity+recordId]', 'detectedAt', 'engagementId', 'status'].sort(),
    );
    expect(indexNames(db, 'syncParked')).toEqual(['[deviceId+seq]', 'reason'].sort());
    expect(db.table('syncState').schema.primKey.name).toBe('key');
    expect(await db.table('meta').get('hlc')).toEqual({ key: 'hlc', value: 'x' });
  });
});
