import { afterEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import type { WorkbenchDB } from '../../../../renderer/db/database';
import { SCHEMA_VERSION } from '../../../../renderer/db/migrations';
import { openWorkbenchDb } from '../../../../renderer/db/open';
import { deps, uniqueDbName } from '../helpers';
import { indexNames, openAtVersion } from './helpers';

const opened: Array<Dexie | WorkbenchDB> = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const E1 = '0195a000-0000-7000-8000-0000000000e1';

describe('migration 011: attachments', () => {
  it('adds the attachment tables to a version 8 database and keeps its records', async () => {
    const name = uniqueDbName('m011');
    const old = openAtVersion(name, 8);
    await old.open();
    await old.table('engagements').add({ id: E1, client: 'Acme', title: 'Review' });
    expect(old.tables.map((t) => t.name)).not.toContain('attachments');
    old.close();

    const result = await openWorkbenchDb({ name, deps });
    if (!result.ok) throw new Error('cannot open');
    opened.push(result.db);
    expect(result.db.verno).toBe(SCHEMA_VERSION);
    expect(await result.db.engagements.get(E1)).toMatchObject({ client: 'Acme' });
    expect(await result.db.attachments.count()).toBe(0);
    expect(indexNames(result.db, 'attachments')).toEqual(
      [
        '[engagementId+deletedAt]',
        '[target.entity+target.id]',
        'deletedAt',
        'engagementId',
        'sha256',
        'updatedAt',
      ].sort(),
    );
    expect(result.db.attachmentBlobs.schema.primKey.name).toBe('sha256');
  });
});
