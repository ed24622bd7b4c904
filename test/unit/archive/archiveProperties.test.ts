// The archive reader on arbitrary bytes and on damaged archives: it never throws anything but an
// ArchiveError (a refusal naming the file and the problem), and nothing damaged is accepted as a
// different engagement. fast-check, fixed seed (../fuzz.ts).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError, canonicalJson, parseArchiveText } from '../../../shared/archive';
import { openTestStore } from '../db/helpers';
import { fuzz, fuzzTimeout } from '../fuzz';
import { exportText, storeSample } from './helpers';

/** Reads a text; the outcome is an archive or an ArchiveError, never another error. */
async function outcome(text: string) {
  try {
    return { archive: await parseArchiveText(text, 'x.engagement.json') };
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    return { error: error as ArchiveError };
  }
}

describe('archive reader on hostile files', () => {
  let valid: string;
  let content: string;
  beforeAll(async () => {
    const { db, store } = await openTestStore();
    const exported = await exportText(db, await storeSample(store));
    valid = exported.text;
    content = canonicalJson((await parseArchiveText(valid, 'x')).content);
  });

  it(
    'arbitrary bytes (decoded as the app decodes a file) are refused, never thrown on',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
          const text = new TextDecoder('utf-8').decode(bytes);
          const result = await outcome(text);
          expect(result.error?.problems.length ?? 1).toBeGreaterThan(0);
        }),
        fuzz(300),
      );
    },
    fuzzTimeout(10_000),
  );

  it(
    'an archive cut off, with a character changed or text put in, is refused or reads the same',
    async () => {
      const edit = fc.oneof(
        fc.nat().map((n) => (t: string) => t.slice(0, n % t.length)),
        fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })).map(
          ([n, s]) =>
            (t: string) =>
              t.slice(0, n % t.length) + s + t.slice((n % t.length) + 1),
        ),
        fc
          .tuple(
            fc.nat(),
            fc.constantFrom('{', '}', '"', ',', '[', ']', '\\', 'null', '1e999', '"__proto__":{}'),
          )
          .map(
            ([n, s]) =>
              (t: string) =>
                t.slice(0, n % t.length) + s + t.slice(n % t.length),
          ),
      );
      await fc.assert(
        fc.asyncProperty(edit, async (change) => {
          const result = await outcome(change(valid));
          // Accepted only when the change did not touch the content (white space, say).
          if (result.archive) expect(canonicalJson(result.archive.content)).toBe(content);
        }),
        fuzz(60),
      );
    },
    fuzzTimeout(30_000),
  );
});
