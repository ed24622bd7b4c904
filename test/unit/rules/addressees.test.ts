import { describe, expect, it } from 'vitest';
import {
  addresseeStates,
  answeredFor,
  answersFromOthers,
  isAwaitingAcknowledgement,
  isFullyAcknowledged,
  unansweredAddressees,
} from '../../../shared/rules';
import { acknowledgementSchema } from '../../../shared/model';
import { ack, deleted, issue, uid } from './fixtures';

// The field story: raised to the CTO (1); the lead architect (2) answers; the CTO's
// delegate (3) answers on her behalf.
const CTO = uid(1);
const ARCHITECT = uid(2);
const DELEGATE = uid(3);
const CEO = uid(4);

describe('acknowledgement per addressee', () => {
  const toCto = issue(100, { raisedToIds: [CTO], followUpDue: '2026-03-05', status: 'raised' });

  it('an answer from someone else is theirs: the CTO is still awaited', () => {
    const architect = ack(200, { byId: ARCHITECT, quote: 'I will take this to the CTO' });
    expect(answeredFor(architect)).toBe(ARCHITECT);
    expect(isFullyAcknowledged(toCto, [architect])).toBe(false);
    expect(unansweredAddressees(toCto, [architect])).toEqual([CTO]);
    expect(answersFromOthers(toCto, [architect]).map((a) => a.id)).toEqual([uid(200)]);
    // also when the issue's status already moved on to "acknowledged"
    const marked = { ...toCto, status: 'acknowledged' as const };
    expect(isAwaitingAcknowledgement(marked, [architect], '2026-03-06')).toBe(true);
  });

  it('an answer recorded on the addressee’s behalf covers them, and says so', () => {
    const onBehalf = ack(201, { byId: DELEGATE, onBehalfOfId: CTO });
    expect(answeredFor(onBehalf)).toBe(CTO);
    expect(isFullyAcknowledged(toCto, [onBehalf])).toBe(true);
    const [state] = addresseeStates(toCto, [onBehalf]);
    expect(state).toMatchObject({
      addresseeId: CTO,
      byDelegate: true,
      awaitedSince: toCto.raisedAt,
    });
    expect(state?.answer?.id).toBe(uid(201));
    expect(answersFromOthers(toCto, [onBehalf])).toEqual([]);
    expect(isAwaitingAcknowledgement(toCto, [onBehalf], '2026-03-06')).toBe(false);
  });

  it('every addressee must answer: one of two is not enough', () => {
    const two = issue(101, { raisedToIds: [CTO, CEO], followUpDue: '2026-03-05' });
    const ceo = ack(202, { raisedIssueId: uid(101), byId: CEO });
    expect(unansweredAddressees(two, [ceo])).toEqual([CTO]);
    expect(isAwaitingAcknowledgement(two, [ceo], '2026-03-06')).toBe(true);
    const cto = ack(203, { raisedIssueId: uid(101), byId: CTO, at: '2026-03-04T08:00:00.000Z' });
    expect(isFullyAcknowledged(two, [ceo, cto])).toBe(true);
    expect(addresseeStates(two, [ceo, cto]).map((s) => [s.addresseeId, s.answer?.id])).toEqual([
      [CTO, uid(203)],
      [CEO, uid(202)],
    ]);
  });

  it('ignores deleted answers and answers to other issues; takes the first answer', () => {
    const gone = deleted(ack(204, { byId: CTO }));
    const elsewhere = ack(205, { byId: CTO, raisedIssueId: uid(999) });
    expect(isFullyAcknowledged(toCto, [gone, elsewhere])).toBe(false);
    const late = ack(206, { byId: CTO, at: '2026-03-09T10:00:00.000Z' });
    const early = ack(207, { byId: CTO, at: '2026-03-03T10:00:00.000Z' });
    expect(addresseeStates(toCto, [late, early])[0]?.answer?.id).toBe(uid(207));
  });

  it('an old record without onBehalfOfId reads as the answerer’s own answer only', () => {
    const { onBehalfOfId: _dropped, ...legacy } = ack(208, { byId: ARCHITECT });
    const parsed = acknowledgementSchema.parse(legacy);
    expect(parsed.onBehalfOfId).toBeNull();
    expect(isFullyAcknowledged(toCto, [parsed])).toBe(false);
  });

  it('refuses an answer recorded as given on the answerer’s own behalf', () => {
    expect(() => ack(209, { byId: CTO, onBehalfOfId: CTO })).toThrow(/someone other/);
  });
});
