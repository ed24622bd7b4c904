import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../shared/email/htmlText';

describe('htmlToText', () => {
  it('keeps text, breaks blocks, decodes entities, drops scripts and styles', () => {
    expect(htmlToText('<p>a &lt;b&gt;</p><br/>c<script>x()</script><style>p{}</style>')).toBe(
      'a <b>\n\nc',
    );
  });

  it('is linear and never keeps a tag (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const text = htmlToText(`<div>${s}</div><script>${s}</script>`);
        expect(text.includes('<div>')).toBe(false);
      }),
      { seed: 16, numRuns: 300 },
    );
    const hostile = '<'.repeat(200_000) + '&'.repeat(200_000);
    expect(typeof htmlToText(hostile)).toBe('string');
  });
});
