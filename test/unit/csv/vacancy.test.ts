import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids';
import {
  guessMapping,
  isVacancyMarker,
  parseCsv,
  planCsvImport,
  readSeat,
} from '../../../shared/csv';
import { applyCsvPlan } from '../../../renderer/db/archive/csvApply';
import { listRecords } from '../../../renderer/db/queries/records';
import { engagementInput, openTestStore } from '../db/helpers';

describe('vacancy markers', () => {
  it('recognises the usual ways a spreadsheet marks an empty seat', () => {
    for (const marker of [
      '(vacant)',
      'Vacant',
      'VACANT',
      'TBD',
      'tbd.',
      'Open position',
      '[vacant]',
      'To be hired',
      '-- vacant --',
    ]) {
      expect(isVacancyMarker(marker), marker).toBe(true);
    }
    for (const name of ['Vacanti Rossi', 'Ada Obi', 'Open Systems Ltd', '', 'vacant lot manager']) {
      expect(isVacancyMarker(name), name).toBe(false);
    }
  });

  it('reads a seat from the name and title cells', () => {
    expect(readSeat('(vacant)', 'Head of Operations', undefined)).toEqual({
      kind: 'vacant',
      name: '(vacant) Head of Operations',
      title: 'Head of Operations',
    });
    expect(readSeat('', 'CFO', undefined)).toMatchObject({ kind: 'vacant', name: '(vacant) CFO' });
    expect(readSeat('Vacant: Head of IT', '', undefined)).toEqual({
      kind: 'vacant',
      name: 'Vacant: Head of IT',
      title: 'Head of IT',
    });
    expect(readSeat('TBD', '', undefined)).toEqual({ kind: 'vacant-without-title' });
    expect(readSeat('Ada Obi', 'CFO', undefined)).toEqual({ kind: 'person' });
    expect(readSeat('Ada Obi', 'CFO', true)).toMatchObject({ kind: 'vacant', name: 'Ada Obi' });
    // An explicit "no" in the vacant column wins: someone may be called "Open".
    expect(readSeat('Open', 'Analyst', false)).toEqual({ kind: 'person' });
  });
});

describe('importing vacant seats', () => {
  it('imports vacancies as vacant seats, and reports to them as to seats, never to a person called “(vacant)”', async () => {
    const { db, store } = await openTestStore();
    const engagement = await store.repository('engagement').create(engagementInput);
    const engagementId = engagement.id;
    const csv = [
      'Name,Title,Manager',
      'Dana Chief,CEO,',
      '(vacant),Head of Operations,Dana Chief',
      'Vacant,CFO,Dana Chief',
      ',Head of Sales,Dana Chief',
      'TBD,,Dana Chief',
      'Open position,Chief of Staff,Dana Chief',
      'Ola Ops,Ops lead,(vacant) Head of Operations',
      'Sam Sales,Seller,TBD',
    ].join('\n');
    const table = parseCsv(csv);
    const plan = planCsvImport(table, guessMapping('stakeholder', table.headers), {
      entity: 'stakeholder',
      engagementId,
      existing: [],
      stakeholders: [],
    });
    expect(plan.refused).toEqual([
      {
        row: 6,
        column: 'Name',
        message: 'marks a vacant position, which needs a job title (fill in the title column)',
      },
      {
        row: 9,
        column: 'Manager',
        message:
          "“TBD” could be any of 4 vacant positions: write the seat's name, such as “(vacant) Head of Operations”",
      },
    ]);
    expect(plan.rows.map((r) => r.label)).toEqual([
      'Dana Chief',
      '(vacant) Head of Operations',
      '(vacant) CFO',
      '(vacant) Head of Sales',
      '(vacant) Chief of Staff',
      'Ola Ops',
    ]);
    await applyCsvPlan(store, plan, engagementId);
    const all = await listRecords(db, 'stakeholder', engagementId);
    const byName = new Map(all.map((s) => [s.name, s]));
    expect(
      all
        .filter((s) => s.isVacant)
        .map((s) => s.name)
        .sort(),
    ).toEqual([
      '(vacant) CFO',
      '(vacant) Chief of Staff',
      '(vacant) Head of Operations',
      '(vacant) Head of Sales',
    ]);
    expect(byName.has('(vacant)')).toBe(false);
    expect(byName.get('Ola Ops')?.reportsToId).toBe(byName.get('(vacant) Head of Operations')?.id);
  });

  it('a vacancy marker in a manager column means the one vacant seat there is', () => {
    const seatId = newId();
    const table = parseCsv('Name,Manager\nOla Ops,(vacant)\n');
    const plan = planCsvImport(table, guessMapping('stakeholder', table.headers), {
      entity: 'stakeholder',
      engagementId: newId(),
      existing: [],
      stakeholders: [{ id: seatId, name: '(vacant) Head of Operations', isVacant: true }],
    });
    expect(plan.refused).toEqual([]);
    expect(plan.rows[0]?.references).toEqual([
      { path: ['reportsToId'], names: ['(vacant) Head of Operations'], kind: 'person' },
    ]);
  });
});
