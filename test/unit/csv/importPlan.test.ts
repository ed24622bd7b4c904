import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids';
import { buildSampleEngagement } from '../../../shared/sample';
import { exportCsv, guessMapping, parseCsv, planCsvImport } from '../../../shared/csv';
import { applyCsvPlan } from '../../../renderer/db/archive/csvApply';
import { listRecords } from '../../../renderer/db/queries/records';
import { openTestStore } from '../db/helpers';
import { dumpDatabase } from '../archive/helpers';

async function sampleStore() {
  const opened = await openTestStore();
  const data = buildSampleEngagement({ now: new Date('2026-11-26T12:00:00.000Z'), newId });
  await opened.store.importEngagement(data);
  return { ...opened, engagementId: data.engagement.id };
}

async function context(
  db: Awaited<ReturnType<typeof sampleStore>>['db'],
  engagementId: string,
  entity: 'stakeholder' | 'ownershipArea' | 'risk' | 'raisedIssue',
) {
  return {
    entity,
    engagementId,
    existing: (await listRecords(db, entity, engagementId)) as unknown as (Record<
      string,
      unknown
    > & { id: string })[],
    stakeholders: await listRecords(db, 'stakeholder', engagementId),
  };
}

describe('CSV column mapping', () => {
  it('guesses columns from header names and aliases, each used once', () => {
    expect(
      guessMapping('stakeholder', [
        'Full Name',
        'Job title',
        'Department',
        'E-mail',
        'Manager',
        'Shoe size',
      ]),
    ).toEqual(['name', 'title', 'orgUnit', 'contact', 'reportsTo', null]);
    // An exact header beats an alias.
    expect(guessMapping('stakeholder', ['Full name', 'Name'])).toEqual([null, 'name']);
    expect(guessMapping('risk', ['Risk', 'Likelihood', 'Impact score', 'Risk owner'])).toEqual([
      'title',
      'likelihood',
      'impactScore',
      'owner',
    ]);
  });
});

describe('CSV import plan', () => {
  it('previews creates and updates and reports each refused row with row, column and message', async () => {
    const { db, engagementId } = await sampleStore();
    const ctx = await context(db, engagementId, 'stakeholder');
    const existing = ctx.stakeholders[0]!;
    const manager = ctx.stakeholders[1]!;
    const csv = [
      'Name;Title;Manager;Influence;Stance',
      `${existing.name};Chief of everything;${manager.name};5;champion`,
      `Priya Raman;Data engineer;${manager.name};3;supporter`,
      'Lee Novak;Analyst;Nobody Known;9;neutral',
      ';;;2;neutral',
      'Sam Ortiz;Intern;Priya Raman;1;grumpy',
      'Jo Bright;DBA;Priya Raman;2;neutral',
    ].join('\r\n');
    const table = parseCsv(csv);
    const plan = planCsvImport(table, guessMapping('stakeholder', table.headers), ctx);
    expect(plan.counts).toEqual({ create: 2, update: 1, unchanged: 0, refusedRows: 3 });
    expect(plan.rows.find((r) => r.action === 'update')).toMatchObject({
      row: 2,
      id: existing.id,
      matchedBy: 'name',
    });
    expect(plan.rows.find((r) => r.action === 'update')?.changedFields).toContain('title');
    expect(plan.refused).toEqual(
      expect.arrayContaining([
        { row: 4, column: 'Manager', message: 'no stakeholder is called “Nobody Known”' },
        { row: 4, column: 'Influence', message: 'must be 1 to 5' },
        { row: 5, column: 'Name', message: 'is required' },
        {
          row: 6,
          column: 'Stance',
          message:
            'must be one of: champion, supporter, neutral, skeptic, blocker (found “grumpy”)',
        },
      ]),
    );

    // Applying writes the accepted rows only, and resolves a manager created by the same file.
    const { store } = {
      store: (await import('../../../renderer/db/repositories/store')).createStore({
        db,
        deviceId: '0195a000-0000-7000-8000-0000000000d1',
      }),
    };
    const result = await applyCsvPlan(store, plan, engagementId);
    expect(result).toEqual({ created: 2, updated: 1 });
    const after = await listRecords(db, 'stakeholder', engagementId);
    const priya = after.find((s) => s.name === 'Priya Raman');
    const jo = after.find((s) => s.name === 'Jo Bright');
    expect(jo?.reportsToId).toBe(priya?.id);
    expect(after.find((s) => s.id === existing.id)?.title).toBe('Chief of everything');
    expect(after.some((s) => s.name === 'Lee Novak' || s.name === 'Sam Ortiz')).toBe(false);
  });

  it('round trip: exporting and re-importing every entity changes nothing', async () => {
    const { db, store, engagementId } = await sampleStore();
    for (const entity of ['stakeholder', 'ownershipArea', 'risk', 'raisedIssue'] as const) {
      const ctx = await context(
        db,
        entity === 'stakeholder' ? db && engagementId : engagementId,
        entity,
      );
      const text = exportCsv(entity, ctx.existing, ctx.stakeholders);
      const table = parseCsv(text);
      const plan = planCsvImport(table, guessMapping(entity, table.headers), ctx);
      expect(plan.refused).toEqual([]);
      expect(plan.counts.unchanged).toBe(ctx.existing.length);
      const before = await dumpDatabase(db);
      await applyCsvPlan(store, plan, engagementId);
      expect(await dumpDatabase(db)).toEqual(before);
    }
  });

  it('updates by id, merges RACI names, and refuses an unknown id', async () => {
    const { db, store, engagementId } = await sampleStore();
    const ctx = await context(db, engagementId, 'ownershipArea');
    const area = ctx.existing[0]!;
    const [p1, p2] = ctx.stakeholders;
    const csv = `id,accountable,responsible\n${area.id},${p1!.name},"${p1!.name}; ${p2!.name}"\n${newId()},${p1!.name},\n`;
    const table = parseCsv(csv);
    const plan = planCsvImport(table, guessMapping('ownershipArea', table.headers), ctx);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]).toMatchObject({ row: 3, column: 'id' });
    await applyCsvPlan(store, plan, engagementId);
    const stored = await db.ownershipAreas.get(area.id);
    expect(stored?.raci.accountableId).toBe(p1!.id);
    expect(stored?.raci.responsibleIds).toEqual([p1!.id, p2!.id]);
    expect(stored?.raci.informedIds).toEqual((area.raci as { informedIds: string[] }).informedIds);
    expect(stored?.name).toBe(area.name);
  });
});

