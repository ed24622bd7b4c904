import { describe, expect, it } from 'vitest';
import { buildMemo, composeMemo, renderMemoHtml, renderMemoMarkdown } from '../../../shared/memo';
import { exhibitVerification, type MemoExhibit } from '../../../shared/memo/exhibits';
import { localExhibitVerification } from '../../../shared/memo/localExhibit';
import type { Attachment, DkimCheck } from '../../../shared/model/attachment';
import type { TimeDisplay } from '../../../shared/time/display';
import { sample, sampleMemoOptions } from './fixtures';

/** A check made at 23:30 UTC: already the next day in Tokyo (UTC+9). */
const LATE = '2026-06-02T23:30:00.000Z';
const TOKYO: TimeDisplay = { timeZone: 'Asia/Tokyo', dateStyle: 'iso' };
const TOKYO_LONG: TimeDisplay = { timeZone: 'Asia/Tokyo', dateStyle: 'long' };

const pass = (checkedAt: string | null): DkimCheck => ({
  status: 'pass',
  checkedAt,
  signatures: [
    { domain: 'acme.example', selector: 's', result: 'pass', alignedWithFrom: true, comment: '' },
  ],
  keyRecords: [],
  summary: '',
});

function exhibit(dkim: DkimCheck): MemoExhibit {
  return {
    ref: 'E1',
    attachmentId: 'a',
    itemRef: '1',
    name: 'reply.eml',
    addedAt: LATE,
    size: 1,
    sha256: '0'.repeat(64),
    verification: exhibitVerification(dkim),
    ...(dkim.checkedAt ? { checkedAt: dkim.checkedAt } : {}),
  };
}

describe('localExhibitVerification', () => {
  it("prints the check's day in the engagement's zone: 23:30 UTC is the next day in Tokyo", () => {
    const e = exhibit(pass(LATE));
    expect(e.verification).toBe("Verified: signed by acme.example's mail server on 2026-06-02");
    expect(localExhibitVerification(e, TOKYO)).toBe(
      "Verified: signed by acme.example's mail server on 2026-06-03",
    );
    expect(localExhibitVerification(e, TOKYO_LONG)).toBe(
      "Verified: signed by acme.example's mail server on 3 June 2026",
    );
    expect(localExhibitVerification(e, { timeZone: 'UTC', dateStyle: 'iso' })).toBe(e.verification);
  });

  it('dates failed and unaligned checks the same way', () => {
    for (const status of ['fail', 'unaligned'] as const) {
      const e = exhibit({ ...pass(LATE), status });
      expect(localExhibitVerification(e, TOKYO)).toMatch(/ on 2026-06-03$/);
    }
  });

  it('prints the stored words of a memo issued without checkedAt, or words not ending in its day', () => {
    const { checkedAt: _drop, ...old } = exhibit(pass(LATE));
    expect(localExhibitVerification(old, TOKYO)).toBe(old.verification);
    const other = { ...exhibit(pass(LATE)), verification: 'Verified on 2026-06-02 by hand' };
    expect(localExhibitVerification(other, TOKYO)).toBe(other.verification);
    const msg = exhibit({ ...pass(null), status: 'unverifiable' });
    expect(localExhibitVerification(msg, TOKYO)).toBe('Not verified: Outlook .msg, headers only');
  });

  it('reaches the Markdown and the HTML (PDF) of a memo, while the fingerprinted model keeps UTC', async () => {
    const data = sample();
    const options = sampleMemoOptions(data);
    const plain = buildMemo(data, options);
    const item = plain.memo.items[0]!;
    const attachment: Attachment = {
      id: '0195b000-0000-7000-8000-000000000001',
      createdAt: LATE,
      updatedAt: LATE,
      deletedAt: null,
      engagementId: '0195b000-0000-7000-8000-000000000000',
      target: { entity: 'raisedIssue', id: item.id },
      fileName: 'reply.eml',
      mediaType: 'message/rfc822',
      size: 10,
      sha256: '1'.repeat(64),
      addedBy: 'Dana',
      addedAt: LATE,
      supersedes: null,
      searchText: '',
      email: {
        format: 'eml',
        subject: 'Re',
        from: 'x@acme.example',
        to: [],
        sentAt: null,
        messageId: '',
        dkim: pass(LATE),
      },
    };
    const composed = await composeMemo({ ...data, attachments: [attachment] }, options, 'issued');
    const [e] = composed.memo.exhibits ?? [];
    expect(e?.verification).toMatch(/ on 2026-06-02$/);
    expect(e?.checkedAt).toBe(LATE);
    const render = { fingerprint: composed.fingerprint, state: 'issued' as const, display: TOKYO };
    expect(renderMemoMarkdown(composed.memo, render)).toContain('mail server on 2026-06-03');
    expect(renderMemoHtml(composed.memo, render)).toContain('mail server on 2026-06-03');
    expect(renderMemoMarkdown(composed.memo, render)).not.toContain('on 2026-06-02');
  });
});
