import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replyText } from '../../../shared/email/replyText';

describe('replyText', () => {
  it('stops at "On ... wrote:", also wrapped over two lines', () => {
    expect(replyText('Agreed.\n\nOn Mon, 2 Mar 2026, Dana wrote:\n> old')).toBe('Agreed.');
    expect(
      replyText('Yes.\nOn Mon, 2 Mar 2026 at 09:00, Dana Whitfield\n<d@x.example> wrote:\n> old'),
    ).toBe('Yes.');
  });

  it('stops at an Outlook header block, Original Message, forwarded, quotes and signatures', () => {
    expect(replyText('Noted.\r\n\r\nFrom: Dana\r\nSent: Monday\r\nTo: Priya\r\n\r\nold')).toBe(
      'Noted.',
    );
    expect(replyText('Ok\n-----Original Message-----\nold')).toBe('Ok');
    expect(replyText('Fwd\n---------- Forwarded message ---------\nold')).toBe('Fwd');
    expect(replyText('Fine\n> quoted\nmore')).toBe('Fine');
    expect(replyText('Fine\n-- \nPriya Raman\nCTO')).toBe('Fine');
  });

  it('keeps a "From:" that is not a header block', () => {
    expect(replyText('From: the ops team, we accept.\nThanks')).toBe(
      'From: the ops team, we accept.\nThanks',
    );
  });

  it('returns leading lines of the body, never a quoted line (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (lines) => {
        const out = replyText(lines.join('\n'));
        expect(out.split('\n').some((l) => l.trim().startsWith('>'))).toBe(false);
        expect(withoutTrailingBlanks(lines.join('\n'))).toContain(out.split('\n')[0] ?? '');
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});

/** Each line without the spaces and tabs at its end (a loop: no backtracking pattern). */
function withoutTrailingBlanks(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let end = line.length;
      while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
      return line.slice(0, end);
    })
    .join('\n');
}
