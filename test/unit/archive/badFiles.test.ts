import { describe, expect, it } from 'vitest';
import { ArchiveError, canonicalJson, sha256Hex } from '../../../shared/archive';
import {
  ArchiveImportError,
  exportEngagementArchive,
  importArchiveText,
} from '../../../renderer/db/archive';
import { openTestStore, OTHER_DEVICE_ID } from '../db/helpers';
import { dumpDatabase, exportText, storeSample } from './helpers';

/** A profile that already holds data (an engagement), and an archive of another engagement. */
async function setup() {
  const source = await openTestStore();
  const engagementId = await storeSample(source.store);
  const exported = await exportText(source.db, engagementId);
  const target = await openTestStore({ deviceId: OTHER_DEVICE_ID });
  const own = await target.store.engagements.create({
    client: 'Contoso',
    title: 'Audit',
    code: 'CON',
  });
  await target.store.stakeholders.create({ engagementId: own.id, name: 'Rui Tanaka' });
  return { exported, target };
}

/** Imports and expects a refusal that leaves the database exactly as it was. */
async function expectRefused(text: string, fileName = 'client.engagement.json') {
  const { target } = await setup();
  const before = await dumpDatabase(target.db);
  const error = await importArchiveText(target.store, text, fileName).catch((e: unknown) => e);
  expect(await dumpDatabase(target.db)).toEqual(before);
  return error;
}

/** Re-signs an edited archive, so only the edit (not the checksum) is wrong. */
async function resign(raw: Record<string, unknown>): Promise<string> {
  const value = await sha256Hex(canonicalJson(raw.content));
  return JSON.stringify({ ...raw, checksum: { algorithm: 'SHA-256', value } });
}

