import { describe, expect, it } from 'vitest';
import { buildMemo, composeMemo, renderMemoHtml, renderMemoMarkdown } from '../../../shared/memo';
import type { Attachment } from '../../../shared/model/attachment';
import { sample, sampleMemoOptions } from './fixtures';

const DKIM_PASS = {
  status: 'pass' as const,
  checkedAt: '2026-06-02T10:00:00.000Z',
  signatures: [
    {
      domain: 'northwind-learning.example',
      selector: 'mail',
      result: 'pass' as const,
      alignedWithFrom: true,
      comment: '',
    },
  ],
  keyRecords: [],
  summary: '',
};

function attachment(
  id: string,
  target: Attachment['target'],
  extra: Partial<Attachment> = {},
): Attachment {
  return {
    id: `0195b000-0000-7000-8000-${id.padStart(12, '0')}`,
    createdAt: '2026-06-01T09:00:00.000Z',
    updatedAt: '2026-06-01T09:00:00.000Z',
    deletedAt: null,
    engagementId: '0195b000-0000-7000-8000-000000000000',
    target,
    fileName: `file-${id}.pdf`,
    mediaType: 'application/pdf',
    size: 1000,
    sha256: id.repeat(64).slice(0, 64),
    addedBy: 'Dana',
    addedAt: `2026-06-0${id}T09:00:00.000Z`,
    supersedes: null,
    searchText: '',
    email: null,
    ...extra,
  };
}

describe('memo exhibits', () => {
  it('lists the files of the items and of their acknowledgements, with verification', async () => {
    const data = sample();
    const options = sampleMemoOptions(data);
    const plain = buildMemo(data, options);
    const item = plain.memo.items[0]!;
    const ack = data.acknowledgements.find((a) => plain.cited.acknowledgementIds.includes(a.id))!;
    const ackRef = plain.memo.items.find((i) =>
      i.acknowledgements.some((a) => a.id === ack.id),
    )!.ref;
    const otherIssue = data.raisedIssues.find((i) => !plain.cited.raisedIssueIds.includes(i.id));
    const attachments = [
      attachment('2', { entity: 'raisedIssue', id: item.id }),
      attachment(
        '1',
        { entity: 'acknowledgement', id: ack.id },
        {
          fileName: 'reply.eml',
          email: {
            format: 'eml',
            subject: 'Re',
            from: 'x@northwind-learning.example',
            to: [],
            sentAt: null,
            messageId: '',
            dkim: DKIM_PASS,
          },
        },
      ),
      attachment(
        '3',
        { entity: 'raisedIssue', id: item.id },
        { deletedAt: '2026-06-05T00:00:00.000Z' },
      ),
      ...(otherIssue ? [attachment('4', { entity: 'raisedIssue', id: otherIssue.id })] : []),
    ];
    const { memo } = buildMemo({ ...data, attachments }, options);
    const rows = (memo.exhibits ?? []).map((e) => [e.itemRef, e.name, e.verification]);
    const expected = [
      [item.ref, 'file-2.pdf', 'Not verified (a file, fingerprinted when attached)'],
      [
        ackRef,
        'reply.eml',
        "Verified: signed by northwind-learning.example's mail server on 2026-06-02",
      ],
    ].sort((a, b) => Number(a[0]) - Number(b[0]) || 0);
    expect(rows.sort((a, b) => Number(a[0]) - Number(b[0]) || 0)).toEqual(expected);
    expect(memo.exhibits?.map((e) => e.ref).sort()).toEqual(['E1', 'E2']);

    const md = renderMemoMarkdown(memo, { fingerprint: 'f'.repeat(64), state: 'issued' });
    expect(md).toContain('## Appendix C. Exhibits');
    expect(md).toContain('`' + '2'.repeat(64) + '`');
    const html = renderMemoHtml(memo, { fingerprint: 'f'.repeat(64), state: 'issued' });
    expect(html).toContain('<h2>Appendix C. Exhibits</h2>');
    expect(html).toContain('reply.eml');
  });

  it('leaves a memo without exhibits exactly as before (same canonical JSON and fingerprint)', async () => {
    const data = sample();
    const options = sampleMemoOptions(data);
    const before = await composeMemo(data, options, 'issued');
    const after = await composeMemo({ ...data, attachments: [] }, options, 'issued');
    expect(after.memo.exhibits).toBeUndefined();
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(after.markdown).not.toContain('Exhibits');
  });
});
