// The hostile-writer suite: files dropped into a signed sync folder by hand, by someone who does
// not hold a device key (or by an approved device gone bad). For each: nothing is applied, a
// warning names the device and the file, the rest of the round completes (an honest device's
// change made at the same time arrives), and nothing is published unsealed.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '../../../shared/ids';
import type { ChangeRecord } from '../../../shared/model/change';
import { gzipBytes } from '../../../shared/sync/compression';
import { createWorkspaceKey, isSealed } from '../../../shared/sync/crypto';
import type { SyncReport } from '../../../shared/sync/engine';
import { encodeLine, toBytes } from '../../../shared/sync/format';
import {
  ENVELOPE_BYTES,
  isSigned,
  signFile,
  type DeviceSigner,
} from '../../../shared/sync/identity';
import { closeAll, engagement, makeDevice, tempDir, testSigner, type Device } from './harness';

afterEach(closeAll);

const PASS = 'correct horse battery staple';
const pad = (n: number) => String(n).padStart(8, '0');
const dev = (d: Device | string) => `devices/${typeof d === 'string' ? d : d.engine.deviceId()}`;

/** Three approved devices sharing one engagement; B is the one under test. */
async function trio(options: { engagementIds?: (id: string) => string[]; encrypt?: boolean } = {}) {
  const root = await tempDir('ews-hostile-');
  const a = await makeDevice(root, { name: 'Laptop' });
  const e = await a.store.engagements.create(engagement);
  const scope = options.engagementIds?.(e.id);
  const more = scope ? { engagementIds: scope } : {};
  const a2 = scope ? await makeDevice(root, { name: 'Laptop', ...more }) : a;
  void a2;
  const b = await makeDevice(root, { name: 'Desktop', start: '2026-03-02T09:00:00.300Z', ...more });
  const c = await makeDevice(root, { name: 'Tablet', start: '2026-03-02T09:00:00.600Z', ...more });
  await a.sync();
  if (options.encrypt) {
    expect((await a.engine.enableEncryption(PASS)).status).toBe('ok');
    b.engine.setPassphrase(PASS);
    c.engine.setPassphrase(PASS);
  }
  for (const d of [b, c, a, b, c]) expect((await d.sync()).status).toBe('ok');
  expect((await b.db.engagements.get(e.id))?.client).toBe(engagement.client);
  return { root, a, b, c, e };
}

/** A change record made by a scratch device whose clock is hours ahead (so it would win). */
async function forgeChange(
  from: Device,
  build: (scratch: Device) => Promise<unknown>,
): Promise<ChangeRecord> {
  const scratch = await makeDevice(await tempDir(), {
    name: 'forger',
    signer: null,
    start: '2026-03-02T15:00:00.000Z',
  });
  await scratch.db.engagements.bulkPut(await from.db.engagements.toArray());
  await build(scratch);
  const mine = await scratch.db.changes.toArray();
  return mine[mine.length - 1] as ChangeRecord;
}

/** An honest edit on A, published: the round under test must still apply it. */
async function honestEdit(a: Device, id: string, title: string): Promise<void> {
  await a.store.engagements.rename(id, title);
  expect((await a.sync()).status).toBe('ok');
}

/** The warnings of a report that name this device and this file. */
function warned(report: SyncReport, deviceId: string, path: string, code?: string) {
  return report.warnings.filter(
    (w) => w.deviceId === deviceId && w.path === path && (code === undefined || w.code === code),
  );
}

/** Every file of `root` published by `d`: none may be unsealed in an encrypted folder. */
async function expectAllSealed(root: string, d: Device): Promise<void> {
  const dir = join(root, dev(d));
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.'));
  expect(names.length).toBeGreaterThan(2);
  for (const name of names) {
    const bytes = new Uint8Array(await readFile(join(dir, name)));
    expect(isSigned(bytes), name).toBe(true);
    expect(isSealed(bytes.subarray(ENVELOPE_BYTES)), name).toBe(true);
  }
}

