import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { ArchiveError, ZIP_LIMITS, openZipArchive, readArchiveZip } from '../../../shared/archive';
import { createFileTransfers } from '../../../electron/main/backups/transfers';
import { exportEngagementArchive, writeCheckedZip } from '../../../renderer/db/archive';
import { readAttachmentBytes } from '../../../renderer/db/attachmentBlobs';
import { engagementInput, openTestStore, OTHER_DEVICE_ID } from '../db/helpers';
import { declareSize, randomPieces, readZipAsTheAppDoes, writeStoredZip } from './largeZip';

const enc = (text: string) => new TextEncoder().encode(text);
const STEP = 16 * 1024;

async function refusal(p: Promise<unknown>): Promise<ArchiveError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    return error as ArchiveError;
  }
  throw new Error('expected a refusal');
}

/** Pushes `zip` 16 KiB at a time; resolves to how many bytes were pushed when it was refused. */
async function pushedUntilRefused(
  zip: Uint8Array,
): Promise<{ pushed: number; error: ArchiveError }> {
  const stream = openZipArchive(
    { fileName: 'bomb.zip', size: zip.length, tail: zip, tailAt: 0 },
    ZIP_LIMITS,
    () => undefined,
  );
  let pushed = 0;
  try {
    for (; pushed < zip.length; pushed += STEP)
      await stream.push(zip.subarray(pushed, pushed + STEP));
    await stream.end();
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    return { pushed: pushed + STEP, error: error as ArchiveError };
  }
  throw new Error('expected a refusal');
}

/** Offsets of every record with `signature` in `zip`. */
function records(zip: Uint8Array, signature: number): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i += 1)
    if (view.getUint32(i, true) === signature) out.push(i);
  return out;
}

describe('a zip read from its central directory, then streamed', () => {
  it('a bomb declared small, inflating huge, is stopped at its declared size before the rest is read', async () => {
    const zeros = new Uint8Array(50_000_000);
    const filler = randomPieces(2_000_000).pieces[0]!;
    const bombName = `attachments/${await sha256Hex(zeros)}`;
    const zip = zipSync({
      [bombName]: [zeros, { level: 9 }],
      [`attachments/${await sha256Hex(filler)}`]: [filler, { level: 0 }],
      'engagement.json': enc('{}'),
    });
    expect(zip.length).toBeGreaterThan(1_000_000);
    // declared 1,000 bytes in its local header and the directory: stopped in the first steps
    const both = await pushedUntilRefused(declareSize(zip, bombName, 1000));
    expect(both.error.kind).toBe('too-large');
    expect(both.error.message).toMatch(
      /inflates past the 1,000 bytes the zip's directory declares/,
    );
    expect(both.pushed).toBeLessThanOrEqual(2 * STEP);
    // declared small in the directory only: the entry disagrees with it, before inflating
    const dirOnly = declareSize(zip, bombName, 1000);
    const local = records(dirOnly, 0x04034b50)[0]!;
    new DataView(dirOnly.buffer).setUint32(local + 22, zeros.length, true);
    const disagree = await pushedUntilRefused(dirOnly);
    expect(disagree.error.message).toMatch(/disagree with its directory/);
    expect(disagree.pushed).toBe(STEP);
    // and declared at its true 50 MB: refused from the directory alone, nothing pushed
    const big = await refusal(
      readArchiveZip(zip, 'bomb.zip', { ...ZIP_LIMITS, attachmentBytes: 1_000_000 }),
    );
    expect(big.message).toMatch(/inflates to more than 1,000,000 bytes/);
  });

  it('refuses overlapping entries, ZIP64, encrypted entries and a directory the entries do not match', async () => {
    const one = enc('one');
    const two = enc('two');
    const names = [`attachments/${await sha256Hex(one)}`, `attachments/${await sha256Hex(two)}`];
    const zip = zipSync({ 'engagement.json': enc('{}'), [names[0]!]: one, [names[1]!]: two });
    const central = records(zip, 0x02014b50);
    const [eocd] = records(zip, 0x06054b50);
    const patched = (edit: (view: DataView) => void) => {
      const out = new Uint8Array(zip);
      edit(new DataView(out.buffer));
      return readArchiveZip(out, 'z.zip');
    };
    expect(await readArchiveZip(zip, 'z.zip')).toMatchObject({ text: '{}' });
    // the "overlapping" bomb: two directory records sharing one entry's data
    const overlap = await refusal(
      patched((v) => v.setUint32(central[2]! + 42, v.getUint32(central[1]! + 42, true), true)),
    );
    expect(overlap.message).toMatch(/overlaps another file/);
    expect((await refusal(patched((v) => v.setUint16(eocd! + 10, 0xffff, true)))).message).toMatch(
      /ZIP64|split over several disks/,
    );
    expect(
      (await refusal(patched((v) => v.setUint32(eocd! + 16, 0xffffffff, true)))).message,
    ).toMatch(/ZIP64/);
    expect((await refusal(patched((v) => v.setUint16(central[1]! + 8, 1, true)))).message).toMatch(
      /is encrypted/,
    );
    // a local header naming another file than its directory record
    const local = records(zip, 0x04034b50)[1]!;
    const renamed = await refusal(patched((v) => v.setUint8(local + 30 + 12, 'f'.charCodeAt(0))));
    expect(renamed.message).toMatch(/disagree with its directory/);
    // a directory cut short, an end record pointing elsewhere
    expect((await refusal(readArchiveZip(zip.subarray(0, zip.length - 30), 'z.zip'))).kind).toBe(
      'truncated',
    );
    expect((await refusal(patched((v) => v.setUint32(eocd! + 16, 3, true)))).kind).toBe(
      'truncated',
    );
  });
});

