// Properties of the CSV round trip: whatever text a record holds, exporting it and importing the
// file back changes nothing. fast-check, fixed seed (see ../fuzz.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportCsv,
  formatPeopleList,
  guessMapping,
  normName,
  parseCsv,
  planCsvImport,
  splitPeopleList,
  undefuse,
  writeCsv,
} from '../../../shared/csv';
import { newId } from '../../../shared/ids';
import { buildSampleEngagement } from '../../../shared/sample';
import { fuzz, fuzzTimeout } from '../fuzz';

/** Characters that CSV, spreadsheets and Markdown give meaning to, and text that trips readers. */
const SPECIAL = [
  '"',
  "'",
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '=',
  '+',
  '-',
  '@',
  '\uFEFF',
  '\u200F',
  '\u202E',
  '\u061C',
  'שלום',
  'مرحبا',
  '😀',
  '👩🏽‍💻',
  'é',
  'e\u0301',
  '\\',
  '#',
  '*',
];

/** Text rich in separators, quotes, new lines, formula prefixes, BOM, RTL marks and emoji. */
const text = (maxLength = 40) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...SPECIAL),
        fc.string({ unit: 'grapheme', maxLength: 3 }),
        fc.string({ unit: 'binary', maxLength: 2 }),
      ),
      { maxLength },
    )
    // NUL and U+FFFD mark a file that is not text; the reader refuses them (see readCsv.ts).
    .map((parts) => parts.join('').replaceAll('\u0000', '').replaceAll('\uFFFD', ''));

describe('CSV text: write then read is the identity', () => {
  it(
    'for any table of any text',
    () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 4 })
            .chain((width) =>
              fc.array(fc.array(text(), { minLength: width, maxLength: width }), { maxLength: 5 }),
            ),
          (cells) => {
            // A first cell with text: rows of nothing but spaces are skipped as blank (by design).
            const rows = cells.map((r, i) => [`row ${i}`, ...r]);
            const headers = ['id', 'name', 'title', 'notes', 'contact'].slice(
              0,
              1 + (cells[0]?.length ?? 0),
            );
            const table = parseCsv(writeCsv(headers, rows));
            expect(table.problems).toEqual([]);
            expect(table.headers).toEqual(headers);
            expect(table.rows.map((r) => r.cells.map(undefuse))).toEqual(rows);
          },
        ),
        fuzz(300),
      );
    },
    fuzzTimeout(20_000),
  );

  it(
    'people lists keep every name',
    () => {
      fc.assert(
        fc.property(fc.array(text(20), { maxLength: 6 }), (names) => {
          const kept = names.filter((n) => n.trim() !== '');
          const read = splitPeopleList(formatPeopleList(kept)).map((i) =>
            i.quoted ? i.text : i.text,
          );
          expect(read.map(normName)).toEqual(kept.map(normName));
        }),
        fuzz(500),
      );
    },
    fuzzTimeout(10_000),
  );
});

describe('CSV export then import changes no record', () => {
  const data = buildSampleEngagement({ now: new Date('2026-11-26T12:00:00.000Z'), newId });

  it(
    'stakeholders and ownership areas with any names, titles and notes',
    () => {
      const distinctNames = fc.uniqueArray(
        text(30).filter((n) => n.trim() !== '' && n.trim().length <= 200),
        {
          minLength: data.stakeholders.length,
          maxLength: data.stakeholders.length,
          selector: normName,
        },
      );
      fc.assert(
        fc.property(distinctNames, text(60), text(60), (names, title, notes) => {
          const stakeholders = data.stakeholders.map((s, i) => ({
            ...s,
            name: (names[i] as string).trim(),
            title: s.isVacant ? s.title : title,
            notes,
          }));
          const areas = data.ownershipAreas.map((a) => ({ ...a, description: notes }));
          const context = { engagementId: data.engagement.id, stakeholders };
          for (const [entity, existing] of [
            ['stakeholder', stakeholders],
            ['ownershipArea', areas],
          ] as const) {
            const file = exportCsv(entity, existing, stakeholders);
            const table = parseCsv(file);
            const plan = planCsvImport(table, guessMapping(entity, table.headers), {
              ...context,
              entity,
              existing: existing as unknown as (Record<string, unknown> & { id: string })[],
            });
            expect(plan.refused).toEqual([]);
            expect(plan.rows.map((r) => [r.action, r.changedFields])).toEqual(
              existing.map(() => ['unchanged', []]),
            );
          }
        }),
        fuzz(60),
      );
    },
    fuzzTimeout(30_000),
  );
});
