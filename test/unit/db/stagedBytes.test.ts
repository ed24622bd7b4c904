import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { readAttachmentBytes, storeCheckedBytes } from '../../../renderer/db/attachmentBlobs';
import {
  discardStagedBytes,
  STAGED_BYTES_MAX_AGE_MS,
  stageBytes,
  sweepStagedBytes,
} from '../../../renderer/db/repositories/stagedBytes';
import { engagementInput, openTestStore } from './helpers';

const blob = (text: string) => new Blob([new TextEncoder().encode(text)]);
const HOUR = 60 * 60 * 1000;

describe('bytes staged while they are hashed', () => {
  it('sweeps staged bytes no row names once they are old, and keeps the rest', async () => {
    const { db, store } = await openTestStore();
    const now = new Date('2026-12-07T12:00:00.000Z');
    const old = new Date(now.getTime() - STAGED_BYTES_MAX_AGE_MS - HOUR);
    const orphan = await stageBytes(db, blob('closed mid-attach'), old);
    const young = await stageBytes(db, blob('being hashed now'), new Date(now.getTime() - HOUR));
    const e = await store.engagements.create(engagementInput);
    const attached = await store.attachments.attach({
      target: { entity: 'engagement', id: e.id },
      fileName: 'kept.txt',
      mediaType: 'text/plain',
      bytes: blob('evidence'),
    });
    // the attached file's staged row is named by its blob row: never swept, however old
    await db.attachmentData.toCollection().modify({ stagedAt: old.toISOString() });
    await db.attachmentData.update(young, {
      stagedAt: new Date(now.getTime() - HOUR).toISOString(),
    });

    expect(await sweepStagedBytes(db, now)).toBe(1);
    expect(await db.attachmentData.get(orphan)).toBeUndefined();
    expect(await db.attachmentData.get(young)).toBeDefined();
    const kept = await readAttachmentBytes(db, attached.sha256);
    expect(await kept?.text()).toBe('evidence');
  });

  it('never discards bytes a row names', async () => {
    const { db, store } = await openTestStore();
    const e = await store.engagements.create(engagementInput);
    const prepared = await store.attachments.prepare(blob('named'));
    await store.attachments.attachPrepared(prepared, {
      target: { entity: 'engagement', id: e.id },
      fileName: 'n.txt',
      mediaType: '',
    });
    await discardStagedBytes(db, prepared.dataId);
    expect(await (await readAttachmentBytes(db, prepared.sha256))?.text()).toBe('named');
    // attaching the same prepared file again keeps the one copy
    await store.attachments.attachPrepared(prepared, {
      target: { entity: 'engagement', id: e.id },
      fileName: 'again.txt',
      mediaType: '',
    });
    expect(await db.attachmentData.count()).toBe(1);
    expect(await (await readAttachmentBytes(db, prepared.sha256))?.text()).toBe('named');
  });

  it('reads bytes held in the row itself (sync, archive, backup) beside staged ones', async () => {
    const { db, store } = await openTestStore();
    const sha = await sha256Hex(new TextEncoder().encode('arrived'));
    await db.transaction('rw', db.attachmentBlobs, () =>
      storeCheckedBytes(db, sha, 7, blob('arrived')),
    );
    expect(
      await db.transaction('rw', db.attachmentBlobs, () =>
        storeCheckedBytes(db, sha, 7, blob('another')),
      ),
    ).toBe(false);
    expect(await (await readAttachmentBytes(db, sha))?.text()).toBe('arrived');
    const e = await store.engagements.create(engagementInput);
    // a file attached here whose SHA-256 arrived before: no second copy is kept
    const prepared = await store.attachments.prepare(blob('arrived'));
    await store.attachments.attachPrepared(prepared, {
      target: { entity: 'engagement', id: e.id },
      fileName: 'same.txt',
      mediaType: '',
    });
    expect(prepared.sha256).toBe(sha);
    expect(await db.attachmentData.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(1);
  });

  it('attaching a file whose held bytes were lost stores them again', async () => {
    const { db, store } = await openTestStore();
    const e = await store.engagements.create(engagementInput);
    const target = { entity: 'engagement', id: e.id } as const;
    const first = await store.attachments.attach({
      target,
      fileName: 'a.txt',
      mediaType: '',
      bytes: blob('the disk alert'),
    });
    await db.attachmentData.clear(); // the browser lost the bytes the row names
    expect(await readAttachmentBytes(db, first.sha256)).toBeUndefined();
    await store.attachments.attach({
      target,
      fileName: 'again.txt',
      mediaType: '',
      bytes: blob('the disk alert'),
    });
    expect(await (await readAttachmentBytes(db, first.sha256))?.text()).toBe('the disk alert');
  });
});
