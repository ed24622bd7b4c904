import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical/canonicalJson';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { parseArchiveText } from '../../../shared/archive';
import { contentFingerprint } from '../../../shared/memo';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const SEED = 8785;

/** The same JSON value with every object's members inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) {
    Object.defineProperty(out, key, {
      value: reversedKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

describe('canonicalJson (RFC 8785, JCS)', () => {
  it('sorts members by UTF-16 code units, drops undefined, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe(
      '{"a":[true,null,"x"],"b":1}',
    );
    // "é" (U+00E9) sorts after "z"; an astral character's high surrogate after both
    expect(canonicalJson({ '😀': 1, é: 2, z: 3, A: 4 })).toBe('{"A":4,"z":3,"é":2,"😀":1}');
    expect(canonicalJson({ n: 1e21, m: -0, f: 0.1 })).toBe('{"f":0.1,"m":0,"n":1e+21}');
    expect(canonicalJson('line\nbreak "quoted" \u2028')).toBe('"line\\nbreak \\"quoted\\" \u2028"');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    // array-index keys sort as strings too, although JavaScript objects list them by number
    expect(canonicalJson({ 2: 'b', 10: 'a', '': 0, x: { 1: 1, '01': 2 } })).toBe(
      '{"":0,"10":"a","2":"b","x":{"01":2,"1":1}}',
    );
    expect(canonicalJson(null)).toBe('null');
  });

  it('refuses values JSON cannot carry exactly, on both paths', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      expect(() => canonicalJson({ a: bad })).toThrow(/non-finite/);
      expect(() => canonicalJson({ b: 1, a: bad })).toThrow(/non-finite/);
      expect(() => canonicalJson([bad])).toThrow(/non-finite/);
    }
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson({ toJSON: () => 'x' })).toThrow(/function/);
  });

  it('keeps a "__proto__" member as data (as JSON.parse gives it)', () => {
    const parsed = JSON.parse('{"z":1,"__proto__":{"x":1}}') as unknown;
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"z":1}');
    expect(canonicalJson(parsed)).toBe(canonicalize(parsed));
  });

  it('agrees with the RFC reference implementation on arbitrary JSON, in any key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const expected = canonicalize(value);
        expect(canonicalJson(value)).toBe(expected);
        expect(canonicalJson(reversedKeys(value))).toBe(expected);
        // its own output is a fixed point: parsing and canonicalising again changes nothing
        expect(canonicalJson(JSON.parse(expected ?? 'null'))).toBe(expected);
      }),
      { seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
  });

  it('agrees with the reference on awkward strings (lone surrogates, controls, RTL marks)', () => {
    const awkward = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.dictionary(awkward, awkward), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

describe('fingerprints issued before the archive and memo helpers became one', () => {
  it('the sample memo (version 1, issued) keeps its fingerprint', async () => {
    // The memo content as composed then, members in insertion order, not canonical order.
    const content = JSON.parse(
      readFileSync(join(FIXTURES, 'sample-memo-content.json'), 'utf8'),
    ) as unknown;
    expect(await contentFingerprint(content)).toBe(
      'bd4d1c2eac7c2f7ede6a9c3879dadb41f8d1e822651fce34c1eab07a81d5b4b7',
    );
  });

  it('an archive exported before still passes its checksum', async () => {
    const text = readFileSync(join(FIXTURES, 'sample.engagement.json'), 'utf8');
    const parsed = await parseArchiveText(text, 'sample.engagement.json');
    const raw = JSON.parse(text) as { content: unknown };
    expect(parsed.checksum).toBe(
      '2a4fa03c204887eaadaaa1bcdca4ce42cc3394789a61ba619538e6403338f5de',
    );
    expect(await sha256Hex(canonicalJson(raw.content))).toBe(parsed.checksum);
  });
});
