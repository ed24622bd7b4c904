import { describe, expect, it } from 'vitest';
import { foldLine, followUpCalendar, icsText } from '../../../shared/notebook/followUpCalendar';

describe('follow-up dates as .ics', () => {
  it('writes one all-day event per follow-up day, CRLF line ends', () => {
    const text = followUpCalendar(
      [
        {
          uid: 'issue-1',
          day: '2026-12-31',
          summary: 'Follow up: Disk, backups; monitoring',
          description: 'No answer from Dana Whit\nsince 2026-11-27',
        },
      ],
      '2026-12-07T01:30:00.000Z',
    );
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Engagement Workbench//Follow-ups//EN',
      'CALSCALE:GREGORIAN',
      'BEGIN:VEVENT',
      'UID:issue-1@engagement-workbench',
      'DTSTAMP:20261207T013000Z',
      'DTSTART;VALUE=DATE:20261231',
      'DTEND;VALUE=DATE:20270101',
      'SUMMARY:Follow up: Disk\\, backups\\; monitoring',
      'DESCRIPTION:No answer from Dana Whit\\nsince 2026-11-27',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('hostile text cannot add properties or events: no raw line breaks, control characters dropped', () => {
    const escaped = icsText('x\r\nEND:VEVENT\r\nBEGIN:VEVENT\u0000\\');
    expect(escaped).toBe('x\\nEND:VEVENT\\nBEGIN:VEVENT\\\\');
    expect(escaped).not.toMatch(/[\r\n]/);
  });

  it('folds at 75 octets without splitting a character; unfolding gives the line back', () => {
    // A seeded generator over ASCII, accents, CJK, emoji and ICS specials (no extra dependency).
    const pool = ['a', ' ', ',', ';', '\\', '\n', 'é', 'ß', '漢', '字', '😀', '👩‍💻', 'Z', ':'];
    let seed = 1313;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    const encoder = new TextEncoder();
    for (let run = 0; run < 300; run += 1) {
      const length = next() % 300;
      let value = '';
      for (let i = 0; i < length; i += 1) value += pool[next() % pool.length];
      const line = `SUMMARY:${icsText(value)}`;
      const folded = foldLine(line);
      for (const part of folded.split('\r\n')) {
        expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
      }
      expect(folded.replaceAll('\r\n ', '')).toBe(line);
    }
  });
});
