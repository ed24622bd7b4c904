import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deviceTimeZone,
  engagementDisplay,
  formatMemoDay,
  formatMemoInstant,
  formatUiDate,
  formatUiDateTime,
  isValidTimeZone,
  zoneAbbreviation,
} from '../../../shared/time/display';

describe('memo time display', () => {
  it('prints local time with the zone abbreviation, in either date style', () => {
    const at = '2026-11-23T09:30:00.000Z';
    expect(formatMemoInstant(at, { timeZone: 'Europe/Berlin', dateStyle: 'iso' })).toBe(
      '2026-11-23 10:30 CET',
    );
    expect(formatMemoInstant(at, { timeZone: 'Europe/Berlin', dateStyle: 'long' })).toBe(
      '23 November 2026, 10:30 CET',
    );
    expect(formatMemoInstant(at, { timeZone: 'America/New_York', dateStyle: 'iso' })).toBe(
      '2026-11-23 04:30 EST',
    );
    expect(formatMemoInstant(at)).toBe('2026-11-23 09:30 UTC');
    // summer time and the day boundary
    expect(
      formatMemoInstant('2026-07-01T22:15:00Z', { timeZone: 'Europe/Berlin', dateStyle: 'iso' }),
    ).toBe('2026-07-02 00:15 CEST');
  });

  it('falls back to the UTC offset where English has no abbreviation', () => {
    const at = new Date('2026-11-23T09:30:00Z');
    expect(zoneAbbreviation(at, 'Asia/Tokyo')).toBe('GMT+9');
    expect(zoneAbbreviation(at, 'Asia/Kolkata')).toBe('GMT+5:30');
    expect(zoneAbbreviation(at, 'Europe/London')).toBe('GMT');
    expect(
      formatMemoInstant('2026-11-23T09:30:00Z', { timeZone: 'Asia/Kolkata', dateStyle: 'iso' }),
    ).toBe('2026-11-23 15:00 GMT+5:30');
  });

  it('validates zone names with Intl; an unknown zone prints UTC, old engagements the device zone', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(42)).toBe(false);
    expect(
      formatMemoInstant('2026-11-23T09:30:00Z', { timeZone: 'Mars/Olympus', dateStyle: 'iso' }),
    ).toBe('2026-11-23 09:30 UTC');
    expect(engagementDisplay({})).toEqual({ timeZone: deviceTimeZone(), dateStyle: 'iso' });
    expect(engagementDisplay({ timeZone: 'Asia/Tokyo', memoDateStyle: 'long' })).toEqual({
      timeZone: 'Asia/Tokyo',
      dateStyle: 'long',
    });
  });

  it('days: long style names the month; anything not a day passes through unchanged', () => {
    expect(formatMemoDay('2026-11-23', 'long')).toBe('23 November 2026');
    expect(formatMemoDay('2026-01-05', 'long')).toBe('5 January 2026');
    expect(formatMemoDay('2026-11-23', 'iso')).toBe('2026-11-23');
    expect(formatMemoDay('2026-13-01', 'long')).toBe('2026-13-01');
    expect(formatMemoDay('<b>x</b>', 'long')).toBe('<b>x</b>');
    expect(formatMemoInstant('not a time', { timeZone: 'UTC', dateStyle: 'long' })).toBe(
      'not a time',
    );
  });

  it('property: any string is a day, or passes through; every real instant keeps its minute', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const out = formatMemoDay(s, 'long');
        expect(out === s || out.endsWith(s.slice(0, 4))).toBe(true);
      }),
      { seed: 13, numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString();
          const out = formatMemoInstant(iso, { timeZone: 'Europe/Berlin', dateStyle: 'iso' });
          expect(out.slice(14, 16)).toBe(iso.slice(14, 16));
          expect(out.endsWith(' CET') || out.endsWith(' CEST')).toBe(true);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('UI dates follow the locale', () => {
  it('German: day first with dots, 24-hour time; the zone given', () => {
    expect(formatUiDate('2026-12-06', 'de-DE')).toBe('06.12.2026');
    expect(formatUiDateTime('2026-11-23T09:30:00.000Z', 'de-DE', 'Europe/Berlin')).toBe(
      '23.11.2026, 10:30',
    );
  });

  it('the same day in other locales; never shifted by the device zone', () => {
    expect(formatUiDate('2026-12-06', 'en-GB')).toBe('6 Dec 2026');
    expect(formatUiDate('2026-12-06', 'en-US')).toBe('Dec 6, 2026');
    expect(formatUiDate('2026-12-06', 'ja-JP')).toBe('2026/12/06');
    // an instant's text: its day as written
    expect(formatUiDate('2026-12-06T23:30:00.000Z', 'de-DE')).toBe('06.12.2026');
  });

  it('text that is not a date is shown as it is', () => {
    expect(formatUiDate('soon', 'de-DE')).toBe('soon');
    expect(formatUiDateTime('never', 'de-DE')).toBe('never');
  });
});