describe('people columns hold any name', () => {
  it('names with semicolons, commas and quotes survive export then import', () => {
    const ids = [newId(), newId(), newId()];
    const stakeholders = [
      { id: ids[0]!, name: 'Okafor, Amara' },
      { id: ids[1]!, name: 'Lee; "the fixer" Novak' },
      { id: ids[2]!, name: 'Ada Obi' },
    ];
    const sampleArea = buildSampleEngagement({ now: new Date(), newId }).ownershipAreas[0]!;
    const raci = { accountableId: ids[0]!, responsibleIds: ids, consultedIds: [], informedIds: [] };
    const area = { ...sampleArea, raci } as unknown as Record<string, unknown> & { id: string };
    const text = exportCsv('ownershipArea', [area], stakeholders);
    expect(text).toContain('"""Okafor, Amara""; ""Lee; """"the fixer"""" Novak""; Ada Obi"');
    const table = parseCsv(text);
    const plan = planCsvImport(table, guessMapping('ownershipArea', table.headers), {
      entity: 'ownershipArea',
      engagementId: area.engagementId as string,
      existing: [area],
      stakeholders,
    });
    expect(plan.refused).toEqual([]);
    expect(plan.rows[0]?.action).toBe('unchanged');
    expect(plan.rows[0]?.references.find((r) => r.kind === 'people')?.names).toEqual(
      stakeholders.map((s) => s.name),
    );
  });

  it('reads hand-typed lists: semicolons, new lines, and commas between known names', () => {
    const stakeholders = ['Okafor, Amara', 'Ada Obi', 'Lee Novak'].map((name) => ({
      id: newId(),
      name,
    }));
    const table = parseCsv('name,responsible\nBackups,"Okafor, Amara; Ada Obi, Lee Novak"\n');
    const plan = planCsvImport(table, guessMapping('ownershipArea', table.headers), {
      entity: 'ownershipArea',
      engagementId: newId(),
      existing: [],
      stakeholders,
    });
    expect(plan.rows[0]?.references[0]?.names).toEqual(['Okafor, Amara', 'Ada Obi', 'Lee Novak']);
  });

  it('a file cut off inside a quoted cell shows its lost rows as refused', () => {
    const table = parseCsv('Name;Notes\nA;"oops\nB;x\nC;y\n');
    const plan = planCsvImport(table, guessMapping('stakeholder', table.headers), {
      entity: 'stakeholder',
      engagementId: newId(),
      existing: [],
      stakeholders: [],
    });
    expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: 0, refusedRows: 3 });
  });
});