/** The newest segment file name in a device's folder. */
async function lastSegment(root: string, d: Device): Promise<number> {
  const names = await readdir(join(root, dev(d)));
  return Math.max(
    ...names.filter((n) => /^seg-\d{8}\.jsonl$/.test(n)).map((n) => Number(n.slice(4, 12))),
  );
}

/**
 * Replaces `d`'s newest segment (after `d` published a change at position lastP) by one that
 * holds `changes` at that position on: signed with `signer` (default d's own key), gzipped,
 * sealed by `seal` when given.
 */
async function forgeSegment(
  root: string,
  d: Device,
  changes: unknown[],
  how: { signer?: DeviceSigner; seal?: (path: string, b: Uint8Array) => Promise<Uint8Array> } = {},
): Promise<string> {
  const n = await lastSegment(root, d);
  const path = `${dev(d)}/seg-${pad(n)}.jsonl`;
  const peers = await d.engine.sync(); // its own view: the position of its last change
  const lastP = peers.peers.find((p) => p.self)?.published ?? 1;
  let text = encodeLine({ t: 'seg', format: 3, device: d.engine.deviceId(), n, prev: null });
  changes.forEach((c, i) => (text += encodeLine({ p: lastP + i, c })));
  let inner = gzipBytes(toBytes(text));
  if (how.seal) inner = await how.seal(path, inner);
  await writeFile(
    join(root, path),
    await signFile(how.signer ?? (d.signer as DeviceSigner), path, inner),
  );
  return path;
}

