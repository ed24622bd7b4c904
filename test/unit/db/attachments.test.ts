import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/canonical/sha256';
import type { EmailFacts } from '../../../shared/model/attachment';
import { readAttachmentBytes } from '../../../renderer/db/attachmentBlobs';
import { AttachmentStorageFullError } from '../../../renderer/db/repositories/attachments';
import {
  DeletedRecordError,
  RecordNotFoundError,
  ValidationError,
} from '../../../renderer/db/errors';
import { engagementInput, openTestStore } from './helpers';

async function withIssue() {
  const ctx = await openTestStore();
  const e = await ctx.store.engagements.create(engagementInput);
  const cto = await ctx.store.stakeholders.create({ engagementId: e.id, name: 'Priya Raman' });
  const issue = await ctx.store.raisedIssues.create({
    engagementId: e.id,
    title: 'Database server disk nearly full',
    raisedToIds: [cto.id],
    raisedAt: '2026-03-02T08:00:00.000Z',
  });
  return { ...ctx, e, issue };
}

const bytes = (text: string) => new TextEncoder().encode(text);

const email: EmailFacts = {
  format: 'eml',
  subject: 'Re: disk',
  from: 'cto@acme.example',
  to: ['dana@consult.example'],
  sentAt: '2026-03-03T10:00:00.000Z',
  messageId: '<1@acme.example>',
  dkim: { status: 'pending', checkedAt: null, signatures: [], keyRecords: [], summary: '' },
};

