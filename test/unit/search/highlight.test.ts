import { describe, expect, it } from 'vitest';
import { highlightSegments, snippetAround } from '../../../shared/search/highlight';

describe('highlightSegments', () => {
  it('marks the matched words, case-insensitively, and joins back to the text', () => {
    const text = 'Weekly Batch jobs: the batch window';
    const segments = highlightSegments(text, ['batch']);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Batch', 'batch']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('prefers the longest term where terms overlap', () => {
    const segments = highlightSegments('backups and back', ['back', 'backups']);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['backups', 'back']);
  });

  it('keeps hostile text as text, and regex characters in terms are literal', () => {
    const text = '<script>alert(1)</script> a+b (x)';
    const segments = highlightSegments(text, ['script', 'a+b', '(x)', '']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual([
      'script',
      'script',
      'a+b',
      '(x)',
    ]);
  });

  it('returns the text whole without terms, and nothing for no text', () => {
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', match: false }]);
    expect(highlightSegments('', ['a'])).toEqual([]);
  });
});

describe('snippetAround', () => {
  it('cuts a window around the first match, with ellipses', () => {
    const text = `${'lorem ipsum '.repeat(30)}the batch failed ${'dolor sit '.repeat(30)}`;
    const snippet = snippetAround(text, ['batch'], 60);
    expect(snippet).toContain('batch');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(62);
  });

  it('keeps short text whole, collapsing whitespace', () => {
    expect(snippetAround('a\n\n  b', ['a'])).toBe('a b');
  });
});
