import { describe, expect, it } from 'vitest';
import { composeMemo } from '../../../shared/memo';
import { issuedExhibits } from '../../../shared/memo/issuedExhibits';
import { sample, sampleMemoOptions } from './fixtures';

describe('issuedExhibits', () => {
  it('lists none for a memo that cites no file, and the frozen list of one that does', async () => {
    const data = sample();
    const options = sampleMemoOptions(data);
    const plain = await composeMemo({ ...data, attachments: [] }, options, 'issued');
    expect(issuedExhibits({ content: plain.canonical })).toEqual([]);

    const item = plain.memo.items[0]!;
    const at = '2026-06-01T09:00:00.000Z';
    const attachments = [
      {
        id: '0195b000-0000-7000-8000-000000000001',
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        engagementId: '0195b000-0000-7000-8000-000000000000',
        target: { entity: 'raisedIssue' as const, id: item.id },
        fileName: 'disk.png',
        mediaType: 'image/png',
        size: 3,
        sha256: '1'.repeat(64),
        addedBy: 'Dana',
        addedAt: at,
        supersedes: null,
        searchText: '',
        email: null,
      },
    ];
    const cited = await composeMemo({ ...data, attachments }, options, 'issued');
    expect(issuedExhibits({ content: cited.canonical }).map((e) => [e.ref, e.name])).toEqual([
      ['E1', 'disk.png'],
    ]);
  });

  it('lists none for content that is not a memo', () => {
    for (const content of ['', 'null', '[]', '{"exhibits":"E1"}', '{not json']) {
      expect(issuedExhibits({ content })).toEqual([]);
    }
  });
});
