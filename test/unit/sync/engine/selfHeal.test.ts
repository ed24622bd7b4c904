// A device's past segments overwritten or removed by someone else (shared/sync/engine/selfHeal.ts):
// the device notices, writes them again from its own records and says so; readers then get
// every change with no broken chain. Real files in a temporary folder.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipBytes } from '../../../../shared/sync/compression';
import { encodeLine, toBytes } from '../../../../shared/sync/format';
import { signFile } from '../../../../shared/sync/identity';
import { OWN_CHECKS_PER_ROUND } from '../../../../shared/sync/engine/selfHeal';
import { closeAll, engagement, makeDevice, tempDir, testSigner, type Device } from '../harness';

afterEach(closeAll);

const segRel = (d: Device, n: number) =>
  `devices/${d.engine.deviceId()}/seg-${String(n).padStart(8, '0')}.jsonl`;

describe('own past segments', () => {
  it('overwritten (forged key), tampered (own key) or removed: written again and reported', async () => {
    const root = await tempDir('ews-heal-');
    const a = await makeDevice(root, { name: 'Laptop', tuning: { segmentMaxLines: 2 } });
    const e = await a.store.engagements.create(engagement);
    for (let i = 1; i <= 6; i++) await a.store.engagements.rename(e.id, `Title ${i}`);
    await a.sync(); // 7 changes: segments 1-3 sealed, 4 open
    await a.store.engagements.update(e.id, { code: 'LAST' });
    for (let i = 0; i < 3; i++) expect((await a.sync()).warnings).toEqual([]);
    const original = await readFile(join(root, segRel(a, 1)));

    // someone without a's key replaces segment 1; a's own key "signs" a junk segment 2 (as a
    // sync client restoring a wrong version would); segment 3 disappears
    const stranger = await testSigner();
    const junk = encodeLine({ t: 'seg', format: 3, device: a.engine.deviceId(), n: 1, prev: null });
    await writeFile(
      join(root, segRel(a, 1)),
      await signFile(stranger, segRel(a, 1), gzipBytes(toBytes(junk))),
    );
    const text2 = encodeLine({
      t: 'seg',
      format: 3,
      device: a.engine.deviceId(),
      n: 2,
      prev: null,
    });
    await writeFile(
      join(root, segRel(a, 2)),
      await signFile(a.signer ?? stranger, segRel(a, 2), gzipBytes(toBytes(text2))),
    );
    await rm(join(root, segRel(a, 3)));

    const healed: string[] = [];
    for (let round = 0; round < 3; round++) {
      const r = await a.sync();
      expect(r.status).toBe('ok');
      for (const w of r.warnings) {
        expect(w.code).toBe('own-files-restored');
        expect(w.deviceId).toBe(a.engine.deviceId());
        healed.push(w.path ?? '');
      }
    }
    expect(healed.sort()).toEqual([segRel(a, 1), segRel(a, 2), segRel(a, 3)]);
    expect(await readFile(join(root, segRel(a, 1)))).toEqual(original);

    // a newcomer reads every change, with no refusal
    const b = await makeDevice(root, { name: 'Desktop' });
    const rb = await b.sync();
    expect(rb.warnings).toEqual([]);
    expect(await b.db.engagements.get(e.id)).toMatchObject({ title: 'Title 6', code: 'LAST' });
  });

  it('an idle round reads no segment once they were found right', async () => {
    const root = await tempDir('ews-heal-');
    const a = await makeDevice(root, { name: 'Laptop', tuning: { segmentMaxLines: 1 } });
    const e = await a.store.engagements.create(engagement);
    for (let i = 1; i <= 5; i++) await a.store.engagements.rename(e.id, `Title ${i}`);
    await a.sync();
    const rounds = Math.ceil(6 / OWN_CHECKS_PER_ROUND) + 1;
    for (let i = 0; i < rounds; i++) await a.sync(); // every sealed segment checked once
    const reads: string[] = [];
    const folder = a.folder;
    const read = folder.read.bind(folder);
    folder.read = (path, max) => {
      reads.push(path);
      return read(path, max);
    };
    await a.sync();
    expect(reads.filter((p) => p.includes('/seg-'))).toEqual([]);
  });
});
