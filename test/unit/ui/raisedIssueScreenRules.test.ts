import { describe, expect, it } from 'vitest';
import { escalationProposal } from '../../../renderer/src/features/raised-issues/escalationProposal';
import { followUpEvents } from '../../../renderer/src/features/raised-issues/followUpEvents';
import { ack, deleted, issue, stakeholder, uid } from '../rules/fixtures';

const CEO = stakeholder(1, { name: 'Margaret', title: 'CEO', decisionAuthority: 'decides' });
const CTO = stakeholder(2, { name: 'Victor', reportsToId: uid(1), decisionAuthority: 'decides' });
const OPS = stakeholder(4, { name: 'Nadia', reportsToId: uid(2) });
const names = new Map([CEO, CTO, OPS].map((s) => [s.id, s.name]));

describe('escalationProposal', () => {
  it('proposes the next person up with a reason, and prefills the new issue from the source', () => {
    const source = issue(100, {
      title: 'Backups fail',
      raisedToIds: [uid(4)],
      severity: 'high',
      criteria: 'Backups must succeed nightly',
      condition: 'Three failures this week',
      recommendation: 'Fix the job',
      evidence: [{ kind: 'quote', text: 'job failed' }],
    });
    const { notice, prefill } = escalationProposal(source, [CEO, CTO, OPS], [], []);
    expect(notice[0]).toMatch(/^Proposed: Victor\. Victor is next up the reporting line/);
    expect(prefill).toMatchObject({
      title: 'Escalation: Backups fail',
      raisedToIds: [uid(2)],
      escalatesId: source.id,
      severity: 'high',
      criteria: 'Backups must succeed nightly',
      condition: 'Three failures this week',
      recommendation: 'Fix the job',
      ownerId: '',
    });
    // A copy: editing the escalation's evidence cannot change the source's.
    expect(prefill.evidence).toEqual(source.evidence);
    expect(prefill.evidence[0]).not.toBe(source.evidence[0]);
  });

  it('keeps the escalation title within 200 characters', () => {
    const source = issue(101, { title: 'x'.repeat(200), raisedToIds: [uid(4)] });
    const { prefill } = escalationProposal(source, [CEO, CTO, OPS], [], []);
    expect(prefill.title).toHaveLength(200);
    expect(prefill.title.startsWith('Escalation: x')).toBe(true);
  });
});

describe('followUpEvents', () => {
  it('lists open issues with a follow-up day and someone still silent, naming them', () => {
    const waiting = issue(100, {
      title: 'Backups fail',
      raisedToIds: [uid(2), uid(4)],
      followUpDue: '2026-03-10',
    });
    const events = followUpEvents(
      [waiting],
      [ack(200, { raisedIssueId: waiting.id, byId: uid(4) })],
      names,
      'Northwind',
    );
    expect(events).toEqual([
      {
        uid: waiting.id,
        day: '2026-03-10',
        summary: 'Follow up: Backups fail',
        description: 'Northwind. No answer from Victor (raised 2026-03-02).',
      },
    ]);
  });

  it('leaves out answered, closed, deleted and undated issues', () => {
    const answered = issue(101, { raisedToIds: [uid(2)], followUpDue: '2026-03-10' });
    const closed = issue(102, {
      raisedToIds: [uid(2)],
      followUpDue: '2026-03-10',
      status: 'resolved',
    });
    const gone = deleted(issue(103, { raisedToIds: [uid(2)], followUpDue: '2026-03-10' }));
    const undated = issue(104, { raisedToIds: [uid(2)] });
    const events = followUpEvents(
      [answered, closed, gone, undated],
      [ack(200, { raisedIssueId: answered.id, byId: uid(2) })],
      names,
      'Northwind',
    );
    expect(events).toEqual([]);
  });

  it('names someone no longer listed as unknown', () => {
    const toGone = issue(105, { raisedToIds: [uid(9)], followUpDue: '2026-03-10' });
    const [event] = followUpEvents([toGone], [], names, 'Northwind');
    expect(event?.description).toBe('Northwind. No answer from unknown (raised 2026-03-02).');
  });
});