describe('attachments repository', () => {
  it('stores the bytes unaltered, their SHA-256, and a change, in one write', async () => {
    const { db, store, e, issue } = await withIssue();
    const content = bytes('disk at 97%\n');
    const before = await db.changes.count();
    const a = await store.attachments.attach({
      target: { entity: 'raisedIssue', id: issue.id },
      fileName: 'alert.txt',
      mediaType: 'text/plain',
      bytes: content,
      searchText: 'disk at 97%',
    });
    expect(a.engagementId).toBe(e.id);
    expect(a.sha256).toBe(await sha256Hex(content));
    expect(a.size).toBe(content.byteLength);
    expect(a.addedBy).toBe('Dana Whitfield');
    expect(await db.changes.count()).toBe(before + 1);
    const stored = await readAttachmentBytes(db, a.sha256);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(content);
  });

  it('stores a dropped File as given (never copied), hashed, with its size', async () => {
    const { store, db, issue } = await withIssue();
    const content = bytes('%PDF-1.7 disk report\n');
    const file = new File([content], 'report.pdf', { type: 'application/pdf' });
    const a = await store.attachments.attach({
      target: { entity: 'raisedIssue', id: issue.id },
      fileName: file.name,
      mediaType: file.type,
      bytes: file,
    });
    expect(a.sha256).toBe(await sha256Hex(content));
    expect(a.size).toBe(content.byteLength);
    const stored = await readAttachmentBytes(db, a.sha256);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(content);
  });

  it('refuses an empty File from its size, storing nothing', async () => {
    const { store, db, issue } = await withIssue();
    const before = await db.attachments.count();
    await expect(
      store.attachments.attach({
        target: { entity: 'raisedIssue', id: issue.id },
        fileName: 'empty.txt',
        mediaType: 'text/plain',
        bytes: new File([], 'empty.txt'),
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.attachments.count()).toBe(before);
  });

  it('stores the same bytes once when attached twice', async () => {
    const { db, store, issue } = await withIssue();
    const target = { entity: 'raisedIssue' as const, id: issue.id };
    const first = await store.attachments.attach({
      target,
      fileName: 'a.txt',
      mediaType: '',
      bytes: bytes('same'),
    });
    const second = await store.attachments.attach({
      target,
      fileName: 'b.txt',
      mediaType: '',
      bytes: bytes('same'),
    });
    expect(second.sha256).toBe(first.sha256);
    expect(await db.attachments.count()).toBe(2);
    expect(await db.attachmentBlobs.count()).toBe(1);
    // the second copy, staged while it was hashed, was deleted when it proved a duplicate
    expect(await db.attachmentData.count()).toBe(1);
    expect(first.mediaType).toBe('application/octet-stream');
  });

  it('refuses an empty file and stores nothing', async () => {
    const { db, store, issue } = await withIssue();
    const before = await db.changes.count();
    const attempt = store.attachments.attach({
      target: { entity: 'raisedIssue', id: issue.id },
      fileName: 'empty.txt',
      mediaType: 'text/plain',
      bytes: new Uint8Array(0),
    });
    await expect(attempt).rejects.toThrow(/empty \(0 bytes\)/);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(0);
    expect(await db.changes.count()).toBe(before);
  });

  it('refuses a missing or deleted target', async () => {
    const { store, issue } = await withIssue();
    const input = { fileName: 'x.txt', mediaType: 'text/plain', bytes: bytes('x') };
    await expect(
      store.attachments.attach({ ...input, target: { entity: 'note', id: issue.id } }),
    ).rejects.toBeInstanceOf(RecordNotFoundError);
    await store.raisedIssues.softDelete(issue.id);
    await expect(
      store.attachments.attach({ ...input, target: { entity: 'raisedIssue', id: issue.id } }),
    ).rejects.toBeInstanceOf(DeletedRecordError);
  });

  it.each([
    ['while the bytes are staged', 'attachmentData'],
    ['when the record and its row are written', 'attachmentBlobs'],
  ] as const)('says the disk is full %s, and stores nothing half', async (_when, table) => {
    const { db, store, issue } = await withIssue();
    const before = await db.changes.count();
    db[table].hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const attempt = store.attachments.attach({
      target: { entity: 'raisedIssue', id: issue.id },
      fileName: 'big.bin',
      mediaType: '',
      bytes: bytes('too much'),
    });
    await expect(attempt).rejects.toBeInstanceOf(AttachmentStorageFullError);
    await expect(attempt).rejects.toThrow(/not enough disk space.*Nothing was attached/);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(0);
    expect(await db.attachmentData.count()).toBe(0); // staged bytes deleted, or never written
    expect(await db.changes.count()).toBe(before);
  });

  it('deletes the staged bytes when the file cannot be hashed, and stores nothing', async () => {
    const ctx = await openTestStore({
      hashBlob: () => Promise.reject(new Error('The file could not be hashed: read error')),
    });
    const e = await ctx.store.engagements.create(engagementInput);
    await expect(
      ctx.store.attachments.attach({
        target: { entity: 'engagement', id: e.id },
        fileName: 'gone.bin',
        mediaType: '',
        bytes: new Blob([bytes('moved away while reading')]),
      }),
    ).rejects.toThrow(/could not be hashed/);
    expect(await ctx.db.attachmentData.count()).toBe(0);
    expect(await ctx.db.attachments.count()).toBe(0);
  });

  it('stores nothing when a target vanished while the file was hashed', async () => {
    const { db, store, issue } = await withIssue();
    const prepared = await store.attachments.prepare(bytes('alert'));
    expect(await db.attachmentData.count()).toBe(1);
    await store.raisedIssues.softDelete(issue.id);
    await expect(
      store.attachments.attachPrepared(prepared, {
        target: { entity: 'raisedIssue', id: issue.id },
        fileName: 'a.txt',
        mediaType: '',
      }),
    ).rejects.toBeInstanceOf(DeletedRecordError);
    expect(await db.attachmentData.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(0);
  });

  it('refuses to record a file whose staged bytes were swept meanwhile', async () => {
    const { db, store, issue } = await withIssue();
    const prepared = await store.attachments.prepare(bytes('alert'));
    await db.attachmentData.clear();
    await expect(
      store.attachments.attachPrepared(prepared, {
        target: { entity: 'raisedIssue', id: issue.id },
        fileName: 'a.txt',
        mediaType: '',
      }),
    ).rejects.toThrow(/not found where they were stored/);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(0);
  });

  it('never changes a stored attachment, except the DKIM check of its email', async () => {
    const { store, issue } = await withIssue();
    const a = await store.attachments.attach({
      target: { entity: 'raisedIssue', id: issue.id },
      fileName: 'reply.eml',
      mediaType: 'message/rfc822',
      bytes: bytes('From: cto@acme.example\r\n\r\nOK'),
      email,
    });
    await expect(store.attachments.update(a.id, { fileName: 'other.eml' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      store.attachments.update(a.id, { email: { ...email, subject: 'changed' } }),
    ).rejects.toThrow(/only its DKIM check may change/);
    const checked = await store.attachments.update(a.id, {
      email: {
        ...email,
        dkim: { ...email.dkim, status: 'none', checkedAt: '2026-03-04T00:00:00.000Z' },
      },
    });
    expect(checked.email?.dkim.status).toBe('none');
    await expect(
      store.attachments.create({} as Parameters<typeof store.attachments.create>[0]),
    ).rejects.toThrow(/attach\(\)/);
  });

  it('keeps the bytes of a soft-deleted attachment (history) and restores it', async () => {
    const { db, store, issue } = await withIssue();
    const a = await store.attachments.attach({
      target: { entity: 'raisedIssue', id: issue.id },
      fileName: 'a.txt',
      mediaType: 'text/plain',
      bytes: bytes('kept'),
    });
    const deleted = await store.attachments.softDelete(a.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect(await readAttachmentBytes(db, a.sha256)).toBeDefined();
    expect((await store.attachments.restore(a.id)).deletedAt).toBeNull();
    const history = await store.changes.forRecord('attachment', a.id);
    expect(history.map((c) => c.op)).toEqual(['create', 'delete', 'restore']);
  });
});
