import { afterEach, describe, expect, it } from 'vitest';
import { readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { inlineBlobCrypto, type BlobCrypto } from '../../../shared/sync/blobCrypto';
import { blobDir } from '../../../shared/sync/blobs';
import { readAttachmentBytes } from '../../../renderer/db/attachmentBlobs';
import { closeAll, engagement, makeDevice, tempDir, type Device } from './harness';

afterEach(closeAll);

/** Pseudo-random bytes (a fixed seed: the same file every run). */
function fileBytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function attachOn(device: Device, bytes: Uint8Array, fileName = 'alert.eml') {
  const e = await device.store.engagements.create(engagement);
  const note = await device.store.notes.create({
    engagementId: e.id,
    title: 'Disk alert',
    date: '2026-03-02T09:00:00.000Z',
    body: 'see the attached alert',
  });
  return device.store.attachments.attach({
    target: { entity: 'note', id: note.id },
    fileName,
    mediaType: 'message/rfc822',
    bytes,
  });
}

async function bytesOn(device: Device, sha256: string): Promise<Uint8Array | null> {
  const blob = await readAttachmentBytes(device.db, sha256);
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}

async function twoDevices() {
  const root = await tempDir('ews-blobs-');
  const a = await makeDevice(root, { name: 'Laptop', blobs: true });
  const b = await makeDevice(root, { name: 'Desktop', blobs: true });
  return { root, a, b };
}

describe('attachment bytes through the sync folder', () => {
  it('A attaches, B syncs and holds identical bytes; a plain folder names the file by its SHA-256', async () => {
    const { root, a, b } = await twoDevices();
    const content = fileBytes(300_000, 7);
    const att = await attachOn(a, content);
    const ra = await a.sync();
    expect(ra.attachments).toMatchObject({ referenced: 1, held: 1, published: 1 });
    const dir = join(root, blobDir(a.engine.deviceId()));
    expect(await readdir(dir)).toEqual([att.sha256]);
    expect(new Uint8Array(await readFile(join(dir, att.sha256)))).toEqual(content);

    const rb = await b.sync();
    expect(rb.status).toBe('ok');
    expect(rb.attachments).toMatchObject({
      referenced: 1,
      held: 1,
      fetched: 1,
      fetchedBytes: 300_000,
      waiting: 0,
      refused: 0,
    });
    const got = await bytesOn(b, att.sha256);
    expect(got).toEqual(content);
    expect(await sha256Hex(got!)).toBe(att.sha256);
    // B does not publish a second copy of what A offers
    const bDir = join(root, blobDir(b.engine.deviceId()));
    expect(await readdir(bDir).catch(() => [])).toEqual([]);
    // and an idle round moves nothing
    const idle = await b.sync();
    expect(idle.idle).toBe(true);
    expect(idle.attachments).toBeUndefined();
  });

  it('a record whose file has not arrived stays "waiting", and the round is ok', async () => {
    const { root, a, b } = await twoDevices();
    const att = await attachOn(a, fileBytes(1000, 3));
    await a.sync();
    const path = join(root, blobDir(a.engine.deviceId()), att.sha256);
    const saved = await readFile(path);
    await writeFile(path, saved.subarray(0, 400)); // still downloading: a short file
    const rb = await b.sync();
    expect(rb.status).toBe('ok');
    expect(rb.received).toBeGreaterThan(0);
    expect(rb.attachments).toMatchObject({ referenced: 1, held: 0, fetched: 0, waiting: 1 });
    expect(await b.db.attachments.count()).toBe(1);
    expect(await bytesOn(b, att.sha256)).toBeNull();
    await writeFile(path, saved); // the download completes
    const later = await b.sync();
    expect(later.attachments).toMatchObject({ fetched: 1, waiting: 0 });
    expect(await bytesOn(b, att.sha256)).toEqual(new Uint8Array(saved));
  });

  it('when this device cannot do the check itself (its worker crashed), the file is not blamed', async () => {
    const root = await tempDir('ews-blobs-');
    let failing = true;
    const crashing = (): BlobCrypto => ({
      open: (...args) =>
        failing
          ? Promise.reject(new Error('the blob worker failed'))
          : inlineBlobCrypto.open(...args),
      seal: (...args) =>
        failing
          ? Promise.reject(new Error('the blob worker failed'))
          : inlineBlobCrypto.seal(...args),
    });
    const a = await makeDevice(root, { name: 'Laptop', blobs: true, blobCrypto: crashing() });
    const b = await makeDevice(root, { name: 'Desktop', blobs: true, blobCrypto: crashing() });
    const content = fileBytes(2000, 9);
    const att = await attachOn(a, content);
    // A cannot seal/check its own file: nothing published, said, and tried again
    const ra = await a.sync();
    expect(ra.status).toBe('ok');
    expect(ra.attachments).toMatchObject({ published: 0 });
    expect(ra.warnings.map((w) => w.code)).toContain('fs-error');
    failing = false;
    await a.sync();
    expect(await readdir(join(root, blobDir(a.engine.deviceId())))).toEqual([att.sha256]);
    // B cannot open it: no refusal counted, no 'tampered-file', no back-off; next round it arrives
    failing = true;
    const rb = await b.sync();
    expect(rb.attachments).toMatchObject({ fetched: 0, refused: 0, waiting: 1 });
    expect(rb.warnings.map((w) => w.code)).not.toContain('tampered-file');
    expect(rb.warnings.find((w) => w.code === 'fs-error')?.message).toMatch(
      /could not be checked on this device \(the blob worker failed\)/,
    );
    failing = false;
    const later = await b.sync();
    expect(later.attachments).toMatchObject({ fetched: 1, waiting: 0 });
    expect(await bytesOn(b, att.sha256)).toEqual(content);
  });

  it('refuses a blob with one changed byte and reports it; nothing is stored', async () => {
    const { root, a, b } = await twoDevices();
    const content = fileBytes(5000, 11);
    const att = await attachOn(a, content);
    await a.sync();
    const path = join(root, blobDir(a.engine.deviceId()), att.sha256);
    const tampered = new Uint8Array(content);
    tampered[2500] = (tampered[2500]! + 1) & 0xff;
    await writeFile(path, tampered);
    const rb = await b.sync();
    expect(rb.status).toBe('ok');
    expect(rb.attachments).toMatchObject({ fetched: 0, refused: 1, waiting: 1 });
    const warning = rb.warnings.find((w) => w.code === 'tampered-file');
    expect(warning?.path).toBe(`${blobDir(a.engine.deviceId())}/${att.sha256}`);
    expect(warning?.message).toMatch(/its SHA-256 is .*, not the/);
    expect(await bytesOn(b, att.sha256)).toBeNull();
    expect(await b.db.attachmentBlobs.count()).toBe(0);
    // reported once while the file stays the same
    const again = await b.sync();
    expect(again.warnings.filter((w) => w.code === 'tampered-file')).toEqual([]);
  });

  it('ignores and reports a file no record names, and one planted under the expected name with another size', async () => {
    const { root, a, b } = await twoDevices();
    const att = await attachOn(a, fileBytes(2000, 5));
    await a.sync();
    const dir = join(root, blobDir(a.engine.deviceId()));
    const stray = fileBytes(100, 9);
    const strayName = await sha256Hex(stray); // its name is even its true hash
    await writeFile(join(dir, strayName), stray);
    const rb = await b.sync();
    expect(rb.attachments).toMatchObject({ fetched: 1, refused: 0 });
    const unref = rb.warnings.filter((w) => w.code === 'unreferenced-file');
    expect(unref.map((w) => w.path)).toEqual([`${blobDir(a.engine.deviceId())}/${strayName}`]);
    expect(await b.db.attachmentBlobs.count()).toBe(1);
    expect(await bytesOn(b, strayName)).toBeNull();
    expect(await bytesOn(b, att.sha256)).not.toBeNull();
  });

  it('does not read a file whose listed size differs from the record: it waits', async () => {
    const { root, a, b } = await twoDevices();
    const att = await attachOn(a, fileBytes(2000, 5));
    await a.sync();
    // a 1 GB sparse file where a 2,000-byte one belongs: never read
    const path = join(root, blobDir(a.engine.deviceId()), att.sha256);
    await writeFile(path, new Uint8Array(0));
    const { truncate } = await import('node:fs/promises');
    await truncate(path, 1_000_000_000);
    const rb = await b.sync();
    expect(rb.status).toBe('ok');
    expect(rb.attachments).toMatchObject({ fetched: 0, refused: 0, waiting: 1 });
  });

  it('moves at most the per-round budget, the rest on later rounds, and reports progress', async () => {
    const root = await tempDir('ews-blobs-');
    const tuning = { blobBytesPerRound: 5000 };
    const a = await makeDevice(root, { name: 'Laptop', blobs: true, tuning });
    const b = await makeDevice(root, { name: 'Desktop', blobs: true, tuning });
    const e = await a.store.engagements.create(engagement);
    const note = await a.store.notes.create({
      engagementId: e.id,
      title: 'Evidence',
      date: '2026-03-02T09:00:00.000Z',
      body: 'attached',
    });
    for (let i = 0; i < 5; i += 1) {
      await a.store.attachments.attach({
        target: { entity: 'note', id: note.id },
        fileName: `f${i}.bin`,
        mediaType: 'application/octet-stream',
        bytes: fileBytes(2000, 100 + i),
      });
    }
    expect((await a.sync()).attachments).toMatchObject({ published: 2 });
    expect((await a.sync()).attachments).toMatchObject({ published: 2 });
    expect((await a.sync()).attachments).toMatchObject({ published: 1 });
    const fetched: number[] = [];
    const phases: { done: number; total: number }[] = [];
    for (let round = 0; round < 3; round += 1) {
      const r = await b.sync((p) => {
        if (p.phase === 'attachments') phases.push({ done: p.done, total: p.total });
      });
      fetched.push(r.attachments?.fetched ?? 0);
    }
    expect(fetched).toEqual([2, 2, 1]);
    expect(await b.db.attachmentBlobs.count()).toBe(5);
    expect(phases[0]).toEqual({ done: 0, total: 5 });
    expect(phases.at(-1)).toEqual({ done: 1, total: 1 });
  });

  it('a device writes its own copy again when someone replaced it with other bytes of the same size', async () => {
    const { root, a, b } = await twoDevices();
    const content = fileBytes(4000, 31);
    const att = await attachOn(a, content);
    await a.sync();
    const path = join(root, blobDir(a.engine.deviceId()), att.sha256);
    const forged = fileBytes(4000, 32);
    await writeFile(path, forged);
    await utimes(path, new Date('2026-05-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z'));
    expect((await b.sync()).attachments).toMatchObject({ fetched: 0, refused: 1 });
    // A's next round with something to publish checks its own files
    await a.store.notes.create({
      engagementId: (await a.db.engagements.toArray())[0]!.id,
      title: 'Later',
      date: '2026-03-03T09:00:00.000Z',
      body: 'x',
    });
    const ra = await a.sync();
    expect(ra.attachments).toMatchObject({ published: 1 });
    expect(
      ra.warnings.some((w) => w.code === 'own-files-restored' && w.path?.endsWith(att.sha256)),
    ).toBe(true);
    expect(new Uint8Array(await readFile(path))).toEqual(content);
    expect((await b.sync()).attachments).toMatchObject({ fetched: 1, waiting: 0 });
    expect(await bytesOn(b, att.sha256)).toEqual(content);
  });

  it('a copy moved into an unapproved device folder is not read', async () => {
    const { root, a, b } = await twoDevices();
    const content = fileBytes(2000, 21);
    const att = await attachOn(a, content);
    await a.sync();
    const own = join(root, blobDir(a.engine.deviceId()), att.sha256);
    const bytes = await readFile(own);
    await writeFile(own, new Uint8Array(0)); // A's copy emptied
    const stranger = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(root, blobDir(stranger)), { recursive: true });
    await writeFile(join(root, blobDir(stranger), att.sha256), bytes);
    const rb = await b.sync();
    expect(rb.attachments).toMatchObject({ fetched: 0, waiting: 1 });
  });

  it('an encrypted folder: sealed files under keyed names; B opens, checks and stores them', async () => {
    const { root, a, b } = await twoDevices();
    await a.sync();
    expect((await a.engine.enableEncryption('correct horse battery staple')).status).toBe('ok');
    const content = fileBytes(70_000, 13);
    const att = await attachOn(a, content);
    const ra = await a.sync();
    expect(ra.attachments).toMatchObject({ published: 1 });
    const dir = join(root, blobDir(a.engine.deviceId()));
    const names = await readdir(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(names[0]).not.toBe(att.sha256); // the name does not reveal the file's hash
    const stored = new Uint8Array(await readFile(join(dir, names[0]!)));
    expect(stored.byteLength).toBe(content.byteLength + 32);
    expect(new TextDecoder().decode(stored.subarray(0, 4))).toBe('EWS1');
    expect(Buffer.from(stored).includes(Buffer.from(content.subarray(0, 64)))).toBe(false);

    b.engine.setPassphrase('correct horse battery staple');
    const rb = await b.sync();
    expect(rb.status).toBe('ok');
    expect(rb.attachments).toMatchObject({ fetched: 1, refused: 0, waiting: 0 });
    expect(await bytesOn(b, att.sha256)).toEqual(content);
  });

  it('an encrypted folder refuses a sealed file moved from another name', async () => {
    const { root, a, b } = await twoDevices();
    await a.sync();
    await a.engine.enableEncryption('correct horse battery staple');
    const first = fileBytes(3000, 1);
    const second = fileBytes(3000, 2);
    await attachOn(a, first, 'one.eml');
    const att2 = await attachOn(a, second, 'two.eml');
    await a.sync();
    const dir = join(root, blobDir(a.engine.deviceId()));
    const [n1, n2] = await readdir(dir);
    // swap the two sealed files: each is sealed for its own path
    const [s1, s2] = [await readFile(join(dir, n1!)), await readFile(join(dir, n2!))];
    await writeFile(join(dir, n1!), s2);
    await writeFile(join(dir, n2!), s1);
    b.engine.setPassphrase('correct horse battery staple');
    const rb = await b.sync();
    expect(rb.attachments).toMatchObject({ fetched: 0, refused: 2, waiting: 2 });
    expect(rb.warnings.filter((w) => w.code === 'tampered-file')).toHaveLength(2);
    expect(await b.db.attachmentBlobs.count()).toBe(0);
    void att2;
  });
  it('turning encryption on after publishing removes the unsealed copies and writes them sealed', async () => {
    const { root, a, b } = await twoDevices();
    const content = fileBytes(20_000, 17);
    const att = await attachOn(a, content);
    await a.sync();
    const dir = join(root, blobDir(a.engine.deviceId()));
    expect(await readdir(dir)).toEqual([att.sha256]); // published plain, under its hash
    expect((await a.engine.enableEncryption('correct horse battery staple')).status).toBe('ok');
    const names = await readdir(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).not.toBe(att.sha256);
    const sealed = await readFile(join(dir, names[0]!));
    expect(sealed.subarray(0, 4).toString('latin1')).toBe('EWS1');
    // no file anywhere in the folder holds the plaintext any more
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const bytes = await readFile(join(entry.parentPath, entry.name));
      expect(bytes.includes(Buffer.from(content.subarray(5000, 5064)))).toBe(false);
    }
    b.engine.setPassphrase('correct horse battery staple');
    expect((await b.sync()).attachments).toMatchObject({ fetched: 1, refused: 0, waiting: 0 });
    expect(await bytesOn(b, att.sha256)).toEqual(content);
    // a later round keeps the sealed copy and removes nothing more
    await a.sync();
    expect(await readdir(dir)).toEqual(names);
  });
});