describe('bad archive files are refused and nothing is written', () => {
  it('a truncated file', async () => {
    const { exported } = await setup();
    const cut = exported.text.slice(0, Math.floor(exported.text.length * 0.6));
    const error = await expectRefused(cut, 'cut.engagement.json');
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).kind).toBe('truncated');
    expect((error as Error).message).toMatch(/“cut\.engagement\.json”/);
    expect((error as Error).message).toMatch(/line \d+/);
    expect((error as Error).message).toMatch(/truncated/);
  });

  it('a file from a newer format version says which version it needs', async () => {
    const { exported } = await setup();
    const raw = JSON.parse(exported.text) as Record<string, unknown>;
    const newer = JSON.stringify({ ...raw, formatVersion: 3, minReaderVersion: 2 });
    const error = await expectRefused(newer);
    expect((error as ArchiveError).kind).toBe('newer-version');
    expect((error as Error).message).toMatch(/reader version 2 or newer/);
    expect((error as Error).message).toMatch(/Update the app/);
  });

  it('a file that is not an archive at all (other JSON, a spreadsheet, binary noise)', async () => {
    for (const text of ['{"name":"package","version":"1.0.0"}', 'name,title\nAda,CIO\n', '[]']) {
      const error = await expectRefused(text, 'notes.txt');
      expect(error).toBeInstanceOf(ArchiveError);
      expect(['not-an-archive', 'invalid-json']).toContain((error as ArchiveError).kind);
      expect((error as Error).message).toMatch(/“notes\.txt”/);
    }
    const empty = await expectRefused('');
    expect((empty as ArchiveError).kind).toBe('empty');
  });

  it('a single bad record names the record and the field', async () => {
    const { exported } = await setup();
    const raw = JSON.parse(exported.text) as {
      content: { records: { risk: Record<string, unknown>[] } };
    };
    const risk = raw.content.records.risk[2]!;
    risk.likelihood = 9;
    const error = await expectRefused(await resign(raw as unknown as Record<string, unknown>));
    expect((error as ArchiveError).kind).toBe('invalid-record');
    const message = (error as Error).message;
    expect(message).toContain(`risk #3 (id ${String(risk.id)}): likelihood must be 1 to 5`);
    expect((error as ArchiveError).problems[0]).toMatchObject({ field: 'likelihood' });
  });

  it('a record of another engagement, a missing field, a bad change', async () => {
    const { exported } = await setup();
    const raw = JSON.parse(exported.text) as {
      content: {
        records: { note: Record<string, unknown>[]; stakeholder: Record<string, unknown>[] };
        changes: Record<string, unknown>[];
      };
    };
    raw.content.records.note[0]!.engagementId = '0195a000-0000-7000-8000-00000000ffff';
    delete raw.content.records.stakeholder[1]!.name;
    raw.content.changes[4]!.hlc = 'yesterday';
    const error = (await expectRefused(
      await resign(raw as unknown as Record<string, unknown>),
    )) as ArchiveError;
    const text = error.problems.map((p) => `${p.where} ${p.field ?? ''} ${p.message}`).join('\n');
    expect(text).toMatch(/note #1 .* engagementId is not the archived engagement/);
    expect(text).toMatch(/stakeholder #2 .* name is required/);
    expect(text).toMatch(/change #5 .* hlc must be an HLC timestamp/);
  });

  it('a file changed after export (checksum mismatch)', async () => {
    const { exported } = await setup();
    const edited = exported.text.replaceAll(
      '"client":"Northwind Learning"',
      '"client":"Northwind L."',
    );
    expect(edited).not.toBe(exported.text);
    const error = await expectRefused(edited);
    expect((error as ArchiveError).kind).toBe('checksum');
    expect((error as Error).message).toMatch(/checksum does not match/);
  });

  it('a full disk: QuotaExceededError while writing gives a clear message and writes nothing', async () => {
    const { exported, target } = await setup();
    // Inject the error at the storage layer, as IndexedDB raises it when the disk is full.
    target.db.close();
    target.db.use({
      stack: 'dbcore',
      name: 'quota',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) =>
              name === 'notes'
                ? Promise.reject(
                    new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                  )
                : table.mutate(req),
          };
        },
      }),
    });
    await target.db.open();
    const before = await dumpDatabase(target.db);
    const error = await importArchiveText(target.store, exported.text, exported.fileName).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArchiveImportError);
    expect((error as ArchiveImportError).kind).toBe('quota');
    expect((error as Error).message).toMatch(/not enough disk space.*Nothing was written/);
    expect(await dumpDatabase(target.db)).toEqual(before);
  });

  it('refuses a copy of an engagement already here, and a merge of another engagement', async () => {
    const a = await openTestStore();
    const engagementId = await storeSample(a.store);
    const exported = await exportEngagementArchive(a.db, engagementId, { appVersion: '0.1.0' });
    const before = await dumpDatabase(a.db);
    await expect(
      importArchiveText(a.store, exported.text, exported.fileName, { mode: 'copy' }),
    ).rejects.toThrow(/already in this profile/);
    const other = await a.store.engagements.create({ client: 'X', title: 'Y', code: 'XY' });
    const afterCreate = await dumpDatabase(a.db);
    expect(afterCreate).not.toEqual(before);
    await expect(
      importArchiveText(a.store, exported.text, exported.fileName, {
        mode: 'merge',
        intoEngagementId: other.id,
      }),
    ).rejects.toThrow(/another engagement/);
    expect(await dumpDatabase(a.db)).toEqual(afterCreate);
  });

  it('refuses a copy whose record id already exists in another engagement, writing nothing', async () => {
    const { exported, target } = await setup();
    const raw = JSON.parse(exported.text) as {
      content: { records: { risk: Record<string, unknown>[] } };
    };
    const own = (await target.db.engagements.toArray())[0]!;
    const risk = raw.content.records.risk[1]!;
    await target.db.risks.add({ ...risk, engagementId: own.id } as never);
    const error = await expectRefusedInto(target, exported.text);
    expect(error).toBeInstanceOf(ArchiveImportError);
    expect((error as ArchiveImportError).kind).toBe('id-clash');
    expect((error as Error).message).toContain(`risk ${String(risk.id)} already exists`);
  });

  it('refuses a copy whose change id is already used by another engagement, writing nothing', async () => {
    const { exported, target } = await setup();
    const raw = JSON.parse(exported.text) as { content: { changes: Record<string, unknown>[] } };
    const own = (await target.db.engagements.toArray())[0]!;
    const change = raw.content.changes[3]!;
    await target.db.changes.add({ ...change, engagementId: own.id } as never);
    const error = await expectRefusedInto(target, exported.text);
    expect((error as ArchiveImportError).kind).toBe('id-clash');
    expect((error as Error).message).toContain(`change ${String(change.id)} already exists`);
  });
});

/** Imports into `target` and expects a refusal that leaves its database exactly as it was. */
async function expectRefusedInto(
  target: Awaited<ReturnType<typeof openTestStore>>,
  text: string,
): Promise<unknown> {
  const before = await dumpDatabase(target.db);
  const error = await importArchiveText(target.store, text, 'client.engagement.json').catch(
    (e: unknown) => e,
  );
  expect(await dumpDatabase(target.db)).toEqual(before);
  return error;
}
