// Turning encryption off (shared/sync/engine/encryptionOff.ts), with real files in a temporary
// folder: honoured only as an approved device's signed decision; a forged, unsigned or
// unapproved one is refused and reported, and a removed keys.json without a decision still
// stops the round.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSealed, parseKeysFile, unlockWorkspaceKeyChecked } from '../../../../shared/sync/crypto';
import type { SyncReport } from '../../../../shared/sync/engine';
import { sha256Hex, toBytes } from '../../../../shared/sync/format';
import { ENVELOPE_BYTES, isSigned, signFile } from '../../../../shared/sync/identity';
import { closeAll, engagement, makeDevice, tempDir, type Device } from '../harness';

afterEach(closeAll);

const PASS = 'correct horse battery staple';
const dev = (d: Device) => `devices/${d.engine.deviceId()}`;

/** Three approved devices in an encrypted signed folder, all synced. */
async function encryptedTrio() {
  const root = await tempDir('ews-off-');
  const a = await makeDevice(root, { name: 'Laptop' });
  const e = await a.store.engagements.create(engagement);
  const b = await makeDevice(root, { name: 'Desktop', start: '2026-03-02T09:00:00.300Z' });
  const c = await makeDevice(root, { name: 'Tablet', start: '2026-03-02T09:00:00.600Z' });
  await a.sync();
  expect((await a.engine.enableEncryption(PASS)).status).toBe('ok');
  b.engine.setPassphrase(PASS);
  c.engine.setPassphrase(PASS);
  for (const d of [b, c, a, b, c]) expect((await d.sync()).status).toBe('ok');
  return { root, a, b, c, e };
}

/** Whether each of `d`'s published files is sealed (all signed). */
async function sealedFiles(root: string, d: Device): Promise<boolean[]> {
  const dir = join(root, dev(d));
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.'));
  expect(names.length).toBeGreaterThan(2);
  const out: boolean[] = [];
  for (const name of names) {
    const bytes = new Uint8Array(await readFile(join(dir, name)));
    expect(isSigned(bytes), name).toBe(true);
    out.push(isSealed(bytes.subarray(ENVELOPE_BYTES)));
  }
  return out;
}

const offWarnings = (r: SyncReport, code: string) => r.warnings.filter((w) => w.code === code);

/** The check value of the folder's workspace key (what a decision names). */
async function keyCheckOf(root: string): Promise<string> {
  const keys = parseKeysFile(await readFile(join(root, 'keys.json'), 'utf8'));
  if (!keys) throw new Error('no keys.json');
  return (await unlockWorkspaceKeyChecked(keys, PASS)).check;
}

