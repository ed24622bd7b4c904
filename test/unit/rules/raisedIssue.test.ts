import { describe, expect, it } from 'vitest';
import {
  acknowledgementsOf,
  checkRaisedIssue,
  escalatedIssues,
  indexById,
  isAwaitingAcknowledgement,
  missingFindingElements,
} from '../../../shared/rules';
import { ack, deleted, issue, OTHER_ENG, risk, stakeholder, uid } from './fixtures';

const people = indexById([stakeholder(1), stakeholder(2)]);
const codes = (v: { code: string }[]) => v.map((x) => x.code);

describe('checkRaisedIssue', () => {
  it('accepts an issue with known references', () => {
    const i = issue(100, { raisedToIds: [uid(1), uid(2)], ownerId: uid(2), riskIds: [uid(50)] });
    expect(
      checkRaisedIssue(i, {
        issues: [],
        stakeholdersById: people,
        risksById: indexById([risk(50)]),
      }),
    ).toEqual([]);
  });

  it('rejects escalating itself', () => {
    const i = { ...issue(100), escalatesId: uid(100) };
    expect(codes(checkRaisedIssue(i, { issues: [], stakeholdersById: people }))).toEqual([
      'raisedIssue.escalates-self',
    ]);
  });

  it('rejects escalation loops', () => {
    const first = issue(100, { escalatesId: uid(102) });
    const second = issue(101, { escalatesId: uid(100) });
    const third = issue(102, { escalatesId: uid(101) });
    const v = checkRaisedIssue(third, { issues: [first, second], stakeholdersById: people });
    expect(codes(v)).toEqual(['raisedIssue.escalation-cycle']);
    const fine = issue(102, { escalatesId: uid(101) });
    const ok = checkRaisedIssue(fine, {
      issues: [issue(100), second],
      stakeholdersById: people,
    });
    expect(ok).toEqual([]);
  });

  it('rejects unknown issues, stakeholders and risks', () => {
    const other = issue(105, { engagementId: OTHER_ENG });
    const i = issue(100, {
      escalatesId: uid(105),
      raisedToIds: [uid(1), uid(9)],
      ownerId: uid(9),
      riskIds: [uid(51)],
    });
    const v = checkRaisedIssue(i, {
      issues: [other],
      stakeholdersById: people,
      risksById: indexById([deleted(risk(51))]),
    });
    expect(v.map((x) => `${x.field} ${x.message}`)).toEqual([
      'escalatesId is not a raised issue of this engagement',
      'raisedToIds lists someone who is not a stakeholder of this engagement',
      'ownerId is not a stakeholder of this engagement',
      'riskIds lists a risk that is not in this engagement',
    ]);
  });
});

describe('escalatedIssues', () => {
  it('lists the earlier raises nearest first', () => {
    const first = issue(100);
    const second = issue(101, { escalatesId: uid(100) });
    const third = issue(102, { escalatesId: uid(101) });
    const byId = indexById([first, second, third]);
    expect(escalatedIssues(third, byId).map((i) => i.id)).toEqual([uid(101), uid(100)]);
    expect(escalatedIssues(first, byId)).toEqual([]);
  });
});

describe('missingFindingElements', () => {
  it('lists the empty elements in memo order', () => {
    const i = issue(100, { criteria: 'Policy', condition: '  ', recommendation: 'Fix it' });
    expect(missingFindingElements(i)).toEqual(['condition', 'cause', 'effect']);
  });
});

describe('isAwaitingAcknowledgement', () => {
  const due = issue(100, { followUpDue: '2026-03-05' });

  it('is true once the follow-up day has passed with no acknowledgement', () => {
    expect(isAwaitingAcknowledgement(due, [], '2026-03-06')).toBe(true);
    expect(isAwaitingAcknowledgement(due, [], new Date(2026, 2, 6, 8, 0))).toBe(true);
  });

  it('is false on or before the follow-up day', () => {
    expect(isAwaitingAcknowledgement(due, [], '2026-03-05')).toBe(false);
    expect(isAwaitingAcknowledgement(due, [], '2026-03-01')).toBe(false);
  });

  it('is false once acknowledged, but a deleted or foreign acknowledgement does not count', () => {
    expect(isAwaitingAcknowledgement(due, [ack(200)], '2026-04-01')).toBe(false);
    expect(isAwaitingAcknowledgement(due, [deleted(ack(200))], '2026-04-01')).toBe(true);
    expect(
      isAwaitingAcknowledgement(due, [ack(200, { raisedIssueId: uid(101) })], '2026-04-01'),
    ).toBe(true);
  });

  it('is false without a follow-up day or once the issue moved on', () => {
    expect(isAwaitingAcknowledgement(issue(100), [], '2030-01-01')).toBe(false);
    expect(isAwaitingAcknowledgement({ ...due, status: 'resolved' }, [], '2030-01-01')).toBe(false);
    expect(isAwaitingAcknowledgement(deleted(due), [], '2030-01-01')).toBe(false);
  });
});

describe('acknowledgementsOf', () => {
  it('returns live acknowledgements of the issue, oldest first', () => {
    const later = ack(201, { at: '2026-03-04T10:00:00Z' });
    const earlier = ack(202, { at: '2026-03-03T10:00:00.000Z' });
    const gone = deleted(ack(203));
    const other = ack(204, { raisedIssueId: uid(101) });
    expect(acknowledgementsOf(issue(100), [later, gone, other, earlier]).map((a) => a.id)).toEqual([
      uid(202),
      uid(201),
    ]);
  });
});