describe('hostile writers in a signed folder', () => {
  it('an unknown device (plain files, and a validly self-signed one) is not read; the honest round completes', async () => {
    const { root, a, b, e } = await trio();
    const forged = await forgeChange(b, (s) =>
      s.store.engagements.update(e.id, { client: 'Forged Ltd' }),
    );
    // 1. plain head.json and segment under a new device folder named "Partner laptop"
    const x = newId();
    await mkdir(join(root, dev(x)), { recursive: true });
    const c1 = { ...forged, deviceId: x };
    await writeFile(
      join(root, dev(x), 'head.json'),
      JSON.stringify({
        format: 3,
        deviceId: x,
        deviceName: 'Partner laptop',
        lastP: 1,
        firstP: 1,
        segments: [{ n: 1, firstP: 1, lastP: 1, firstSeq: 1, lastSeq: 1 }],
        token: 't',
        writtenAt: '2026-03-02T10:00:00.000Z',
      }),
    );
    await writeFile(
      join(root, dev(x), 'seg-00000001.jsonl'),
      encodeLine({ t: 'seg', format: 3, device: x, n: 1, prev: null }) +
        encodeLine({ p: 1, c: c1 }),
    );
    // 2. a device with its own key, that approves itself (no recovery key, nobody approved it)
    const y = await makeDevice(root, { name: 'Intruder', approve: false });
    await y.db.engagements.bulkPut(await b.db.engagements.toArray());
    await y.store.engagements.update(e.id, { client: 'Intruder Ltd' });
    const ry = await y.sync();
    expect(ry.waitingForApproval).toBe(true);
    expect(ry.message).toMatch(/waiting for approval/);

    await honestEdit(a, e.id, 'Honest title');
    const r = await b.sync();
    expect(r.status).toBe('ok');
    const got = await b.db.engagements.get(e.id);
    expect(got?.client).toBe(engagement.client);
    expect(got?.title).toBe('Honest title');
    expect(warned(r, x, `${dev(x)}/head.json`, 'bad-signature')).toHaveLength(1);
    const yId = y.engine.deviceId();
    expect(warned(r, yId, `${dev(yId)}/device.json`, 'device-waiting')[0]?.message).toMatch(
      /Intruder/,
    );
    const shown = r.peers.find((p) => p.deviceId === yId);
    expect(shown?.standing).toBe('pending');
    expect(shown?.fingerprint).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
  });

  it('a bad signature, and a segment moved from one device folder into another: refused', async () => {
    const { root, a, b, c, e } = await trio();
    // A's next segment, altered by one byte after signing
    await a.store.engagements.update(e.id, { client: 'Tampered Ltd' });
    await a.sync();
    const aPath = `${dev(a)}/seg-${pad(await lastSegment(root, a))}.jsonl`;
    const aBytes = new Uint8Array(await readFile(join(root, aPath)));
    const tampered = aBytes.slice();
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] ?? 0) ^ 1;
    await writeFile(join(root, aPath), tampered);
    // C's real change, moved into the folder of another device (B is the reader; D the victim)
    await c.store.engagements.update(e.id, { code: 'MOVED' });
    await c.sync();
    const cPath = `${dev(c)}/seg-${pad(await lastSegment(root, c))}.jsonl`;
    const movedTo = `${dev(a)}/seg-${pad((await lastSegment(root, a)) + 1)}.jsonl`;
    await rename(join(root, cPath), join(root, movedTo));

    const r = await b.sync();
    expect(r.status).toBe('ok');
    const got = await b.db.engagements.get(e.id);
    expect(got?.client).toBe(engagement.client);
    expect(got?.code).toBe(engagement.code);
    expect(warned(r, a.engine.deviceId(), aPath, 'bad-signature')).toHaveLength(1);
    expect(warned(r, a.engine.deviceId(), movedTo, 'bad-signature')).toHaveLength(1);
    // reported once, then retried with back-off: the next round does not repeat the warning
    const again = await b.sync();
    expect(warned(again, a.engine.deviceId(), aPath)).toHaveLength(0);
    // put back, the real files are read
    await writeFile(join(root, aPath), aBytes);
    await rename(join(root, movedTo), join(root, cPath));
    await b.sync();
    const fixed = await b.db.engagements.get(e.id);
    expect(fixed?.client).toBe('Tampered Ltd');
    expect(fixed?.code).toBe('MOVED');
  });

  it('an approved device writing a change that claims another device’s id: refused', async () => {
    const { root, a, b, c, e } = await trio();
    await c.store.engagements.update(e.id, { code: 'C1' });
    await c.sync();
    const forged = await forgeChange(b, (s) =>
      s.store.engagements.update(e.id, { client: 'Not by A' }),
    );
    const path = await forgeSegment(root, c, [{ ...forged, deviceId: a.engine.deviceId() }]);
    await honestEdit(a, e.id, 'Honest title');
    const r = await b.sync();
    expect(r.status).toBe('ok');
    const got = await b.db.engagements.get(e.id);
    expect(got?.client).toBe(engagement.client);
    expect(got?.title).toBe('Honest title');
    expect(warned(r, c.engine.deviceId(), path, 'foreign-change')).toHaveLength(1);
  });

  it('an invalid record from an approved device: kept aside with its reason, a warning names the device', async () => {
    const { root, a, b, c, e } = await trio();
    await c.store.engagements.update(e.id, { code: 'C1' });
    await c.sync();
    const forged = await forgeChange(b, (s) => s.store.engagements.update(e.id, { code: 'C2' }));
    const invalid = {
      ...forged,
      deviceId: c.engine.deviceId(),
      changes: forged.changes.map((f) => ({ ...f, new: 'not a code!' })),
    };
    await forgeSegment(root, c, [invalid]);
    await honestEdit(a, e.id, 'Honest title');
    const r = await b.sync();
    expect(r.status).toBe('ok');
    const got = await b.db.engagements.get(e.id);
    expect(got?.code).toBe(engagement.code); // C1 was in the segment the forged one replaced
    expect(got?.title).toBe('Honest title');
    const refused = r.warnings.filter((w) => w.code === 'refused-change');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.deviceId).toBe(c.engine.deviceId());
    expect(refused[0]?.message).toMatch(/Tablet/);
    expect(await b.db.table('syncParked').count()).toBe(1);
    expect((await b.sync()).warnings.filter((w) => w.code === 'refused-change')).toEqual([]);
  });

  it('a snapshot with an inflated vector cannot silence a teammate', async () => {
    const { root, a, b, c, e } = await trio();
    // C (approved, gone bad) publishes a snapshot claiming A is read up to 10^9, and moves its
    // head so that B joins it through that snapshot
    const cId = c.engine.deviceId();
    const headPath = join(root, dev(c), 'head.json');
    const headBytes = new Uint8Array(await readFile(headPath));
    const head = JSON.parse(new TextDecoder().decode(headBytes.subarray(ENVELOPE_BYTES)));
    const snapRel = `${dev(c)}/snap-00000001.jsonl`;
    const vector = { [a.engine.deviceId()]: 1e9, [cId]: head.lastP + 5 };
    const text = encodeLine({ t: 'snap', format: 3, device: cId, n: 1, vector });
    await writeFile(
      join(root, snapRel),
      await signFile(c.signer as DeviceSigner, snapRel, gzipBytes(toBytes(text))),
    );
    const forgedHead = {
      ...head,
      lastP: head.lastP + 5,
      firstP: head.lastP + 6,
      segments: [],
      snapshot: { n: 1, vector, writtenAt: head.writtenAt, lines: 0 },
    };
    const headRel = `${dev(c)}/head.json`;
    await writeFile(
      headPath,
      await signFile(c.signer as DeviceSigner, headRel, toBytes(JSON.stringify(forgedHead))),
    );
    expect((await b.sync()).status).toBe('ok');
    // A's later changes still arrive
    await honestEdit(a, e.id, 'After the forged snapshot');
    const r = await b.sync();
    expect(r.status).toBe('ok');
    expect((await b.db.engagements.get(e.id))?.title).toBe('After the forged snapshot');
    expect(r.peers.find((p) => p.deviceId === a.engine.deviceId())?.read).toBeLessThan(1e9);
  });

  it('a gzip bomb and a 300 MB file: refused within limits, reported once, the round completes', async () => {
    const { root, a, b, c, e } = await trio();
    await c.store.engagements.update(e.id, { code: 'C1' });
    await c.sync();
    // 80 MiB of the same line: 80 KB compressed, over a segment's 64 MiB inflate limit
    const line = encodeLine({ p: 1, c: { padding: 'x'.repeat(1000) } });
    const big = toBytes(line.repeat(Math.ceil((80 * 1024 * 1024) / line.length)));
    const n = await lastSegment(root, c);
    const bombRel = `${dev(c)}/seg-${pad(n)}.jsonl`;
    const bomb = gzipBytes(big);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await writeFile(join(root, bombRel), await signFile(c.signer as DeviceSigner, bombRel, bomb));
    // a 300 MB segment (sparse) in A's folder, past A's published ones
    const hugeRel = `${dev(a)}/seg-${pad((await lastSegment(root, a)) + 1)}.jsonl`;
    await writeFile(join(root, hugeRel), '');
    await truncate(join(root, hugeRel), 300 * 1024 * 1024);
    await honestEdit(a, e.id, 'Honest title');

    const r = await b.sync();
    expect(r.status).toBe('ok');
    expect((await b.db.engagements.get(e.id))?.title).toBe('Honest title');
    expect((await b.db.engagements.get(e.id))?.code).toBe(engagement.code);
    expect(warned(r, c.engine.deviceId(), bombRel, 'bad-lines')).toHaveLength(1);
    expect(warned(r, a.engine.deviceId(), hugeRel, 'too-large')).toHaveLength(1);
    const again = await b.sync();
    expect(warned(again, c.engine.deviceId(), bombRel)).toHaveLength(0);
    expect(warned(again, a.engine.deviceId(), hugeRel)).toHaveLength(0);
    await rm(join(root, hugeRel));
  }, 60_000);

  it('a device folder filled with junk conflicted copies: read a few a round, reported once', async () => {
    const { root, a, b, c, e } = await trio();
    const junk = toBytes('not a segment at all\n'.repeat(50));
    for (let i = 0; i < 70; i++) {
      await writeFile(join(root, dev(c), `seg-00000001 (conflicted copy ${i}).jsonl`), junk);
    }
    const reads: string[] = [];
    const read = b.folder.read.bind(b.folder);
    b.folder.read = (path, max) => {
      reads.push(path);
      return read(path, max);
    };
    await honestEdit(a, e.id, 'Honest title');
    const first = await b.sync();
    expect(first.status).toBe('ok');
    expect((await b.db.engagements.get(e.id))?.title).toBe('Honest title');
    const many = first.warnings.filter((w) => w.code === 'too-many-files');
    expect(many).toEqual([
      expect.objectContaining({ deviceId: c.engine.deviceId(), path: dev(c) }),
    ]);
    expect(reads.filter((p) => p.includes('conflicted copy'))).toHaveLength(8);
    reads.length = 0;
    const second = await b.sync();
    expect(second.warnings.filter((w) => w.code === 'too-many-files')).toEqual([]);
    expect(reads.filter((p) => p.includes('conflicted copy')).length).toBeLessThanOrEqual(8);
  });

  it('an engagement the folder does not carry: not applied, reported', async () => {
    const { root, b, c, e } = await trio({ engagementIds: (id) => [id] });
    await c.store.engagements.update(e.id, { code: 'C1' });
    await c.sync();
    const other = await forgeChange(b, (s) =>
      s.store.engagements.create({ ...engagement, client: 'Other Client' }),
    );
    const path = await forgeSegment(root, c, [{ ...other, deviceId: c.engine.deviceId() }]);
    const r = await b.sync();
    expect(r.status).toBe('ok');
    expect(await b.db.engagements.get(other.recordId)).toBeUndefined();
    expect(warned(r, c.engine.deviceId(), path, 'out-of-scope')).toHaveLength(1);
  });
});