describe('turning encryption off', () => {
  it('decided while a round is running, the answer is a round after the decision', async () => {
    const { a, e } = await encryptedTrio();
    await a.store.engagements.rename(e.id, 'Edited: this round writes');
    let decided: Promise<SyncReport> | null = null;
    // the periodic round, past its roster step when the person confirms
    const before = a.engine.sync((p) => {
      if (p.phase === 'writing') decided ??= a.engine.disableEncryption();
    });
    expect((await before).encrypted).toBe(true);
    // (a variable set in a callback: TypeScript narrows it to its first value)
    const off = await (decided as Promise<SyncReport> | null);
    if (!off) throw new Error('the round never reached its writing phase');
    expect(off.status).toBe('ok');
    expect(off.encrypted).toBe(false);
    expect(offWarnings(off, 'encryption-off')).toHaveLength(1);
  });

  it('an approved device decides; a second device honours it, and one whose keys.json is gone too', async () => {
    const { root, a, b, c, e } = await encryptedTrio();
    const off = await a.engine.disableEncryption();
    expect(off.status).toBe('ok');
    expect(off.encrypted).toBe(false);
    expect(offWarnings(off, 'encryption-off')).toHaveLength(1);
    expect(await sealedFiles(root, a)).not.toContain(true);

    // B (passphrase known) reads A's signed decision and writes its own files unsealed.
    await b.store.engagements.rename(e.id, 'Edited on B after the decision');
    const rb = await b.sync();
    expect(rb.status).toBe('ok');
    expect(rb.encrypted).toBe(false);
    const notice = offWarnings(rb, 'encryption-off');
    expect(notice).toHaveLength(1);
    expect(notice[0]?.deviceId).toBe(a.engine.deviceId());
    expect(notice[0]?.path).toBe(`${dev(a)}/roster.json`);
    expect(notice[0]?.message).toMatch(/anyone with access to the folder can read/);
    expect(await sealedFiles(root, b)).not.toContain(true);
    expect(offWarnings(await b.sync(), 'encryption-off')).toHaveLength(0); // said once

    // C lost keys.json (and its passphrase): the signed decision still lets it go on, plainly.
    await rm(join(root, 'keys.json'));
    c.engine.setPassphrase(null);
    const rc = await c.sync();
    expect(rc.status).toBe('ok');
    expect(offWarnings(rc, 'encryption-off')).toHaveLength(1);
    expect((await c.db.engagements.get(e.id))?.title).toBe('Edited on B after the decision');
    expect(await sealedFiles(root, c)).not.toContain(true);

    // Everyone still syncs, unsealed, and A reads what B wrote.
    await c.store.engagements.update(e.id, { code: 'FROMC' });
    await c.sync();
    const ra = await a.sync();
    expect(ra.status).toBe('ok');
    expect(await a.db.engagements.get(e.id)).toMatchObject({
      title: 'Edited on B after the decision',
      code: 'FROMC',
    });
    expect(ra.warnings.filter((w) => w.code !== 'own-files-restored')).toEqual([]);
  }, 120_000);

  it('a device whose keys.json is gone makes its sealed snapshot again, plain, from its records', async () => {
    const { root, a, b, c, e } = await encryptedTrio();
    const d = await makeDevice(root, {
      name: 'Compacting',
      start: '2026-03-02T09:00:01.000Z',
      tuning: { segmentMaxLines: 1, snapshotAfterSegments: 2, compactAfterMs: 0 },
    });
    d.engine.setPassphrase(PASS);
    await d.sync();
    for (let i = 1; i <= 4; i++) {
      await d.store.engagements.update(e.id, { code: `D${i}` });
      await d.sync();
    }
    const names = await readdir(join(root, dev(d)));
    expect(names.some((n) => n.startsWith('snap-'))).toBe(true);
    expect(names.includes('seg-00000001.jsonl')).toBe(false); // compacted into the snapshot
    await a.engine.disableEncryption();
    await rm(join(root, 'keys.json'));
    d.engine.setPassphrase(null);
    const r = await d.sync();
    expect(r.status).toBe('ok');
    expect(await sealedFiles(root, d)).not.toContain(true);
    for (const other of [b, c]) expect((await other.sync()).status).toBe('ok'); // rewritten plain
    // a newcomer (no passphrase: the folder has no keys.json now) gets d's changes
    const n = await makeDevice(root, { name: 'Newcomer', start: '2026-03-02T09:00:02.000Z' });
    const rn = await n.sync();
    expect(rn.status).toBe('ok');
    expect((await n.db.engagements.get(e.id))?.code).toBe('D4');
  }, 120_000);

  it('encryption turned on again after it was turned off: a new key, old passphrases do not do', async () => {
    const { root, a, b } = await encryptedTrio();
    await a.engine.disableEncryption();
    await b.sync();
    const again = await a.engine.enableEncryption('a whole new passphrase');
    expect(again.status).toBe('ok');
    expect(again.encrypted).toBe(true);
    expect(await sealedFiles(root, a)).not.toContain(false);
    const rb = await b.sync(); // B knows only the old passphrase: it stops, publishes nothing
    expect(rb.status).toBe('wrong-passphrase');
    b.engine.setPassphrase('a whole new passphrase');
    const unlocked = await b.sync();
    expect(unlocked.status).toBe('ok');
    expect(unlocked.encrypted).toBe(true);
    expect(await sealedFiles(root, b)).not.toContain(false);
  }, 120_000);

  it('refused: not approved, not encrypted, or without the passphrase', async () => {
    const { root, b } = await encryptedTrio();
    const x = await makeDevice(root, { name: 'Stranger', approve: false });
    x.engine.setPassphrase(PASS);
    expect((await x.sync()).waitingForApproval).toBe(true);
    await expect(x.engine.disableEncryption()).rejects.toThrow(/approved device/);
    const plain = await makeDevice(await tempDir('ews-off-'), { name: 'Plain' });
    await plain.sync();
    await expect(plain.engine.disableEncryption()).rejects.toThrow(/not encrypted/);
    expect((await b.sync()).encrypted).toBe(true);
  }, 120_000);
});

