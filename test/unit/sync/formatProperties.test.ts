// The sync line decoder on arbitrary text: it never throws; good lines among damaged ones are all
// read, in order, and every damaged line is counted (never silently dropped or misread).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLines, encodeLine } from '../../../shared/sync/format';
import { fuzz, fuzzTimeout } from '../fuzz';

describe('sync line decoder', () => {
  it(
    'never throws on arbitrary text',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
          const decoded = decodeLines(text);
          expect(decoded.badLines).toBeGreaterThanOrEqual(0);
        }),
        fuzz(1_000),
      );
    },
    fuzzTimeout(10_000),
  );

  it(
    'reads every good line and counts every damaged one',
    () => {
      const value = fc.jsonValue({ maxDepth: 3 });
      const damage = fc.oneof(
        fc
          .string({ unit: 'binary', minLength: 1, maxLength: 60 })
          .map((s) => s.replaceAll('\n', ' ')),
        value.map((v) => {
          const line = encodeLine(v);
          return `${line.slice(0, 9)}${line.slice(9, -1)} `; // a changed body: checksum mismatch
        }),
      );
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              value.map((v) => ({ good: v })),
              damage.map((d) => ({ bad: d })),
            ),
            {
              maxLength: 20,
            },
          ),
          (lines) => {
            const text = lines
              .map((l) => ('good' in l ? encodeLine(l.good) : `${l.bad}\n`))
              .join('');
            const decoded = decodeLines(text);
            const good = lines
              .filter((l) => 'good' in l)
              .map((l) => JSON.parse(JSON.stringify(l.good)));
            expect(decoded.values).toEqual(good);
            expect(decoded.badLines).toBe(lines.filter((l) => 'bad' in l).length);
            expect(decoded.incompleteTail).toBe(false);
          },
        ),
        fuzz(500),
      );
    },
    fuzzTimeout(10_000),
  );
});
