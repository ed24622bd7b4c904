import { afterEach, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { closeAll, dataOf, engagement, makeDevice, tempDir } from './harness';

afterEach(closeAll);

describe('sync engine: two devices through one folder', () => {
  it('an edit on one device reaches the other, and back', async () => {
    const root = await tempDir();
    const a = await makeDevice(root, { name: 'Laptop' });
    const b = await makeDevice(root, { name: 'Desktop' });
    const e = await a.store.engagements.create(engagement);
    await a.store.notes.create({
      engagementId: e.id,
      title: 'Kick-off',
      date: '2026-03-02T09:00:00.000Z',
      body: 'hello',
    });
    const ra = await a.sync();
    expect(ra.status).toBe('ok');
    expect(ra.sent).toBe(2);
    const rb = await b.sync();
    expect(rb.status).toBe('ok');
    expect(rb.received).toBe(2);
    expect(await b.db.notes.count()).toBe(1);
    await b.store.engagements.rename(e.id, 'Renamed on desktop');
    await b.sync();
    const back = await a.sync();
    expect(back.received).toBe(1);
    expect((await a.db.engagements.get(e.id))?.title).toBe('Renamed on desktop');
    expect(await dataOf(a)).toEqual(await dataOf(b));
    const idle = await a.sync();
    expect(idle.idle).toBe(true);
    expect(idle.peers.map((p) => p.deviceName).sort()).toEqual(['Desktop', 'Laptop']);
    const files = await readdir(join(root, 'devices', a.engine.deviceId()));
    expect(files.sort()).toEqual(['device.json', 'head.json', 'roster.json', 'seg-00000001.jsonl']);
  });
});
