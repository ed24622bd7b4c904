import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { concatBytes } from '../../../shared/encoding/concatBytes';
import { ArchiveError, ZIP_LIMITS, readArchiveZip, writeArchiveZip } from '../../../shared/archive';
import {
  exportEngagementZip,
  importArchiveText,
  importArchiveZip,
  planEngagementZip,
  writeEngagementZip,
  zipPlanProblem,
} from '../../../renderer/db/archive';
import { readAttachmentBytes } from '../../../renderer/db/attachmentBlobs';
import { engagementInput, openTestStore, OTHER_DEVICE_ID } from '../db/helpers';
import { declareSize } from './largeZip';

const enc = (text: string) => new TextEncoder().encode(text);
const AT = '2026-11-26T15:00:00.000Z';

async function refusal(p: Promise<unknown>): Promise<ArchiveError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    return error as ArchiveError;
  }
  throw new Error('expected a refusal');
}

/** A profile with one engagement, a note and a risk carrying three attachments, two the same file. */
async function sample() {
  const a = await openTestStore();
  const e = await a.store.engagements.create(engagementInput);
  const note = await a.store.notes.create({
    engagementId: e.id,
    title: 'Disk alert',
    date: '2026-03-02T09:00:00.000Z',
    body: 'see attached',
  });
  const risk = await a.store.risks.create({
    engagementId: e.id,
    title: 'Disk fills up',
    likelihood: 3,
    impactScore: 4,
  });
  const alert = enc('disk at 97%\n'.repeat(1000));
  const shot = new Uint8Array(50_000).map((_, i) => (i * 7919) % 251);
  await a.store.attachments.attach({
    target: { entity: 'note', id: note.id },
    fileName: 'alert.txt',
    mediaType: 'text/plain',
    bytes: alert,
  });
  await a.store.attachments.attach({
    target: { entity: 'risk', id: risk.id },
    fileName: 'alert again.txt',
    mediaType: 'text/plain',
    bytes: alert,
  });
  await a.store.attachments.attach({
    target: { entity: 'note', id: note.id },
    fileName: 'screen.png',
    mediaType: 'image/png',
    bytes: shot,
  });
  return { ...a, engagementId: e.id, alert, shot };
}