describe('importing a zip larger than main reads whole, piece by piece', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zip-stream-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('goes through main, the window and the worker in bounded pieces; its files arrive identical', async () => {
    // main's limits lowered by injection: 8 MiB for a file, 16 MiB for a zip
    const transfers = createFileTransfers(undefined, { file: 8 << 20, zip: 16 << 20 });
    const a = await openTestStore();
    const e = await a.store.engagements.create(engagementInput);
    const note = await a.store.notes.create({
      engagementId: e.id,
      title: 'Disk alert',
      date: '2026-03-02T09:00:00.000Z',
      body: 'see attached',
    });
    const files = [randomPieces(4_000_000), randomPieces(4_000_000), randomPieces(3_000_000)];
    for (const [i, f] of files.entries()) {
      await a.store.attachments.attach({
        target: { entity: 'note', id: note.id },
        fileName: `capture-${i}.bin`,
        mediaType: 'application/octet-stream',
        bytes: new Uint8Array(Buffer.concat(f.pieces)),
      });
    }
    const exported = await exportEngagementArchive(a.db, e.id, { appVersion: '1.0.0' });
    const path = join(dir, 'big.engagement.zip');
    const size = await writeStoredZip(path, [
      { name: 'engagement.json', pieces: () => [enc(exported.text)] },
      ...files.map((f) => ({ name: `attachments/${f.sha256}`, pieces: () => f.pieces })),
    ]);
    expect(size).toBeGreaterThan(8 << 20);
    // the same size as a .engagement.json is refused by main; as a zip it is read
    const json = join(dir, 'big.engagement.json');
    await writeFile(json, '');
    await truncate(json, size);
    await expect(transfers.openRead(json)).rejects.toThrow(/files up to 8 MB can be imported/);
    const { checked, maxPiece } = await readZipAsTheAppDoes(transfers, path);
    expect(maxPiece).toBeLessThanOrEqual(6 << 20);
    expect(maxPiece).toBeLessThan(size);
    expect(transfers.openCount).toBe(0);
    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    const result = await writeCheckedZip(b.store, checked, {});
    expect(result).toMatchObject({ attachmentsStored: 3, attachmentsMissing: 0 });
    for (const f of files) {
      const blob = await readAttachmentBytes(b.db, f.sha256);
      expect(await sha256Hex(new Uint8Array(await blob!.arrayBuffer()))).toBe(f.sha256);
    }
    // over the zip limit: refused before a byte is read
    await truncate(path, (16 << 20) + 1);
    await expect(transfers.openRead(path)).rejects.toThrow(/files up to 16 MB can be imported/);
  });

  it('a hostile zip is refused through the same path, and main’s transfer is closed', async () => {
    const transfers = createFileTransfers(undefined, { file: 8 << 20, zip: 16 << 20 });
    const one = enc('one');
    const path = join(dir, 'dup.engagement.zip');
    const zip = zipSync({
      'engagement.json': enc('{}'),
      [`attachments/${await sha256Hex(one)}`]: one,
    });
    const central = records(zip, 0x02014b50);
    new DataView(zip.buffer).setUint8(central[1]! + 46 + 12, 'f'.charCodeAt(0)); // a wrong name
    await writeFile(path, zip);
    await expect(readZipAsTheAppDoes(transfers, path)).rejects.toThrow(
      /disagree with its directory/,
    );
    expect(transfers.openCount).toBe(0);
  });
});
