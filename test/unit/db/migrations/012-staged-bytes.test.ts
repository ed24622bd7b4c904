import { afterEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import type { WorkbenchDB } from '../../../../renderer/db/database';
import { readAttachmentBytes } from '../../../../renderer/db/attachmentBlobs';
import { SCHEMA_VERSION } from '../../../../renderer/db/migrations';
import { openWorkbenchDb } from '../../../../renderer/db/open';
import { deps, uniqueDbName } from '../helpers';
import { indexNames, openAtVersion } from './helpers';

const opened: Array<Dexie | WorkbenchDB> = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('migration 012: bytes staged while hashed', () => {
  it('keeps the bytes version 11 stored in its rows, and adds the staging table', async () => {
    const name = uniqueDbName('m012');
    const old = openAtVersion(name, 11);
    await old.open();
    const sha = 'b'.repeat(64);
    await old.table('attachmentBlobs').add({ sha256: sha, size: 3, bytes: new Blob(['old']) });
    old.close();

    const result = await openWorkbenchDb({ name, deps });
    if (!result.ok) throw new Error('cannot open');
    opened.push(result.db);
    expect(result.db.verno).toBe(SCHEMA_VERSION);
    expect(await (await readAttachmentBytes(result.db, sha))?.text()).toBe('old');
    expect(await result.db.attachmentData.count()).toBe(0);
    expect(indexNames(result.db, 'attachmentBlobs')).toEqual(['dataId']);
    expect(result.db.attachmentBlobs.schema.primKey.name).toBe('sha256');
  });
});
