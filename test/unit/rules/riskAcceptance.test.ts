import { describe, expect, it } from 'vitest';
import { riskSchema } from '../../../shared/model';
import { acceptancePatch, lapsedAcceptances } from '../../../shared/rules';
import { ack, deleted, risk, uid } from './fixtures';

describe('risk acceptance as one record', () => {
  it('a "risk accepted" answer becomes the risk’s acceptance: who, when, conditions, until, source', () => {
    const answer = ack(200, {
      byId: uid(3),
      onBehalfOfId: uid(1),
      response: 'risk_accepted',
      conditions: 'Only until the rebuild ships.',
      expiresOn: '2026-09-30',
    });
    const patch = acceptancePatch(answer);
    expect(patch).toEqual({
      status: 'accepted',
      treatment: 'accept',
      acceptedById: uid(1),
      acceptedAt: answer.at,
      acceptedUntil: '2026-09-30',
      acceptanceConditions: 'Only until the rebuild ships.',
      acceptedViaAckId: uid(200),
    });
    expect(() => riskSchema.parse({ ...risk(50), ...patch })).not.toThrow();
    // the answerer's own acceptance names them
    expect(acceptancePatch({ ...answer, onBehalfOfId: null }).acceptedById).toBe(uid(3));
  });

  it('refuses any other answer', () => {
    expect(() => acceptancePatch(ack(201, { response: 'accepted' }))).toThrow(/risk accepted/);
  });

  it('lists lapsed acceptances, longest lapsed first; not yet lapsed or deleted ones stay out', () => {
    const accepted = (n: number, until: string | null, title: string) =>
      risk(n, { status: 'accepted', acceptedById: uid(1), acceptedUntil: until, title });
    const list = lapsedAcceptances(
      [
        accepted(50, '2026-03-01', 'Short'),
        accepted(51, '2026-02-01', 'Long'),
        accepted(52, '2026-03-10', 'On the day'),
        accepted(53, null, 'Open-ended'),
        deleted(accepted(54, '2026-01-01', 'Deleted')),
        risk(55, { status: 'open', acceptedUntil: '2026-01-01', title: 'Not accepted' }),
      ],
      '2026-03-10',
    );
    expect(list.map((l) => [l.risk.title, l.daysLapsed])).toEqual([
      ['Long', 37],
      ['Short', 9],
    ]);
  });
});