describe('hostile writers in an encrypted signed folder', () => {
  it('an unsealed file is refused; nothing is published unsealed', async () => {
    const { root, a, b, c, e } = await trio({ encrypt: true });
    await c.store.engagements.update(e.id, { code: 'C1' });
    await c.sync();
    const forged = await forgeChange(b, (s) =>
      s.store.engagements.update(e.id, { client: 'Plain Ltd' }),
    );
    const path = await forgeSegment(root, c, [{ ...forged, deviceId: c.engine.deviceId() }]);
    await honestEdit(a, e.id, 'Honest title');
    await b.store.engagements.update(e.id, { code: 'B1' });
    const r = await b.sync();
    expect(r.status).toBe('ok');
    expect(r.encrypted).toBe(true);
    const got = await b.db.engagements.get(e.id);
    expect(got?.client).toBe(engagement.client);
    expect(got?.title).toBe('Honest title');
    expect(warned(r, c.engine.deviceId(), path, 'unsealed-file')).toHaveLength(1);
    await expectAllSealed(root, b);
  }, 60_000);

  it('keys.json removed, or replaced by one with another key: the round stops and publishes nothing', async () => {
    const { root, b, e } = await trio({ encrypt: true });
    const keysPath = join(root, 'keys.json');
    const original = await readFile(keysPath);
    const listing = async () => (await readdir(join(root, dev(b)))).sort().join(',');
    const before = await listing();
    const bytesBefore = await readFile(join(root, dev(b), 'head.json'));
    await b.store.engagements.update(e.id, { code: 'WAITING' });

    await rm(keysPath);
    const gone = await b.sync();
    expect(gone.status).toBe('keys-missing');
    expect(gone.message).toMatch(/keys\.json has disappeared/);
    expect(gone.sent).toBe(0);

    const other = await createWorkspaceKey(PASS, 100_000);
    await writeFile(keysPath, JSON.stringify(other.file));
    const replaced = await b.sync();
    expect(replaced.status).toBe('keys-missing');
    expect(replaced.message).toMatch(/replaced/);
    expect(await listing()).toBe(before);
    expect(await readFile(join(root, dev(b), 'head.json'))).toEqual(bytesBefore);

    await writeFile(keysPath, original);
    const back = await b.sync();
    expect(back.status).toBe('ok');
    expect(back.sent).toBe(1);
    await expectAllSealed(root, b);
  }, 60_000);

  it('absurd key-derivation parameters are refused before any derivation', async () => {
    const root = await tempDir('ews-hostile-');
    const a = await makeDevice(root, { name: 'Laptop' });
    await a.store.engagements.create(engagement);
    await a.sync();
    const good = await createWorkspaceKey(PASS, 100_000);
    for (const iterations of [1e12, 1_000]) {
      await writeFile(join(root, 'keys.json'), JSON.stringify({ ...good.file, iterations }));
      const b = await makeDevice(root, { name: 'Desktop' });
      b.engine.setPassphrase(PASS);
      const r = await b.sync();
      expect(r.status).toBe('failed');
      expect(r.message).toMatch(/key-derivation iterations/);
      expect(await readdir(join(root, 'devices'))).toHaveLength(1);
    }
  });
});

