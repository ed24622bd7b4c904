import { describe, expect, it } from 'vitest';
import {
  memoChoiceKey,
  memoReferenceOf,
  orderMemoChoices,
  type MemoChoiceSource,
} from '../../../shared/notebook/memoChoices';
import { uid } from '../rules/fixtures';

const memo = (
  memoId: string,
  version: number,
  issuedAt: string,
  raisedIssueIds: string[],
): MemoChoiceSource & { label: string } => ({
  memoId,
  version,
  issuedAt,
  raisedIssueIds,
  label: `${memoId} v${version}`,
});

const disk = uid(1);
const batch = uid(2);
const m1v1 = memo('NWL-M-2026-001', 1, '2026-05-01T09:00:00.000Z', [disk, batch]);
const m1v2 = memo('NWL-M-2026-001', 2, '2026-05-08T09:00:00.000Z', [disk, batch]);
const m2 = memo('NWL-M-2026-002', 1, '2026-05-04T09:00:00.000Z', [batch]);
const m3 = memo('NWL-M-2026-003', 1, '2026-06-01T09:00:00.000Z', []);

describe('orderMemoChoices', () => {
  it('puts the versions that include the issue first, each part newest first', () => {
    const { covering, others } = orderMemoChoices([m1v1, m2, m3, m1v2], disk);
    expect(covering.map(memoChoiceKey)).toEqual(['NWL-M-2026-001 v2', 'NWL-M-2026-001 v1']);
    expect(others.map(memoChoiceKey)).toEqual(['NWL-M-2026-003 v1', 'NWL-M-2026-002 v1']);
  });

  it('lists every memo as another when none includes the issue, and nothing when none is issued', () => {
    const { covering, others } = orderMemoChoices([m1v1, m2], uid(3));
    expect(covering).toEqual([]);
    expect(others.map(memoChoiceKey)).toEqual(['NWL-M-2026-002 v1', 'NWL-M-2026-001 v1']);
    expect(orderMemoChoices([], disk)).toEqual({ covering: [], others: [] });
  });

  it('orders versions issued at the same instant by memo id, then the higher version first', () => {
    const at = '2026-05-01T09:00:00.000Z';
    const a1 = memo('NWL-M-2026-004', 1, at, [disk]);
    const a2 = memo('NWL-M-2026-004', 2, at, [disk]);
    const b1 = memo('NWL-M-2026-005', 1, at, [disk]);
    expect(orderMemoChoices([a1, b1, a2], disk).covering.map(memoChoiceKey)).toEqual([
      'NWL-M-2026-005 v1',
      'NWL-M-2026-004 v2',
      'NWL-M-2026-004 v1',
    ]);
  });
});

describe('memoReferenceOf', () => {
  const choices = [m1v1, m1v2, m2];

  it('turns the picked key into the memo id and version an acknowledgement stores', () => {
    expect(memoReferenceOf('NWL-M-2026-001 v2', choices)).toEqual({
      memoId: 'NWL-M-2026-001',
      memoVersion: 2,
      memoFingerprint: null,
    });
    const fingerprint = 'a'.repeat(64);
    expect(memoReferenceOf('NWL-M-2026-001 v2', [{ ...m1v2, fingerprint }])).toEqual({
      memoId: 'NWL-M-2026-001',
      memoVersion: 2,
      memoFingerprint: fingerprint,
    });
    expect(memoReferenceOf(memoChoiceKey(m2), choices)).toEqual({
      memoId: 'NWL-M-2026-002',
      memoVersion: 1,
      memoFingerprint: null,
    });
  });

  it('names no memo for an empty choice and refuses a key no issued memo has', () => {
    expect(memoReferenceOf('', choices)).toEqual({
      memoId: null,
      memoVersion: null,
      memoFingerprint: null,
    });
    expect(memoReferenceOf('NWL-M-2026-001 v3', choices)).toBeUndefined();
    expect(memoReferenceOf('NWL-M-2026-001 v1', [])).toBeUndefined();
  });
});
