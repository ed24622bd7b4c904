import { describe, expect, it } from 'vitest';
import { composeMemo, htmlOf } from '../../../shared/memo';
import { sample, sampleMemoOptions } from './fixtures';

describe('memo zone and date style are rendering only', () => {
  it('same content in two zones and two styles: same fingerprint, different Markdown', async () => {
    const data = sample();
    const options = sampleMemoOptions(data);
    const berlin = await composeMemo(data, options, 'issued', {
      timeZone: 'Europe/Berlin',
      dateStyle: 'iso',
    });
    const tokyoLong = await composeMemo(data, options, 'issued', {
      timeZone: 'Asia/Tokyo',
      dateStyle: 'long',
    });
    const utc = await composeMemo(data, options, 'issued');
    expect(berlin.fingerprint).toBe(utc.fingerprint);
    expect(tokyoLong.fingerprint).toBe(utc.fingerprint);
    expect(berlin.canonical).toBe(tokyoLong.canonical);
    expect(berlin.markdown).not.toBe(tokyoLong.markdown);
    expect(berlin.markdown).not.toBe(utc.markdown);
    // the content keeps ISO UTC instants
    expect(berlin.canonical).toContain('2026-03-23T08:40');
    // raised 2026-03-23 08:40 UTC: CET in Berlin, GMT+9 in Tokyo
    expect(berlin.markdown).toContain('- 2026-03-23 09:40 CET: to Victor Hale');
    expect(tokyoLong.markdown).toContain('- 23 March 2026, 17:40 GMT+9: to Victor Hale');
    expect(tokyoLong.markdown).toContain('- **Date:** 15 June 2026');
    expect(utc.markdown).toContain('- 2026-03-23 08:40 UTC: to Victor Hale');
    const html = htmlOf(tokyoLong, 'issued');
    expect(html).toContain('23 March 2026, 17:40 GMT+9');
    expect(html).toContain('<td>15 June 2026</td>');
  });
});
