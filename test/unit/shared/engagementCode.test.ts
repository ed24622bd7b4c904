import { describe, expect, it } from 'vitest';
import { suggestEngagementCode } from '@shared/engagementCode';
import { engagementObject } from '@shared/model/engagement';

describe('suggestEngagementCode', () => {
  it('takes the initials of a multi-word client name', () => {
    expect(suggestEngagementCode('Northwind Learning')).toBe('NL');
    expect(suggestEngagementCode('  acme  widgets  international ')).toBe('AWI');
  });

  it('takes the first three letters of a single word', () => {
    expect(suggestEngagementCode('Contoso')).toBe('CON');
  });

  it('strips accents and punctuation and pads a one-letter result', () => {
    expect(suggestEngagementCode('Ézé & Co.')).toBe('EC');
    expect(suggestEngagementCode('X')).toBe('XX');
    expect(suggestEngagementCode('!!!')).toBe('');
  });

  it('always yields a code the engagement schema accepts, or nothing', () => {
    const names = [
      'Northwind Learning',
      'a b c d e f g h i j',
      'Zürich Versicherung',
      '東京',
      '42 Labs',
    ];
    for (const name of names) {
      const code = suggestEngagementCode(name);
      if (code) expect(engagementObject.shape.code.safeParse(code).success).toBe(true);
    }
  });
});
