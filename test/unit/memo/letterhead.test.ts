import { describe, expect, it } from 'vitest';
import { composeMemo, htmlOf } from '../../../shared/memo';
import { sample, sampleMemoOptions } from './fixtures';

/** The three letterhead lines as Markdown keeps them (hard line breaks). */
const LETTERHEAD_MD = ['Morgan Advisory\\', '12 Quay Street\\', 'Bristol BS1 4DJ'];

describe('letterhead and signature block of the engagement', () => {
  it('absent: the memo content and fingerprint are what they were', async () => {
    const data = sample();
    const plain = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const blank = sample();
    blank.engagement = { ...blank.engagement, memoLetterhead: '  ', memoSignature: '' };
    const again = await composeMemo(blank, sampleMemoOptions(blank), 'issued');
    expect(again.fingerprint).toBe(plain.fingerprint);
    expect(plain.memo).not.toHaveProperty('letterhead');
  });

  it('printed above the memo and after the chronology, part of the fingerprinted content', async () => {
    const data = sample();
    const plain = await composeMemo(data, sampleMemoOptions(data), 'issued');
    data.engagement = {
      ...data.engagement,
      memoLetterhead: 'Morgan Advisory\n12 Quay Street\nBristol BS1 4DJ',
      memoSignature: 'Alex Morgan\nPrincipal, Morgan Advisory',
    };
    const own = await composeMemo(data, sampleMemoOptions(data), 'issued');
    expect(own.fingerprint).not.toBe(plain.fingerprint);
    expect(own.markdown.split('\n').slice(0, 3)).toEqual(LETTERHEAD_MD);
    const md = own.markdown;
    expect(md.indexOf('12 Quay Street')).toBeLessThan(md.indexOf('# Memo NWL-M-2026-004'));
    expect(md.indexOf('Principal, Morgan Advisory')).toBeGreaterThan(
      md.indexOf('## 9. Chronology'),
    );
    expect(md.indexOf('Principal, Morgan Advisory')).toBeLessThan(md.indexOf('## Appendix A.'));
    const html = htmlOf(own, 'issued');
    expect(html).toContain('<p class="letterhead" dir="auto">Morgan Advisory<br>12 Quay Street');
    expect(html).toContain('<p class="signature" dir="auto">Alex Morgan<br>');
  });

  it('hostile wording stays text in both renderings', async () => {
    const data = sample();
    data.engagement = {
      ...data.engagement,
      memoLetterhead: '# Fake heading\n<script>alert(1)</script>\n[x](https://evil.example)',
      memoSignature: '<img src=https://evil.example/p.png>\n---\n| a | b |',
    };
    const own = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const headings = own.markdown.split('\n').filter((l) => /^#{1,2} /.test(l));
    expect(headings[0]).toBe('# Memo NWL-M-2026-004, version 1');
    expect(own.markdown).not.toContain('<script>');
    expect(own.markdown).not.toContain('](https://evil');
    const html = htmlOf(own, 'issued');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
});