describe('the engagement as one zip', () => {
  it('is written as it is made, one file at a time; a file gone meanwhile is left out', async () => {
    const a = await sample();
    const plan = await planEngagementZip(a.db, a.engagementId, { appVersion: '0.1.0' });
    expect(plan.held).toHaveLength(2);
    expect(plan.heldBytes).toBe(a.alert.length + a.shot.length);
    expect(zipPlanProblem(plan)).toBeNull();
    expect(zipPlanProblem({ ...plan, heldBytes: 3 * 1024 ** 3 })).toMatch(
      /add up to 3\.0 GB.*at most 2\.0 GB.*Nothing was written/,
    );
    // just over what the reader accepts: refused, as the reader would refuse it
    const justOver = ZIP_LIMITS.totalBytes - new TextEncoder().encode(plan.text).length + 1;
    expect(zipPlanProblem({ ...plan, heldBytes: justOver })).toMatch(/at most 2\.0 GB/);
    expect(zipPlanProblem({ ...plan, heldBytes: justOver - 1 })).toBeNull();
    const many = Array.from({ length: ZIP_LIMITS.entries }, (_, i) => String(i));
    expect(zipPlanProblem({ ...plan, held: many })).toMatch(
      /20,001 distinct files.*at most 20,000/,
    );
    expect(zipPlanProblem({ ...plan, held: many.slice(1) })).toBeNull();
    const shotSha = await sha256Hex(a.shot);
    await a.db.attachmentBlobs.delete(shotSha); // e.g. a wiped device, between plan and write
    const chunks: Uint8Array[] = [];
    const seen: number[] = [];
    const written = await writeEngagementZip(
      a.db,
      plan,
      { write: async (chunk) => void chunks.push(chunk.slice()) },
      (bytes) => seen.push(bytes),
    );
    expect(written).toEqual({ attachments: 1, missing: [shotSha] });
    expect(seen.sort((x, y) => x - y)).toEqual([0, a.alert.length]);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(a.alert.length);
    const zip = concatBytes(chunks);
    const read = await readArchiveZip(zip, 'x.zip');
    expect([...read.attachments.keys()]).toEqual([await sha256Hex(a.alert)]);
  });

  it('round trip: records and each distinct file once; identical bytes in a new profile', async () => {
    const a = await sample();
    const zip = await exportEngagementZip(a.db, a.engagementId, {
      appVersion: '0.1.0',
      now: () => new Date(AT),
    });
    expect(zip.fileName).toMatch(/\.engagement\.zip$/);
    expect(zip.attachments).toBe(2);
    expect(zip.missing).toEqual([]);
    const read = await readArchiveZip(zip.bytes, zip.fileName);
    expect([...read.attachments.keys()].sort()).toEqual(
      [await sha256Hex(a.alert), await sha256Hex(a.shot)].sort(),
    );
    // the same data at the same time gives the same bytes
    const again = await exportEngagementZip(a.db, a.engagementId, {
      appVersion: '0.1.0',
      now: () => new Date(AT),
    });
    expect(again.bytes).toEqual(zip.bytes);

    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    const result = await importArchiveZip(b.store, zip.bytes, zip.fileName);
    expect(result).toMatchObject({
      mode: 'copy',
      attachmentsStored: 2,
      attachmentsMissing: 0,
      attachmentsIgnored: 0,
    });
    expect(await b.db.attachments.count()).toBe(3);
    for (const bytes of [a.alert, a.shot]) {
      const blob = await readAttachmentBytes(b.db, await sha256Hex(bytes));
      expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes);
    }
  });

  it('the plain .engagement.json inside still imports on its own (its attachments "not on this device yet")', async () => {
    const a = await sample();
    const zip = await exportEngagementZip(a.db, a.engagementId, { appVersion: '0.1.0' });
    const { text } = await readArchiveZip(zip.bytes, zip.fileName);
    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    const result = await importArchiveText(b.store, text, 'x.engagement.json');
    expect(result.mode).toBe('copy');
    expect(await b.db.attachments.count()).toBe(3);
    expect(await b.db.attachmentBlobs.count()).toBe(0);
  });

  it('refuses a zip whose attachment has one changed byte, and stores nothing', async () => {
    const a = await sample();
    const zip = await exportEngagementZip(a.db, a.engagementId, { appVersion: '0.1.0' });
    const read = await readArchiveZip(zip.bytes, zip.fileName);
    const sha = await sha256Hex(a.shot);
    const changed = new Uint8Array(read.attachments.get(sha)!);
    changed[100] = (changed[100] ?? 0) ^ 1;
    const files = new Map(read.attachments).set(sha, changed);
    const tampered = await writeArchiveZip(read.text, files, AT);
    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    const error = await refusal(importArchiveZip(b.store, tampered, 'x.engagement.zip'));
    expect(error.kind).toBe('checksum');
    expect(error.message).toContain(`attachments/${sha.slice(0, 16)}`);
    expect(await b.db.engagements.count()).toBe(0);
    expect(await b.db.attachments.count()).toBe(0);
    expect(await b.db.attachmentBlobs.count()).toBe(0);
  });

  it('ignores a file no record names; refuses a file whose record names another size', async () => {
    const a = await sample();
    const zip = await exportEngagementZip(a.db, a.engagementId, { appVersion: '0.1.0' });
    const read = await readArchiveZip(zip.bytes, zip.fileName);
    const other = enc('not named by any record');
    const files = new Map(read.attachments).set(await sha256Hex(other), other);
    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    const result = await importArchiveZip(
      b.store,
      await writeArchiveZip(read.text, files, AT),
      'x.zip',
    );
    expect(result.attachmentsIgnored).toBe(1);
    expect(await b.db.attachmentBlobs.get(await sha256Hex(other))).toBeUndefined();

    // a record saying another size than its file has (written around the repository)
    const sha = await sha256Hex(a.shot);
    const record = (await a.db.attachments.toArray()).find((r) => r.sha256 === sha)!;
    await a.db.attachments.update(record.id, { size: 999 });
    const lying = await exportEngagementZip(a.db, a.engagementId, { appVersion: '0.1.0' });
    const c = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    const error = await refusal(importArchiveZip(c.store, lying.bytes, lying.fileName));
    expect(error.message).toMatch(/holds 50000 bytes where its record says 999/);
    expect(await c.db.engagements.count()).toBe(0);
    expect(await c.db.attachmentBlobs.count()).toBe(0);
  });

  it('exports without the files this device does not hold, and says which', async () => {
    const a = await sample();
    const sha = await sha256Hex(a.shot);
    await a.db.attachmentBlobs.delete(sha);
    const zip = await exportEngagementZip(a.db, a.engagementId, { appVersion: '0.1.0' });
    expect(zip.attachments).toBe(1);
    expect(zip.missing).toEqual([sha]);
    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    const result = await importArchiveZip(b.store, zip.bytes, zip.fileName);
    expect(result).toMatchObject({ attachmentsStored: 1, attachmentsMissing: 1 });
  });

  it('zip bombs: an entry that inflates past its limit, too many entries, too much in all', async () => {
    const text = enc('{}');
    const zeros = new Uint8Array(2_000_000);
    const name = `attachments/${await sha256Hex(zeros)}`;
    const bomb = zipSync({ 'engagement.json': text, [name]: [zeros, { level: 9 }] });
    expect(bomb.byteLength).toBeLessThan(10_000);
    const small = { ...ZIP_LIMITS, attachmentBytes: 1_000_000 };
    const one = await refusal(readArchiveZip(bomb, 'bomb.zip', small));
    expect(one.kind).toBe('too-large');
    expect(one.message).toMatch(/inflates to more than 1,000,000 bytes/);

    // the bomb's declared sizes lie (patched to 10 bytes): it is stopped at its declared size
    const lying = declareSize(bomb, name, 10);
    const lie = await refusal(readArchiveZip(lying, 'bomb.zip', small));
    expect(lie.kind).toBe('too-large');
    expect(lie.message).toMatch(/inflates past the 10 bytes the zip's directory declares/);

    const many: Record<string, Uint8Array> = { 'engagement.json': text };
    for (let i = 0; i < 30; i += 1) {
      const bytes = enc(`file ${i}`);
      many[`attachments/${await sha256Hex(bytes)}`] = bytes;
    }
    const count = await refusal(
      readArchiveZip(zipSync(many), 'many.zip', { ...ZIP_LIMITS, entries: 20 }),
    );
    expect(count.message).toMatch(/more than 20 files/);

    const total = await refusal(
      readArchiveZip(zipSync(many), 'many.zip', { ...ZIP_LIMITS, totalBytes: 100 }),
    );
    expect(total.message).toMatch(/inflate to more than 100 bytes/);
  });

  it('refuses names it did not write, duplicates, a damaged zip and a non-zip', async () => {
    const text = enc('{}');
    for (const name of ['../evil', 'attachments/../../x', 'attachments/ABC', 'notes.txt']) {
      const e = await refusal(
        readArchiveZip(zipSync({ 'engagement.json': text, [name]: text }), 'z.zip'),
      );
      expect(e.kind).toBe('not-an-archive');
    }
    const good = zipSync({ 'engagement.json': text });
    expect((await refusal(readArchiveZip(good.subarray(0, 20), 'cut.zip'))).kind).not.toBe(
      undefined,
    );
    expect((await refusal(readArchiveZip(enc('{"format":1}'), 'x.zip'))).kind).toBe(
      'not-an-archive',
    );
    expect(
      (await refusal(readArchiveZip(zipSync({ 'x/': new Uint8Array(0) }), 'x.zip'))).kind,
    ).toBe('not-an-archive');
  });
});
