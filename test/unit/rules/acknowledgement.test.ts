import { describe, expect, it } from 'vitest';
import { checkAcknowledgement, checkMemoLink, indexById } from '../../../shared/rules';
import { ack, deleted, issue, OTHER_ENG, stakeholder, uid } from './fixtures';

const people = indexById([
  stakeholder(1),
  stakeholder(2),
  stakeholder(3, { engagementId: OTHER_ENG }),
]);
const raised = issue(100, { raisedAt: '2026-03-02T09:00:00.000Z', raisedToIds: [uid(1)] });
const codes = (v: { code: string }[]) => v.map((x) => x.code);

describe('checkAcknowledgement', () => {
  it('accepts an acknowledgement after the raise, from any stakeholder', () => {
    expect(checkAcknowledgement(ack(200, { byId: uid(2) }), raised, people)).toEqual([]);
  });

  it('an answer on someone’s behalf must name a person the issue was raised to', () => {
    const forAddressee = ack(200, { byId: uid(2), onBehalfOfId: uid(1) });
    expect(checkAcknowledgement(forAddressee, raised, people)).toEqual([]);
    const forOther = ack(201, { byId: uid(1), onBehalfOfId: uid(2) });
    expect(codes(checkAcknowledgement(forOther, raised, people))).toEqual([
      'acknowledgement.on-behalf-of-non-addressee',
    ]);
  });

  it('accepts an acknowledgement at the very moment of the raise, whatever the precision', () => {
    const same = ack(200, { at: '2026-03-02T09:00:00Z' });
    expect(checkAcknowledgement(same, raised, people)).toEqual([]);
  });

  it('rejects an acknowledgement that predates the issue', () => {
    const early = ack(200, { at: '2026-03-01T23:59:59.000Z' });
    expect(checkAcknowledgement(early, raised, people)).toEqual([
      {
        field: 'at',
        message: 'cannot be before the issue was raised',
        code: 'acknowledgement.before-raised',
        severity: 'error',
      },
    ]);
  });

  it('rejects a missing or deleted issue', () => {
    expect(codes(checkAcknowledgement(ack(200), undefined, people))).toEqual([
      'acknowledgement.unknown-issue',
    ]);
    expect(codes(checkAcknowledgement(ack(200), deleted(raised), people))).toEqual([
      'acknowledgement.unknown-issue',
    ]);
  });

  it('rejects someone who is not a stakeholder of the engagement', () => {
    expect(codes(checkAcknowledgement(ack(200, { byId: uid(9) }), raised, people))).toEqual([
      'acknowledgement.unknown-by',
    ]);
    expect(codes(checkAcknowledgement(ack(200, { byId: uid(3) }), raised, people))).toEqual([
      'acknowledgement.unknown-by',
    ]);
  });

  it('warns about a risk acceptance without an expiry day', () => {
    const v = checkAcknowledgement(ack(200, { response: 'risk_accepted' }), raised, people);
    expect(v.map((x) => [x.code, x.severity])).toEqual([
      ['acknowledgement.acceptance-without-expiry', 'warning'],
    ]);
    const ok = ack(200, { response: 'risk_accepted', expiresOn: '2026-06-30' });
    expect(checkAcknowledgement(ok, raised, people)).toEqual([]);
  });
});

describe('checkMemoLink', () => {
  const FP = 'f'.repeat(64);
  const memo = {
    engagementId: ack(1).engagementId,
    memoId: 'NWL-M-2026-004',
    version: 1,
    fingerprint: FP,
    deletedAt: null,
  };
  const link = (fields: Record<string, unknown>) => ({ ...ack(200), ...fields });

  it('accepts a link naming an issued memo version with its fingerprint', () => {
    expect(
      checkMemoLink(link({ memoId: memo.memoId, memoVersion: 1, memoFingerprint: FP }), [memo]),
    ).toEqual([]);
    expect(checkMemoLink(link({}), [])).toEqual([]);
  });

  it('refuses a memo that was never issued, a wrong version, a deleted memo, another fingerprint', () => {
    expect(
      codes(checkMemoLink(link({ memoId: 'NWL-M-2026-009', memoVersion: 1 }), [memo])),
    ).toEqual(['acknowledgement.unknown-memo']);
    expect(codes(checkMemoLink(link({ memoId: memo.memoId, memoVersion: 2 }), [memo]))).toEqual([
      'acknowledgement.unknown-memo',
    ]);
    expect(
      codes(
        checkMemoLink(link({ memoId: memo.memoId, memoVersion: 1, memoFingerprint: FP }), [
          deleted(memo),
        ]),
      ),
    ).toEqual(['acknowledgement.unknown-memo']);
    expect(
      codes(
        checkMemoLink(
          link({ memoId: memo.memoId, memoVersion: 1, memoFingerprint: 'e'.repeat(64) }),
          [memo],
        ),
      ),
    ).toEqual(['acknowledgement.memo-fingerprint-mismatch']);
  });

  it('an old link without fingerprint is a warning', () => {
    const [warning] = checkMemoLink(link({ memoId: memo.memoId, memoVersion: 1 }), [memo]);
    expect(warning).toMatchObject({
      code: 'acknowledgement.memo-unfingerprinted',
      severity: 'warning',
    });
  });
});