describe('the roster', () => {
  it('a new device waits, is approved on a device already in, then syncs; a removed one is ignored after', async () => {
    const root = await tempDir('ews-roster-');
    const a = await makeDevice(root, { name: 'Laptop' });
    const e = await a.store.engagements.create(engagement);
    const first = await a.sync();
    expect(first.recoveryKey).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){15}$/);
    expect(first.waitingForApproval).toBe(false);
    expect(first.peers.find((p) => p.self)?.approvedBy).toEqual(['recovery key']);

    const d = await makeDevice(root, { name: 'New laptop', approve: false });
    const waiting = await d.sync();
    expect(waiting.waitingForApproval).toBe(true);
    expect(await d.db.engagements.get(e.id)).toBeDefined(); // it may read
    await d.store.engagements.rename(e.id, 'By the new laptop');
    await d.sync();
    const seen = await a.sync();
    const shown = seen.peers.find((p) => p.deviceId === d.engine.deviceId());
    expect(shown?.standing).toBe('pending');
    expect(shown?.fingerprint).toBe(waiting.peers.find((p) => p.self)?.fingerprint);
    expect((await a.db.engagements.get(e.id))?.title).toBe(engagement.title);

    const approved = await a.engine.approveDevice(d.engine.deviceId());
    expect(approved.peers.find((p) => p.deviceId === d.engine.deviceId())?.standing).toBe(
      'approved',
    );
    await a.sync();
    expect((await a.db.engagements.get(e.id))?.title).toBe('By the new laptop');
    expect((await d.sync()).waitingForApproval).toBe(false);

    // removed: what it wrote before stays, later writes are ignored
    await a.engine.removeDevice(d.engine.deviceId());
    await d.store.engagements.rename(e.id, 'After removal');
    await d.sync();
    const r = await a.sync();
    expect((await a.db.engagements.get(e.id))?.title).toBe('By the new laptop');
    expect(r.peers.find((p) => p.deviceId === d.engine.deviceId())?.standing).toBe('removed');
    expect(
      r.warnings.some((w) => w.code === 'device-removed' && w.deviceId === d.engine.deviceId()),
    ).toBe(true);
  });

  it('the recovery key approves a device when no approved device is left', async () => {
    const root = await tempDir('ews-roster-');
    const a = await makeDevice(root, { name: 'Lost laptop' });
    const e = await a.store.engagements.create(engagement);
    const recoveryKey = (await a.sync()).recoveryKey as string;
    const d = await makeDevice(root, { name: 'Replacement', approve: false });
    expect((await d.sync()).waitingForApproval).toBe(true);
    await expect(d.engine.approveWithRecoveryKey('not a key')).rejects.toThrow(/recovery key/);
    const wrongKey = await d.engine.approveWithRecoveryKey('ab'.repeat(32));
    expect(wrongKey.waitingForApproval).toBe(true);
    const ok = await d.engine.approveWithRecoveryKey(recoveryKey.toUpperCase());
    expect(ok.waitingForApproval).toBe(false);
    await d.store.engagements.rename(e.id, 'From the replacement');
    await d.sync();
    await a.sync();
    expect((await a.db.engagements.get(e.id))?.title).toBe('From the replacement');
    // a third device sees the replacement approved by the recovery key
    const third = await makeDevice(root, {
      name: 'Third',
      approve: false,
      signer: await testSigner(),
    });
    const r = await third.sync();
    expect(r.peers.find((p) => p.deviceId === d.engine.deviceId())?.approvedBy).toEqual([
      'recovery key',
    ]);
  });
});

