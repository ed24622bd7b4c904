import { describe, expect, it } from 'vitest';
import { composeMemo } from '../../../shared/memo';
import { acknowledgementSchema } from '../../../shared/model';
import { isFullyAcknowledged } from '../../../shared/rules';
import { sampleMemoPlan } from '../../../shared/sample';
import { NOW, sample } from '../memo/fixtures';

describe('the sample’s issued memo and the reply to it', () => {
  it('is dated after every sample answer, carries the open items, and the reply comes after it', async () => {
    const data = sample();
    const plan = sampleMemoPlan(data, NOW);
    expect(plan.options.memoId).toBe('NWL-M-2026-001');
    expect(data.acknowledgements.every((a) => a.at < plan.issuedAt)).toBe(true);
    expect(plan.reply.at > plan.issuedAt).toBe(true);
    const memo = await composeMemo(data, plan.options, 'issued');
    expect(memo.memo.header.fromName).toBe('Alex Morgan');
    expect(memo.memo.header.fromFirm).toBe('Morgan Advisory');
    expect(memo.memo.items.map((i) => i.id)).toContain(plan.reply.raisedIssueId);
  });

  it('the CEO’s reply is hers: it covers none of the people the batch-jobs issue went to', () => {
    const data = sample();
    const plan = sampleMemoPlan(data, NOW);
    const issue = data.raisedIssues.find((i) => i.id === plan.reply.raisedIssueId);
    if (!issue) throw new Error('batch issue');
    expect(issue.raisedToIds).not.toContain(plan.reply.byId);
    const reply = acknowledgementSchema.parse({
      ...plan.reply,
      id: '01900000-0000-7000-8000-000000000999',
      createdAt: plan.reply.at,
      updatedAt: plan.reply.at,
      deletedAt: null,
      engagementId: data.engagement.id,
      memoId: plan.options.memoId,
      memoVersion: 1,
    });
    expect(isFullyAcknowledged(issue, [...data.acknowledgements, reply])).toBe(false);
  });
});
