import { describe, expect, it } from 'vitest';
import { parseArchiveText, canonicalJson, ARCHIVE_FORMAT } from '../../../shared/archive';
import { importArchiveText } from '../../../renderer/db/archive';
import { countRecords } from '../../../renderer/db/queries/records';
import { engagementInput, openTestStore, OTHER_DEVICE_ID } from '../db/helpers';
import { applyChanges } from '../../../renderer/db/sync/applyChanges';

const THIRD_DEVICE_ID = '0195a000-0000-7000-8000-0000000000d3';
import { dumpDatabase, exportText, storeSample, withoutExportTime } from './helpers';
import { readAllChanges, readEngagementLog } from '../../../renderer/db/changeLog/reads';

describe('archive round trip', () => {
  it('export, import into an empty profile, export again gives the same file but for its time', async () => {
    const a = await openTestStore();
    const engagementId = await storeSample(a.store);
    const first = await exportText(a.db, engagementId, '2026-11-26T15:00:00.000Z');

    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    const result = await importArchiveText(b.store, first.text, first.fileName);
    expect(result.mode).toBe('copy');
    expect(result.changesAdded).toBe((await readAllChanges(a.db)).length);

    const second = await exportText(b.db, engagementId, '2026-11-27T08:30:00.000Z');
    expect(second.text).not.toBe(first.text);
    expect(withoutExportTime(second.text)).toBe(withoutExportTime(first.text));
    expect(second.checksum).toBe(first.checksum);

    // Every record, tombstones included, and the whole change log are in the new profile.
    const dumpA = await dumpDatabase(a.db);
    const dumpB = await dumpDatabase(b.db);
    for (const table of ['engagements', 'stakeholders', 'risks', 'notes', 'changes']) {
      expect(dumpB[table]).toEqual(dumpA[table]);
    }
    expect(await countRecords(b.db, engagementId)).toEqual(await countRecords(a.db, engagementId));
    const deletedNotes = (dumpB.notes as { deletedAt: string | null }[]).filter((n) => n.deletedAt);
    expect(deletedNotes).toHaveLength(1);
  });

  it('a copy whose archive lacks a record’s create marks it pending: a later sync stores nothing twice', async () => {
    const a = await openTestStore();
    const e = await a.store.engagements.create(engagementInput);
    const note = await a.store.notes.create({
      engagementId: e.id,
      title: 'Draft',
      date: '2026-03-02T09:00:00.000Z',
    });
    await a.store.notes.update(note.id, { title: 'Final' });
    const log = await readAllChanges(a.db);
    const create = log.find((c) => c.recordId === note.id && c.op === 'create');
    // Profile B got everything but the note's create; its archive holds the edit, not the note.
    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    await applyChanges(
      b.db,
      log.filter((c) => c !== create),
      { deviceId: OTHER_DEVICE_ID },
    );
    expect(await b.db.notes.get(note.id)).toBeUndefined();
    const fromB = await exportText(b.db, e.id);
    const c = await openTestStore({ deviceId: THIRD_DEVICE_ID });
    await importArchiveText(c.store, fromB.text, fromB.fileName);
    // C then syncs with A: the edit is known (not stored again), the create brings the note.
    const applied = await applyChanges(c.db, log, { deviceId: THIRD_DEVICE_ID });
    expect(applied.duplicates).toBe(log.length - 1);
    const ids = (await readAllChanges(c.db)).map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(log.length);
    expect((await c.db.notes.get(note.id))?.title).toBe('Final');
    // And C's own archive imports again.
    const fromC = await exportText(c.db, e.id);
    const d = await openTestStore({ deviceId: THIRD_DEVICE_ID });
    expect((await importArchiveText(d.store, fromC.text, fromC.fileName)).mode).toBe('copy');
  });

  it('writes a versioned file with a checksum of its canonical content', async () => {
    const { db, store } = await openTestStore();
    const engagementId = await storeSample(store);
    const exported = await exportText(db, engagementId);
    const raw = JSON.parse(exported.text) as Record<string, unknown>;
    expect(raw.format).toBe(ARCHIVE_FORMAT);
    expect(raw.formatVersion).toBe(1);
    expect(raw.minReaderVersion).toBe(1);
    expect(raw.appVersion).toBe('0.1.0');
    expect(raw.exportedAt).toBe('2026-11-26T15:00:00.000Z');
    const digest = await globalThis.crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(canonicalJson(raw.content)),
    );
    const hex = Buffer.from(digest).toString('hex');
    expect((raw.checksum as { value: string }).value).toBe(hex);
    const parsed = await parseArchiveText(exported.text, exported.fileName);
    expect(parsed.summary.counts.risk).toBeGreaterThan(0);
    expect(parsed.summary.deleted.note).toBe(1);
    expect(exported.fileName).toMatch(/^NWL-.*-2026-11-26\.engagement\.json$/);
  });

  it('importing the same archive twice changes nothing the second time', async () => {
    const a = await openTestStore();
    const engagementId = await storeSample(a.store);
    const exported = await exportText(a.db, engagementId);
    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    await importArchiveText(b.store, exported.text, exported.fileName);
    const before = await dumpDatabase(b.db);
    const again = await importArchiveText(b.store, exported.text, exported.fileName);
    expect(again.mode).toBe('merge');
    expect(again.changesAdded).toBe(0);
    expect(again.recordsWritten).toBe(0);
    expect(await dumpDatabase(b.db)).toEqual(before);
    // Also into the profile it came from.
    const beforeA = await dumpDatabase(a.db);
    await importArchiveText(a.store, exported.text, exported.fileName);
    expect(await dumpDatabase(a.db)).toEqual(beforeA);
  });

  it('a copy skips change-log entries already here and adds the rest', async () => {
    const a = await openTestStore();
    const engagementId = await storeSample(a.store);
    const exported = await exportText(a.db, engagementId);
    const b = await openTestStore({ deviceId: OTHER_DEVICE_ID });
    const log = await readEngagementLog(a.db, engagementId);
    // Two of the engagement's changes reached this profile before (a sync), the engagement did not.
    await b.db.changes.bulkAdd([log[0]!, log[5]!]);
    const result = await importArchiveText(b.store, exported.text, exported.fileName);
    expect(result.mode).toBe('copy');
    expect(result.changesAdded).toBe(log.length - 2);
    const dumpA = await dumpDatabase(a.db);
    const dumpB = await dumpDatabase(b.db);
    expect(dumpB.changes).toEqual(dumpA.changes);
    expect(dumpB.notes).toEqual(dumpA.notes);
  });

  it('exports an archived (closed) engagement like any other', async () => {
    const { db, store } = await openTestStore();
    const engagementId = await storeSample(store);
    await store.engagements.update(engagementId, { status: 'closed' });
    await store.engagements.archive(engagementId);
    const exported = await exportText(db, engagementId);
    const parsed = await parseArchiveText(exported.text, exported.fileName);
    expect(parsed.summary.archived).toBe(true);
    expect(parsed.content.engagement.status).toBe('closed');
  });

  it('moves the clock and this device’s sequence past the imported changes', async () => {
    const a = await openTestStore();
    const engagementId = await storeSample(a.store);
    const exported = await exportText(a.db, engagementId);
    // Same device id (a backup restored into a fresh profile of the same installation).
    const b = await openTestStore({ now: () => new Date('2026-11-27T00:00:00.000Z') });
    await importArchiveText(b.store, exported.text, exported.fileName);
    const maxSeq = Math.max(...(await readAllChanges(a.db)).map((c) => c.seq));
    const risk = (await b.db.risks.toArray())[0];
    await b.store.risks.update(risk!.id, { category: 'After import' });
    const latest = (await b.db.changes.orderBy('hlc').last())!;
    expect(latest.seq).toBe(maxSeq + 1);
    expect(latest.changes[0]?.field).toBe('category');
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined, and keeps array order', () => {
    expect(
      canonicalJson({
        b: 1,
        a: { d: [3, { z: 1, y: undefined }, undefined], c: 'x' },
        e: undefined,
      }),
    ).toBe('{"a":{"c":"x","d":[3,{"z":1},null]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(canonicalJson('é"\n')).toBe(JSON.stringify('é"\n'));
    expect(canonicalJson(null)).toBe('null');
  });

  it('gives the same text for data already in key order as for the same data out of order', () => {
    const sorted = JSON.parse(
      '{"a":[1,{"b":null,"c":"x"}],"d":{"e":true,"f":[]},"g":"\\u00e9"}',
    ) as unknown;
    const shuffled = { g: 'é', d: { f: [], e: true }, a: [1, { c: 'x', b: null }] };
    expect(canonicalJson(sorted)).toBe(
      '{"a":[1,{"b":null,"c":"x"}],"d":{"e":true,"f":[]},"g":"é"}',
    );
    expect(canonicalJson(shuffled)).toBe(canonicalJson(sorted));
    // Only plain data is taken as it is: a "__proto__" member (kept as data, as JSON.parse
    // gives it), an undefined value and integer-like keys give what the key-sorted copy gives;
    // a Date is refused rather than written as an empty object.
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/plain objects/);
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":1}'))).toBe(
      '{"__proto__":{"x":1},"a":1}',
    );
    expect(canonicalJson({ a: 1, b: undefined, c: [undefined] })).toBe('{"a":1,"c":[null]}');
    // array-index keys sort as strings, as RFC 8785 says, although objects list them by number
    expect(canonicalJson({ 2: 'b', 10: 'a' })).toBe('{"10":"a","2":"b"}');
  });
});
