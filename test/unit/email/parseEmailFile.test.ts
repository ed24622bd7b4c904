import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmailFile } from '../../../shared/email/parseEmailFile';
import { EmailRefusedError } from '../../../shared/email/types';
import { crlf, manyPartsEml, replyEml, utf8 } from './fixtures';

describe('parseEmailFile (.eml)', () => {
  it('reads sender, recipients, date, ids and body of a reply', async () => {
    const email = await parseEmailFile('reply.eml', utf8(replyEml()));
    expect(email).toMatchObject({
      format: 'eml',
      subject: 'Re: Please confirm receipt: memo NWL-M-2026-004, version 2',
      from: { name: 'Priya Raman', address: 'priya.raman@acme.example' },
      to: [{ name: 'Dana Whitfield', address: 'dana@consult.example' }],
      cc: [{ name: '', address: 'ops@acme.example' }],
      sentAt: '2026-03-03T09:15:00.000Z',
      messageId: '<reply-1@acme.example>',
      hasDkimSignature: false,
    });
    expect(email.text).toContain('We accept the risk on item 2');
  });

  it('turns an HTML-only body into text, without script contents', async () => {
    const eml = crlf([
      'From: a@acme.example',
      'Subject: html',
      'Content-Type: text/html',
      '',
      '<html><head><style>p{}</style></head><body><p>Agreed &amp; noted.</p><script>alert(1)</script><div>Ops</div></body></html>',
    ]);
    const email = await parseEmailFile('x.eml', utf8(eml));
    expect(email.text).toMatch(/^Agreed & noted\.\n+Ops$/);
  });

  it('refuses a text file renamed .eml', async () => {
    await expect(parseEmailFile('notes.eml', utf8('Meeting notes\nwe agreed'))).rejects.toThrow(
      /not an email.*renamed \.eml/,
    );
    await expect(parseEmailFile('x.eml', utf8('Subject: hi\r\n\r\nno sender'))).rejects.toThrow(
      /names no sender/,
    );
  });

  it('refuses an email with 10,000 MIME parts', async () => {
    await expect(parseEmailFile('parts.eml', utf8(manyPartsEml(10_000)))).rejects.toThrow(
      'This email has more than 1,000 MIME parts; it was not imported.',
    );
  });

  it('refuses a 50 MB header', async () => {
    const header = `X-Padding: ${'a'.repeat(50 * 1024 * 1024)}`;
    const eml = crlf(['From: a@acme.example', header, 'Subject: big', '', 'body']);
    await expect(parseEmailFile('big.eml', utf8(eml))).rejects.toThrow(
      'The headers of this email are larger than 1 MB; it was not imported.',
    );
  });

  it('refuses an empty file and a 2 GB one without reading it', async () => {
    await expect(parseEmailFile('a.eml', new Uint8Array(0))).rejects.toThrow(/empty/);
    const huge = { byteLength: 2 * 1024 ** 3 } as Uint8Array;
    await expect(parseEmailFile('a.eml', huge)).rejects.toThrow(/limited to 100 MB/);
  });

  it('never fails with anything but a refusal on arbitrary bytes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 400 }), async (bytes) => {
        try {
          const email = await parseEmailFile('x.eml', bytes);
          expect(email.from?.address).toContain('@');
        } catch (error) {
          expect(error).toBeInstanceOf(EmailRefusedError);
        }
      }),
      { seed: 16, numRuns: 200 },
    );
  });
});

describe('parseEmailFile (.msg)', () => {
  it('refuses a malformed .msg: wrong signature, or the signature and garbage', async () => {
    await expect(parseEmailFile('x.msg', utf8(replyEml()))).rejects.toThrow(
      /damaged or not a \.msg file/,
    );
    const garbage = new Uint8Array(4096).fill(7);
    garbage.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(parseEmailFile('x.msg', garbage)).rejects.toBeInstanceOf(EmailRefusedError);
  });

  it('refuses other extensions', async () => {
    await expect(parseEmailFile('x.txt', utf8('From: a@b.c\r\n\r\nx'))).rejects.toThrow(
      /Only \.eml and \.msg/,
    );
  });
});
