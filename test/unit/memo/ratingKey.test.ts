import { describe, expect, it } from 'vitest';
import { composeMemo, htmlOf } from '../../../shared/memo';
import { RATING_KEY, ratingKeyOf } from '../../../shared/memo/defaults';
import { engagementSchema } from '../../../shared/model';
import { sample, sampleMemoOptions } from './fixtures';

const OWN = {
  high: { meaning: 'Stops the batch jobs or loses data.', timeToAct: 'This week' },
  medium: { meaning: 'Hurts within the quarter.', timeToAct: 'Within 6 weeks' },
  low: { meaning: 'Worth planning.', timeToAct: 'Next budget round' },
};

describe("the engagement's own rating key", () => {
  it('absent: the standard key, and the memo keeps its fingerprint', async () => {
    expect(ratingKeyOf(undefined)).toBe(RATING_KEY);
    const data = sample();
    const plain = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const standard = sample();
    // the standard wording written out: the same content, so the same fingerprint
    standard.engagement = {
      ...standard.engagement,
      memoRatingKey: {
        high: { meaning: RATING_KEY[0]!.meaning, timeToAct: RATING_KEY[0]!.timeToAct },
        medium: { meaning: RATING_KEY[1]!.meaning, timeToAct: RATING_KEY[1]!.timeToAct },
        low: { meaning: RATING_KEY[2]!.meaning, timeToAct: RATING_KEY[2]!.timeToAct },
      },
    };
    expect((await composeMemo(standard, sampleMemoOptions(standard), 'issued')).fingerprint).toBe(
      plain.fingerprint,
    );
  });

  it('printed in section 4 in rating order, and fingerprinted', async () => {
    const data = sample();
    const plain = await composeMemo(data, sampleMemoOptions(data), 'issued');
    data.engagement = { ...data.engagement, memoRatingKey: OWN };
    const own = await composeMemo(data, sampleMemoOptions(data), 'issued');
    expect(own.fingerprint).not.toBe(plain.fingerprint);
    expect(own.memo.ratingKey.map((r) => [r.rating, r.timeToAct])).toEqual([
      ['high', 'This week'],
      ['medium', 'Within 6 weeks'],
      ['low', 'Next budget round'],
    ]);
    const section = own.markdown.slice(
      own.markdown.indexOf('## 4. Rating key'),
      own.markdown.indexOf('## 5.'),
    );
    expect(section).toContain('Stops the batch jobs or loses data.');
    expect(section).not.toContain(RATING_KEY[0]!.meaning);
  });

  it('hostile wording stays text in Markdown and print HTML', async () => {
    const data = sample();
    data.engagement = {
      ...data.engagement,
      memoRatingKey: {
        ...OWN,
        high: {
          meaning: '</td><style>body{display:none}</style> | [x](javascript:1)',
          timeToAct: '# now',
        },
      },
    };
    const own = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const html = htmlOf(own, 'issued');
    expect(html).not.toContain('<style>body');
    expect(html).toContain('&lt;style&gt;');
    expect(own.markdown).not.toMatch(/^# now/m);
  });

  it('the engagement schema wants all three ratings, each with words', () => {
    const base = sample().engagement;
    expect(engagementSchema.safeParse({ ...base, memoRatingKey: OWN }).success).toBe(true);
    const { low: _low, ...two } = OWN;
    expect(engagementSchema.safeParse({ ...base, memoRatingKey: two }).success).toBe(false);
    const blank = { ...OWN, medium: { meaning: ' ', timeToAct: 'x' } };
    expect(engagementSchema.safeParse({ ...base, memoRatingKey: blank }).success).toBe(false);
    const extra = { ...OWN, critical: OWN.high };
    expect(engagementSchema.safeParse({ ...base, memoRatingKey: extra }).success).toBe(false);
  });
});