describe('a device that joins after encryption was turned off (keys.json left in the folder)', () => {
  it('is not asked for a passphrase: it honours the decision and syncs plainly', async () => {
    const { root, a, b, c, e } = await encryptedTrio();
    expect((await a.engine.disableEncryption()).status).toBe('ok');
    for (const d of [b, c]) expect((await d.sync()).encrypted).toBe(false);
    await b.store.engagements.rename(e.id, 'Written after the decision');
    await b.sync();
    const n = await makeDevice(root, { name: 'Newcomer', start: '2026-03-02T09:00:02.000Z' });
    const rn = await n.sync();
    expect(rn.status).toBe('ok');
    expect(rn.encrypted).toBe(false);
    const notice = offWarnings(rn, 'encryption-off');
    expect(notice).toHaveLength(1);
    expect(notice[0]?.deviceId).toBe(a.engine.deviceId());
    expect((await n.db.engagements.get(e.id))?.title).toBe('Written after the decision');
    expect(await readFile(join(root, 'keys.json'), 'utf8')).toMatch(/wrappedKey/); // still there
    // its own files are plain, the next rounds stay plain and quiet, and A reads what it writes
    await n.store.engagements.update(e.id, { code: 'NEW' });
    const again = await n.sync();
    expect(again.status).toBe('ok');
    expect(offWarnings(again, 'encryption-off')).toHaveLength(0);
    expect(await sealedFiles(root, n)).not.toContain(true);
    await a.sync();
    expect((await a.db.engagements.get(e.id))?.code).toBe('NEW');
  }, 120_000);

  it('encryption turned on again: the new keys.json is not the retired one, the newcomer is asked', async () => {
    const { root, a } = await encryptedTrio();
    await a.engine.disableEncryption();
    expect((await a.engine.enableEncryption('a whole new passphrase')).encrypted).toBe(true);
    const n = await makeDevice(root, { name: 'Newcomer', start: '2026-03-02T09:00:02.000Z' });
    const rn = await n.sync();
    expect(rn.status).toBe('locked');
    expect(rn.sent).toBe(0);
  }, 120_000);
});