describe('upgrading an unsigned folder', () => {
  it('a format 2 folder becomes signed without losing anything; a newcomer reads it all', async () => {
    const root = await tempDir('ews-upgrade-');
    const tuning = { newFolderFormat: 2 as const, segmentMaxLines: 3, snapshotAfterSegments: 2 };
    const a = await makeDevice(root, { name: 'Laptop', tuning: { ...tuning, compactAfterMs: 0 } });
    const b = await makeDevice(root, { name: 'Desktop', tuning });
    const e = await a.store.engagements.create(engagement);
    for (let i = 0; i < 8; i++) {
      await a.store.notes.create({
        engagementId: e.id,
        title: `Note ${i}`,
        date: '2026-03-02T09:00:00.000Z',
      });
    }
    for (const d of [a, b, a, b]) expect((await d.sync()).status).toBe('ok');
    await b.store.notes.create({
      engagementId: e.id,
      title: 'By B',
      date: '2026-03-02T09:00:00.000Z',
    });
    await b.sync();
    await a.sync();
    const before = await a.db.notes.count();
    // A compacted: part of its history is only in its (unsigned) snapshot
    const ownFiles = await readdir(join(root, dev(a)));
    expect(ownFiles.some((n) => n.startsWith('snap-'))).toBe(true);
    expect(ownFiles).not.toContain('seg-00000001.jsonl');

    const up = await a.engine.upgradeFolder();
    expect(up.status).toBe('ok');
    expect(up.signed).toBe(true);
    expect(up.recoveryKey).toBeDefined();
    expect(up.waitingForApproval, JSON.stringify(up.warnings)).toBe(false);
    expect(JSON.parse(await readFile(join(root, 'format.json'), 'utf8')).minReaderVersion).toBe(3);
    // every own file of A is signed now
    for (const name of await readdir(join(root, dev(a)))) {
      if (!name.startsWith('.')) {
        expect(isSigned(new Uint8Array(await readFile(join(root, dev(a), name)))), name).toBe(true);
      }
    }
    // B (this build) follows: it waits for approval, A approves it, its files are signed again
    expect((await b.sync()).waitingForApproval).toBe(true);
    await a.engine.approveDevice(b.engine.deviceId());
    expect((await b.sync()).waitingForApproval).toBe(false);
    await a.sync();
    // a newcomer (approved with the recovery key) reads everything of both
    const c = await makeDevice(root, { name: 'Newcomer', approve: false });
    const joined = await c.engine.approveWithRecoveryKey(up.recoveryKey as string);
    expect(joined.status).toBe('ok');
    expect(await c.db.notes.count()).toBe(before);
    expect(await c.db.notes.count()).toBe(await b.db.notes.count());
    // a format.json put back at format 2 is refused (never downgraded)
    const format = JSON.parse(await readFile(join(root, 'format.json'), 'utf8'));
    await writeFile(
      join(root, 'format.json'),
      JSON.stringify({ ...format, version: 2, minReaderVersion: 2 }),
    );
    const down = await a.sync();
    expect(down.status).toBe('folder-changed');
    expect(down.message).toMatch(/never read as a weaker format/);
  });
});

describe('changing the passphrase', () => {
  it('re-wraps the same key: others need the new passphrase, and nothing is re-sealed', async () => {
    const { root, a, b, e } = await trio({ encrypt: true });
    const segBefore = await readFile(join(root, dev(a), 'seg-00000001.jsonl'));
    await expect(a.engine.changePassphrase('not it', 'a new long passphrase')).rejects.toThrow();
    const changed = await a.engine.changePassphrase(PASS, 'a new long passphrase');
    expect(changed.status).toBe('ok');
    expect(await readFile(join(root, dev(a), 'seg-00000001.jsonl'))).toEqual(segBefore);
    await a.store.engagements.rename(e.id, 'After the change');
    await a.sync();
    const old = await b.sync();
    expect(old.status).toBe('wrong-passphrase');
    expect(old.sent).toBe(0);
    b.engine.setPassphrase('a new long passphrase');
    expect((await b.sync()).status).toBe('ok'); // the same key: accepted as this folder's
    expect((await b.db.engagements.get(e.id))?.title).toBe('After the change');
  }, 90_000);
});
