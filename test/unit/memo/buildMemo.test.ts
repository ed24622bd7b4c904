import { describe, expect, it } from 'vitest';
import {
  acknowledgementRequestText,
  buildMemo,
  composeMemo,
  formatMemoId,
  nextMemoId,
  parseMarkdownStamp,
  parseMemoId,
  parsePdfTitleStamp,
  readPdfTitle,
} from '../../../shared/memo';
import { sample, sampleMemoOptions } from './fixtures';

describe('memo ids', () => {
  it('formats, parses and continues the sequence per engagement code', () => {
    expect(formatMemoId('NWL', 2026, 4)).toBe('NWL-M-2026-004');
    expect(parseMemoId('NWL-M-2026-004')).toEqual({ code: 'NWL', year: 2026, sequence: 4 });
    expect(parseMemoId('nope')).toBeNull();
    expect(nextMemoId('NWL', 2027, ['NWL-M-2026-004', 'NWL-M-2026-004', 'ACME-M-2026-009'])).toBe(
      'NWL-M-2027-005',
    );
    expect(nextMemoId('NWL', 2026, [])).toBe('NWL-M-2026-001');
  });
});

describe('buildMemo', () => {
  it('scope "selected" keeps only the picked issues; an escalated issue folds into its escalation', () => {
    const data = sample();
    const later = data.raisedIssues.find((i) => i.escalatesId !== null && !i.internalOnly);
    if (!later || !later.escalatesId) throw new Error('sample has escalations');
    const { memo, cited } = buildMemo(data, {
      ...sampleMemoOptions(data),
      scope: { kind: 'selected', issueIds: [later.id, later.escalatesId] },
    });
    expect(memo.items.map((i) => i.id)).toEqual([later.id]);
    expect(memo.items[0]?.raises.map((r) => r.id)).toEqual([later.escalatesId, later.id]);
    expect(cited.raisedIssueIds).toEqual([later.id, later.escalatesId].sort());
  });

  it('internal-only issues are left out unless asked for', () => {
    const data = sample();
    const internal = data.raisedIssues.find((i) => i.internalOnly);
    if (!internal) throw new Error('sample has an internal issue');
    const opts = {
      ...sampleMemoOptions(data),
      scope: { kind: 'selected' as const, issueIds: [internal.id] },
    };
    expect(buildMemo(data, opts).memo.items).toHaveLength(0);
    expect(
      buildMemo(data, { ...opts, excludeInternal: false }).memo.items.map((i) => i.id),
    ).toEqual([internal.id]);
  });

  it('since the last memo: only what was raised or answered after it', () => {
    const data = sample();
    const since = '2026-05-10T00:00:00.000Z';
    const { memo } = buildMemo(data, {
      ...sampleMemoOptions(data),
      scope: { kind: 'sinceLastMemo', since },
    });
    for (const item of memo.items) {
      const touched =
        item.raises.some((r) => r.at > since) || item.acknowledgements.some((a) => a.at > since);
      expect(touched).toBe(true);
    }
    expect(memo.items.length).toBeGreaterThan(0);
  });

  it('lists items of earlier memos still open and resolved since', () => {
    const data = sample();
    const resolved = data.raisedIssues.find((i) => i.status === 'resolved');
    const open = data.raisedIssues.find((i) => i.status === 'acknowledged' && !i.internalOnly);
    if (!open) throw new Error('sample');
    const ids = [open.id, ...(resolved ? [resolved.id] : [])];
    const { memo } = buildMemo(data, {
      ...sampleMemoOptions(data),
      earlierMemos: [{ memoId: 'NWL-M-2026-001', version: 1, issueIds: ids }],
    });
    expect(memo.earlierStillOpen.map((m) => m.title)).toContain(open.title);
    expect(memo.earlierStillOpen[0]?.detail).toBe('in NWL-M-2026-001 v1');
    if (resolved) expect(memo.earlierResolved.map((m) => m.title)).toEqual([resolved.title]);
  });

  it('a memo with no items says so', async () => {
    const data = sample();
    const c = await composeMemo(
      data,
      { ...sampleMemoOptions(data), scope: { kind: 'selected', issueIds: [] } },
      'draft',
    );
    expect(c.memo.items).toHaveLength(0);
    expect(c.markdown).toContain('This memo has no items: nothing in its scope was raised.');
    expect(acknowledgementRequestText(c.memo, { fingerprint: c.fingerprint })).toContain(
      'The memo lists no items.',
    );
  });

  it('the acknowledgement request cites memo id, version and fingerprint and asks per item', async () => {
    const data = sample();
    const c = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const text = acknowledgementRequestText(c.memo, { fingerprint: c.fingerprint });
    expect(text).toContain('memo NWL-M-2026-004, version 1');
    expect(text).toContain(`SHA-256 ${c.fingerprint}`);
    expect(text).toContain('Dear Margaret Oduya, Victor Hale,');
    for (const item of c.memo.items)
      expect(text).toContain(`${item.ref}. ${item.title}: accept / decline`);
  });
});

describe('stamps', () => {
  it('reads the stamp of Markdown and the title of a PDF (literal or UTF-16 hex)', () => {
    const fp = 'c'.repeat(64);
    expect(
      parseMarkdownStamp(`x\nMemo NWL-M-2026-004 · version 3 · fingerprint SHA-256 ${fp}\n`),
    ).toEqual({ memoId: 'NWL-M-2026-004', version: 3, fingerprint: fp });
    expect(readPdfTitle('<< /Title (a \\(b\\) c) >>')).toBe('a (b) c');
    const hex = [...('\uFEFFNWL-M-2026-004 v1 SHA-256 ' + fp)]
      .map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0'))
      .join('');
    const title = readPdfTitle(`<< /Title <${hex}> >>`);
    expect(parsePdfTitleStamp(title)).toEqual({
      memoId: 'NWL-M-2026-004',
      version: 1,
      fingerprint: fp,
    });
    expect(readPdfTitle('no title here')).toBeNull();
  });
});
