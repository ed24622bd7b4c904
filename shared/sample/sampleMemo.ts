import type { MemoOptions } from '../memo/buildMemo';
import { formatMemoId } from '../memo/memoId';
import type { EngagementData } from '../model/engagementData';
import { sampleClock } from './sampleClock';

/** The sample's issued memo and the reply that acknowledges it, to be issued and recorded. */
export interface SampleMemoPlan {
  /** The memo to compose and issue (dated two weeks before `now`, after every sample answer). */
  options: MemoOptions;
  /** When it was issued (UTC). */
  issuedAt: string;
  /** The reply: the CEO acknowledges the memo on the batch-jobs item (not an addressee of it). */
  reply: {
    raisedIssueId: string;
    byId: string;
    at: string;
    channel: 'email';
    response: 'received';
    quote: string;
  };
}

/**
 * The memo the sample consultant issued to the CEO and the CTO on the open issues, and the
 * CEO's reply acknowledging it. The CEO was not among the people the batch-jobs issue was
 * raised to, so her reply is hers: it covers none of them (the memo and screens say so).
 */
export function sampleMemoPlan(data: EngagementData, now: Date): SampleMemoPlan {
  const clock = sampleClock(now);
  const who = (name: string) => data.stakeholders.find((s) => s.name === name)?.id ?? '';
  const batch = data.raisedIssues.find((i) => i.title.startsWith('The weekly batch jobs'));
  const date = clock.day(-14);
  return {
    options: {
      memoId: formatMemoId(data.engagement.code, Number(date.slice(0, 4)), 1),
      version: 1,
      date,
      subject: 'Open issues needing a decision',
      recipientIds: [who('Margaret Oduya'), who('Victor Hale')],
      ccIds: [],
      scope: { kind: 'open' },
      excludeInternal: true,
    },
    issuedAt: clock.at(-14, 10, 0),
    reply: {
      raisedIssueId: batch?.id ?? '',
      byId: who('Margaret Oduya'),
      at: clock.at(-12, 8, 40),
      channel: 'email',
      response: 'received',
      quote:
        'Received your memo, thank you. I have asked Victor and Rosa to come back to me with an owner for the weekly jobs by Friday.',
    },
  };
}
