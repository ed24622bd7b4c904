import { describe, expect, it } from 'vitest';
import { acknowledgementSchema } from '../../../shared/model';
import type { Acknowledgement } from '../../../shared/model';
import { buildStakeholderDossier, composeMemo, htmlOf } from '../../../shared/memo';
import { NOW, personId, sample, sampleMemoOptions } from './fixtures';

/**
 * The worst bug of the record: an issue raised to the CTO and answered by someone else must
 * never make the memo say it was acknowledged.
 */
describe('memo: acknowledgement per addressee', () => {
  const ALL_DONE = 'Every item has been acknowledged.';

  /** The sample, narrowed to the issue raised to the CTO alone, answered by the architect. */
  function story(extra: (data: ReturnType<typeof sample>) => Acknowledgement[]) {
    const data = sample();
    const toCto = data.raisedIssues.find((i) => i.title.startsWith('Disk on the reporting'));
    if (!toCto) throw new Error('sample has the disk issue raised to the CTO');
    const acks = extra(data).map((a) => ({ ...a, raisedIssueId: toCto.id }));
    return {
      data: { ...data, acknowledgements: [...data.acknowledgements, ...acks] },
      options: {
        ...sampleMemoOptions(data),
        scope: { kind: 'selected' as const, issueIds: [toCto.id] },
      },
    };
  }
  const answer = (n: number, byId: string, onBehalfOfId: string | null): Acknowledgement =>
    acknowledgementSchema.parse({
      id: `01900000-0000-7000-8000-${String(900 + n).padStart(12, '0')}`,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      deletedAt: null,
      engagementId: sample().engagement.id,
      raisedIssueId: `01900000-0000-7000-8000-000000000001`,
      byId,
      onBehalfOfId,
      at: '2026-06-01T09:00:00.000Z',
      quote: 'I will take this to the CTO.',
    });

  it('an answer from the architect does not acknowledge for the CTO', async () => {
    const { data, options } = story((d) => [answer(1, personId(d, 'Rosa Lindqvist'), null)]);
    const memo = await composeMemo(data, options, 'issued');
    expect(memo.memo.unacknowledged).toHaveLength(1);
    expect(memo.markdown).not.toContain(ALL_DONE);
    expect(memo.markdown).toContain('not yet answered by Victor Hale');
    expect(htmlOf(memo, 'issued')).not.toContain(ALL_DONE);
    const row = memo.memo.summary[0];
    expect(row?.acknowledged).toContain('Victor Hale: no answer');
    expect(row?.acknowledged).toContain('Rosa Lindqvist (not addressed)');
  });

  it('an answer recorded on the CTO’s behalf covers her, and the memo names the delegate', async () => {
    const { data, options } = story((d) => [
      answer(2, personId(d, 'Rosa Lindqvist'), personId(d, 'Victor Hale')),
    ]);
    const memo = await composeMemo(data, options, 'issued');
    expect(memo.memo.unacknowledged).toHaveLength(0);
    expect(memo.markdown).toContain(ALL_DONE);
    expect(memo.memo.summary[0]?.acknowledged).toBe(
      'Victor Hale, 2026-06-01 (by Rosa Lindqvist on their behalf)',
    );
    expect(memo.markdown).toContain(
      'Rosa Lindqvist (Lead Architect, Technology) on behalf of Victor Hale',
    );
  });

  it('the CTO’s dossier shows the raise unanswered, then the answer given on her behalf', () => {
    const cto = (d: ReturnType<typeof sample>) => personId(d, 'Victor Hale');
    const before = story((d) => [answer(3, personId(d, 'Rosa Lindqvist'), null)]);
    const raised = (data: typeof before.data) =>
      buildStakeholderDossier(data, cto(data), { date: '2026-06-15' }).entries.filter((e) =>
        e.issueTitle.startsWith('Disk on the reporting'),
      );
    // the architect's own answer is not in the CTO's dossier, and the CTO is still awaited
    expect(raised(before.data).map((e) => [e.kind, e.text.split('; ')[1]])).toEqual([
      ['raised', 'not yet answered by Victor Hale'],
    ]);
    const after = story((d) => [answer(4, personId(d, 'Rosa Lindqvist'), cto(d))]);
    expect(raised(after.data).map((e) => [e.kind, e.text])).toEqual([
      ['raised', 'Raised to Victor Hale by email (severity high); answered by all'],
      ['answer', 'Rosa Lindqvist on behalf of Victor Hale: Receipt confirmed by email'],
    ]);
  });
});
