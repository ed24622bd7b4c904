import { describe, expect, it } from 'vitest';
import { MAX_WORD_LENGTH, searchTokens, wordMatcher } from '../../../shared/search/searchTokens';

describe('searchTokens', () => {
  it('lower-cases, drops accents and splits on anything but letters and digits', () => {
    expect(searchTokens('Backup-Owner: Café, naïve; 91% full!')).toEqual([
      'backup',
      'owner',
      'cafe',
      'naive',
      '91',
      'full',
    ]);
    expect(searchTokens('数据库 हिन्दी')).toEqual(['数据库', 'हिन्दी']);
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens(' <>()[]{}.*+?^$|\\ ')).toEqual([]);
  });

  it('cuts very long words', () => {
    const [word] = searchTokens('z'.repeat(5_000));
    expect(word).toHaveLength(MAX_WORD_LENGTH);
  });
});

describe('wordMatcher', () => {
  it('finds whole words starting with a query word, as written, case-insensitively', () => {
    const matcher = wordMatcher(['back', 'o']);
    expect(matcher.wordsIn('Backup owner: the BACKUPS of Oslo, not a robot')).toEqual([
      'Backup',
      'owner',
      'BACKUPS',
      'of',
      'Oslo',
    ]);
    expect(wordMatcher([]).wordsIn('anything')).toEqual([]);
  });

  it('takes regex characters literally', () => {
    expect(wordMatcher(['a+b']).wordsIn('aab ab aaab')).toEqual([]);
    expect(wordMatcher(['a+b']).wordsIn('x a+b')).toEqual(['a+b']);
    expect(wordMatcher(['.*']).wordsIn('anything at all')).toEqual([]);
  });
});
