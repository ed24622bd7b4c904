import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../../shared/model/change';
import {
  fieldLabel,
  formatChange,
  formatValue,
  idsInChanges,
} from '../../../shared/notebook/historyFormat';
import { uid } from '../rules/fixtures';

const base: Omit<ChangeRecord, 'op' | 'changes'> = {
  id: uid(500),
  hlc: '0001764160000000-0000-0195a000-0000-7000-8000-0000000000d1',
  deviceId: '0195a000-0000-7000-8000-0000000000d1',
  deviceName: 'Work laptop',
  actor: 'Dana Whitfield',
  seq: 3,
  entity: 'raisedIssue',
  recordId: uid(1),
  engagementId: uid(999),
  at: '2026-03-02T09:15:00.000Z',
};

describe('history formatting', () => {
  it('names fields readably', () => {
    expect(fieldLabel('raisedToIds')).toBe('Raised to');
    expect(fieldLabel('ownerId')).toBe('Owner');
    expect(fieldLabel('followUpDue')).toBe('Follow-up due');
    expect(fieldLabel('residualLikelihood')).toBe('Residual likelihood');
    expect(fieldLabel('riskIds')).toBe('Risks');
  });

  it('shows values readably: names for ids, locale dates, yes/no, choices, links', () => {
    const names = new Map([[uid(1), 'Victor Hale']]);
    expect(formatValue(uid(1), names)).toBe('Victor Hale');
    expect(formatValue(uid(2), names)).toBe(`record ${uid(2).slice(-6)}`);
    expect(formatValue([uid(1), uid(1)], names)).toBe('Victor Hale, Victor Hale');
    expect(formatValue(true)).toBe('Yes');
    expect(formatValue(null)).toBe('—');
    expect(formatValue('')).toBe('—');
    expect(formatValue([])).toBe('—');
    expect(formatValue('risk_accepted')).toBe('risk accepted');
    expect(formatValue(4)).toBe('4');
    expect(formatValue({ entity: 'raisedIssue', id: uid(1) }, names)).toBe(
      'Raised issue: Victor Hale',
    );
    expect(formatValue({ kind: 'quote', text: 'We know.' })).toBe('quote: We know.');
    expect(formatValue({ accountableId: uid(1), responsibleIds: [] }, names)).toBe(
      'Accountable: Victor Hale; Responsible: —',
    );
    // Dates in the locale: not the raw ISO string, and the year is there.
    const day = formatValue('2026-03-05');
    expect(day).not.toBe('2026-03-05');
    expect(day).toContain('2026');
    const instant = formatValue('2026-03-05T10:00:00.000Z');
    expect(instant).not.toContain('T10:00');
    expect(instant).toContain('2026');
  });

  it('formats an edit with old and new values, device and person', () => {
    const change: ChangeRecord = {
      ...base,
      op: 'update',
      changes: [
        { field: 'status', old: 'raised', new: 'acknowledged' },
        { field: 'raisedToIds', old: [uid(1)], new: [uid(1), uid(2)] },
      ],
    };
    const names = new Map([
      [uid(1), 'Victor Hale'],
      [uid(2), 'Margaret Oduya'],
    ]);
    const shown = formatChange(change, names);
    expect(shown.action).toBe('Edited');
    expect(shown.who).toBe('Work laptop · Dana Whitfield');
    expect(shown.at).toBe(base.at);
    expect(shown.fields).toEqual([
      {
        field: 'status',
        label: 'Status',
        old: { text: 'raised', empty: false },
        new: { text: 'acknowledged', empty: false },
      },
      {
        field: 'raisedToIds',
        label: 'Raised to',
        old: { text: 'Victor Hale', empty: false },
        new: { text: 'Victor Hale, Margaret Oduya', empty: false },
      },
    ]);
  });

  it('leaves out empty values on create, the engagement, and the tombstone on delete', () => {
    const created = formatChange({
      ...base,
      op: 'create',
      deviceName: undefined,
      actor: undefined,
      changes: [
        { field: 'engagementId', old: null, new: uid(999) },
        { field: 'title', old: null, new: 'Disk' },
        { field: 'cause', old: null, new: '' },
        { field: 'riskIds', old: null, new: [] },
      ],
    });
    expect(created.action).toBe('Created');
    expect(created.fields.map((f) => f.field)).toEqual(['title']);
    expect(created.who).toBe(`device ${base.deviceId.slice(-6)}`);
    const removed = formatChange({
      ...base,
      op: 'delete',
      changes: [{ field: 'deletedAt', old: null, new: base.at }],
    });
    expect(removed.action).toBe('Deleted');
    expect(removed.fields).toEqual([]);
  });

  it('collects the ids inside change values', () => {
    const ids = idsInChanges([
      {
        ...base,
        op: 'update',
        changes: [
          { field: 'links', old: [], new: [{ entity: 'risk', id: uid(3) }] },
          { field: 'ownerId', old: uid(4), new: null },
          { field: 'title', old: 'a', new: 'b' },
        ],
      },
    ]);
    expect(ids.sort()).toEqual([uid(3), uid(4)].sort());
  });
});