describe('forged decisions to turn encryption off', () => {
  it('a newcomer: the retired keys.json put back after encryption was turned on again does not make it plain', async () => {
    const { root, a, b, c } = await encryptedTrio();
    // B decides; A turns encryption on again later (B, without the new passphrase, keeps its
    // plain roster.json with the decision about the old keys.json)
    await b.engine.disableEncryption();
    for (const d of [a, c]) expect((await d.sync()).encrypted).toBe(false);
    const retired = await readFile(join(root, 'keys.json'));
    await a.engine.enableEncryption('a whole new passphrase');
    expect((await b.sync()).status).toBe('wrong-passphrase');
    await writeFile(join(root, 'keys.json'), retired); // an old copy, restored by a folder writer
    const n = await makeDevice(root, { name: 'Newcomer', start: '2026-03-02T09:00:02.000Z' });
    const rn = await n.sync();
    expect(rn.status).toBe('locked');
    expect(rn.sent).toBe(0);
    expect(offWarnings(rn, 'encryption-off')).toHaveLength(0);
    expect(await readdir(join(root, 'devices'))).not.toContain(n.engine.deviceId());
  }, 120_000);

  it('a newcomer: a signed decision by an unapproved device, or an unsigned one, leaves the folder locked', async () => {
    const { root, a } = await encryptedTrio();
    const keysHash = await sha256Hex(new Uint8Array(await readFile(join(root, 'keys.json'))));
    const folderId = JSON.parse(await readFile(join(root, 'format.json'), 'utf8')).folderId;
    const x = await makeDevice(root, { name: 'Stranger', approve: false });
    x.engine.setPassphrase(PASS);
    await x.sync();
    if (!x.signer) throw new Error('no signer');
    const xKey = Buffer.from(x.signer.publicKey).toString('base64');
    const keyCheck = await keyCheckOf(root);
    const statement = (key: string, deviceId: string) => ({
      op: 'encryption-off',
      key,
      deviceId,
      at: '2026-03-02T10:00:00.000Z',
      keyCheck,
      keysHash,
    });
    // the stranger's own roster and device.json, signed with its key and readable without one
    for (const [name, body] of [
      [
        'roster.json',
        {
          t: 'roster',
          folderId,
          deviceId: x.engine.deviceId(),
          statements: [statement(xKey, x.engine.deviceId())],
        },
      ],
      [
        'device.json',
        {
          t: 'device',
          folderId,
          deviceId: x.engine.deviceId(),
          publicKey: xKey,
          joinedAt: '2026-03-02T10:00:00.000Z',
        },
      ],
    ] as const) {
      const path = `${dev(x)}/${name}`;
      await writeFile(
        join(root, path),
        await signFile(x.signer, path, toBytes(JSON.stringify(body))),
      );
    }
    // and an unsigned statement in an approved device's roster.json
    const aKey = Buffer.from(a.signer?.publicKey ?? []).toString('base64');
    await writeFile(
      join(root, dev(a), 'roster.json'),
      JSON.stringify({
        t: 'roster',
        folderId,
        deviceId: a.engine.deviceId(),
        statements: [statement(aKey, a.engine.deviceId())],
      }),
    );
    const n = await makeDevice(root, { name: 'Newcomer', start: '2026-03-02T09:00:02.000Z' });
    for (let round = 0; round < 2; round++) {
      const rn = await n.sync();
      expect(rn.status).toBe('locked');
      expect(rn.sent).toBe(0);
    }
    expect(await readdir(join(root, 'devices'))).not.toContain(n.engine.deviceId());
    // with the passphrase it joins the folder encrypted
    n.engine.setPassphrase(PASS);
    const unlocked = await n.sync();
    expect(unlocked.status).toBe('ok');
    expect(unlocked.encrypted).toBe(true);
    expect(await sealedFiles(root, n)).not.toContain(false);
  }, 120_000);

  it('an unsigned statement in an approved device’s roster.json: refused, the folder stays encrypted', async () => {
    const { root, a, b, e } = await encryptedTrio();
    const rosterPath = join(root, dev(a), 'roster.json');
    const original = await readFile(rosterPath);
    const statement = {
      op: 'encryption-off',
      key: 'x',
      deviceId: a.engine.deviceId(),
      at: '2026-03-02T10:00:00.000Z',
      keyCheck: await keyCheckOf(root),
    };
    await writeFile(
      rosterPath,
      JSON.stringify({
        t: 'roster',
        folderId: 'f',
        deviceId: a.engine.deviceId(),
        statements: [statement],
      }),
    );
    await b.store.engagements.update(e.id, { code: 'B1' });
    const r = await b.sync();
    expect(r.status).toBe('ok');
    expect(r.encrypted).toBe(true);
    expect(offWarnings(r, 'encryption-off')).toHaveLength(0);
    expect(
      r.warnings.some((w) => w.code === 'bad-signature' && w.deviceId === a.engine.deviceId()),
    ).toBe(true);
    expect(await sealedFiles(root, b)).not.toContain(false);
    // and with keys.json removed as well: the round stops, nothing is published
    await rm(join(root, 'keys.json'));
    const before = await readFile(join(root, dev(b), 'head.json'));
    await b.store.engagements.update(e.id, { code: 'B2' });
    const gone = await b.sync();
    expect(gone.status).toBe('keys-missing');
    expect(gone.sent).toBe(0);
    expect(await readFile(join(root, dev(b), 'head.json'))).toEqual(before);
    await writeFile(rosterPath, original);
  }, 120_000);

  it('a signed decision by a device nobody approved: refused and reported; with keys.json gone the round stops', async () => {
    const { root, b } = await encryptedTrio();
    const x = await makeDevice(root, { name: 'Stranger', approve: false });
    x.engine.setPassphrase(PASS);
    await x.sync(); // publishes its device.json: it waits for approval
    const path = `${dev(x)}/roster.json`;
    const roster = {
      t: 'roster',
      folderId: JSON.parse(await readFile(join(root, 'format.json'), 'utf8')).folderId,
      deviceId: x.engine.deviceId(),
      statements: [
        {
          op: 'encryption-off',
          key: Buffer.from(x.signer?.publicKey ?? []).toString('base64'),
          deviceId: x.engine.deviceId(),
          at: '2026-03-02T10:00:00.000Z',
          keyCheck: await keyCheckOf(root),
        },
      ],
    };
    if (!x.signer) throw new Error('no signer');
    await writeFile(
      join(root, path),
      await signFile(x.signer, path, toBytes(JSON.stringify(roster))),
    );
    const r = await b.sync();
    expect(r.status).toBe('ok');
    expect(r.encrypted).toBe(true);
    const refused = offWarnings(r, 'encryption-off-refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ deviceId: x.engine.deviceId(), path });
    expect(offWarnings(r, 'encryption-off')).toHaveLength(0);
    expect(await sealedFiles(root, b)).not.toContain(false);

    // keys.json gone: the stranger's files must be readable without the key to be refused by
    // name, so its device.json is made plain too (signed by its own key, as it could).
    const devicePath = `${dev(x)}/device.json`;
    const device = {
      t: 'device',
      folderId: roster.folderId,
      deviceId: x.engine.deviceId(),
      publicKey: roster.statements[0]?.key,
      joinedAt: '2026-03-02T10:00:00.000Z',
    };
    await writeFile(
      join(root, devicePath),
      await signFile(x.signer, devicePath, toBytes(JSON.stringify(device))),
    );
    await rm(join(root, 'keys.json'));
    const gone = await b.sync();
    expect(gone.status).toBe('keys-missing');
    expect(gone.message).toMatch(/keys\.json has disappeared/);
    expect(gone.message).toMatch(/refused: not an approved device/);
    expect(gone.sent).toBe(0);
  }, 120_000);

  it('keys.json deleted with no decision at all: every device stops', async () => {
    const { root, a, b, c } = await encryptedTrio();
    await rm(join(root, 'keys.json'));
    for (const d of [a, b, c]) {
      d.engine.setPassphrase(null);
      const r = await d.sync();
      expect(r.status).toBe('keys-missing');
      expect(r.sent).toBe(0);
      expect(await sealedFiles(root, d)).not.toContain(false);
    }
  }, 120_000);
});
