import { afterEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import { composeMemo, verifyMemoFile } from '../../../shared/memo';
import type { MemoRecordInput } from '../../../shared/model/memo';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { openWorkbenchDb } from '../../../renderer/db/open';
import { issueMemoVersion, recordMemoExport } from '../../../renderer/db/repositories/memos';
import { ValidationError } from '../../../renderer/db/errors';
import { deps, openTestStore, uniqueDbName } from '../db/helpers';
import { indexNames, openAtVersion } from '../db/migrations/helpers';
import { sample, sampleMemoOptions } from './fixtures';

const opened: Array<Dexie | WorkbenchDB> = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function setup() {
  const { db, store } = await openTestStore();
  opened.push(db);
  const data = sample();
  await store.importEngagement(data);
  return { db, store, data };
}

async function memoInput(
  data: ReturnType<typeof sample>,
  version: number,
  subject = 'Open issues needing a decision',
): Promise<MemoRecordInput> {
  const options = { ...sampleMemoOptions(data), version, subject };
  const c = await composeMemo(data, options, 'issued');
  return {
    engagementId: data.engagement.id,
    memoId: options.memoId,
    version,
    issuedAt: `2026-06-1${version}T10:00:00.000Z`,
    subject,
    recipientIds: options.recipientIds,
    ccIds: options.ccIds,
    composition: { date: options.date, scopeKind: 'open', excludeInternal: true },
    content: c.canonical,
    fingerprint: c.fingerprint,
    markdown: c.markdown,
    cited: c.cited,
    itemIssueIds: c.memo.items.map((i) => i.id),
  };
}

describe('migration 003: memos table', () => {
  it('upgrades a version-2 database, keeping its data, and adds the memos table', async () => {
    const name = uniqueDbName('m003');
    const v2 = openAtVersion(name, 2);
    await v2.open();
    expect(v2.tables.map((t) => t.name)).not.toContain('memos');
    const engagement = {
      id: '0195a000-0000-7000-8000-0000000000e1',
      client: 'Northwind Learning',
      title: 'Review',
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      deletedAt: null,
    };
    await v2.table('engagements').add(engagement);
    v2.close();
    const result = await openWorkbenchDb({ name, deps });
    if (!result.ok) throw new Error('open failed');
    opened.push(result.db);
    expect(result.db.verno).toBeGreaterThanOrEqual(3);
    expect(await result.db.engagements.get(engagement.id)).toEqual(engagement);
    expect(indexNames(result.db, 'memos')).toEqual(
      [
        '[engagementId+deletedAt]',
        '[engagementId+memoId]',
        'deletedAt',
        'engagementId',
        'issuedAt',
        'memoId',
        'updatedAt',
      ].sort(),
    );
  });
});

describe('issued memos', () => {
  it('issue, re-issue (supersede) and verify round trip', async () => {
    const { db, store, data } = await setup();
    const v1 = await issueMemoVersion(store, await memoInput(data, 1), null);
    expect(v1.status).toBe('issued');
    const v2 = await issueMemoVersion(store, await memoInput(data, 2, 'Second version'), v1);
    const stored = await db.memos.where('memoId').equals('NWL-M-2026-004').sortBy('version');
    expect(stored.map((m) => [m.version, m.status, m.supersededBy])).toEqual([
      [1, 'superseded', 2],
      [2, 'issued', null],
    ]);
    // the change log holds the issue and the supersede
    const history = await store.changes.forRecord('memo', v1.id);
    expect(history.map((c) => c.op)).toEqual(['create', 'update']);

    // verify: the exported Markdown of each version matches its own record only
    const file = (text: string) => ({
      fileName: 'x.md',
      kind: 'markdown' as const,
      sha256: '0'.repeat(64),
      text,
      pdfTitle: null,
    });
    const matchV2 = verifyMemoFile(file(v2.markdown), stored);
    expect(matchV2).toMatchObject({ outcome: 'match', memoId: 'NWL-M-2026-004', version: 2 });
    const matchV1 = verifyMemoFile(file(v1.markdown.replace(/\n/g, '\r\n')), stored);
    expect(matchV1.outcome).toBe('match');
    expect(matchV1.message).toMatch(/superseded/);
    const edited = verifyMemoFile(
      file(v2.markdown.replace('Second version', 'Second versi0n')),
      stored,
    );
    expect(edited.outcome).toBe('altered');
    const notIssued = verifyMemoFile(
      file(v2.markdown.replace('version 2 ·', 'version 7 ·')),
      stored,
    );
    expect(notIssued.outcome).toBe('unknown');
    expect(verifyMemoFile(file('# hello'), stored).outcome).toBe('unreadable');

    // a PDF: recognised by its title stamp, and byte for byte once its export is recorded
    const pdf = {
      fileName: 'x.pdf',
      kind: 'pdf' as const,
      sha256: 'a'.repeat(64),
      text: null,
      pdfTitle: `NWL-M-2026-004 v2 SHA-256 ${v2.fingerprint}`,
    };
    expect(verifyMemoFile(pdf, stored).outcome).toBe('altered');
    await recordMemoExport(store, v2.id, {
      format: 'pdf',
      sha256: 'a'.repeat(64),
      pageSize: 'A4',
      at: '2026-06-12T10:00:00.000Z',
    });
    const withExport = await db.memos.where('memoId').equals('NWL-M-2026-004').toArray();
    expect(verifyMemoFile(pdf, withExport).outcome).toBe('match');
  });

  it('refuses to edit or delete an issued memo; nothing is written', async () => {
    const { db, store, data } = await setup();
    const v1 = await issueMemoVersion(store, await memoInput(data, 1), null);
    for (const patch of [
      { markdown: 'changed' },
      { subject: 'New subject' },
      { fingerprint: 'b'.repeat(64) },
      { recipientIds: [] },
    ]) {
      await expect(store.memos.update(v1.id, patch)).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(store.memos.softDelete(v1.id)).rejects.toThrow(/cannot be deleted/);
    await store.memos.update(v1.id, { status: 'superseded', supersededBy: 2 });
    await expect(
      store.memos.update(v1.id, { status: 'issued', supersededBy: null }),
    ).rejects.toThrow(/superseded/);
    await recordMemoExport(store, v1.id, {
      format: 'markdown',
      sha256: 'c'.repeat(64),
      pageSize: null,
      at: '2026-06-12T10:00:00.000Z',
    });
    await expect(store.memos.update(v1.id, { exports: [] })).rejects.toThrow(/only grow/);
    const after = await db.memos.get(v1.id);
    expect(after?.markdown).toBe(v1.markdown);
    expect(after?.fingerprint).toBe(v1.fingerprint);
    expect(after?.exports).toHaveLength(1);
    expect(after?.deletedAt).toBeNull();
  });

  it('an acknowledgement can name the memo id and version it acknowledges', async () => {
    const { store, data } = await setup();
    await issueMemoVersion(store, await memoInput(data, 1), null);
    const issue = data.raisedIssues.find((i) => !i.internalOnly);
    const by = data.stakeholders[0];
    if (!issue || !by) throw new Error('sample');
    const ack = await store.acknowledgements.create({
      engagementId: data.engagement.id,
      raisedIssueId: issue.id,
      byId: by.id,
      at: '2026-06-16T09:00:00.000Z',
      memoId: 'NWL-M-2026-004',
      memoVersion: 1,
    });
    expect([ack.memoId, ack.memoVersion]).toEqual(['NWL-M-2026-004', 1]);
  });
});
