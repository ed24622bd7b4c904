import { describe, expect, it } from 'vitest';
import { canonicalJson, composeMemo, contentFingerprint, sha256Hex } from '../../../shared/memo';
import { sample, sampleMemoOptions } from './fixtures';

describe('canonicalJson (RFC 8785 style)', () => {
  it('sorts members by UTF-16 code units, drops undefined, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe(
      '{"a":[true,null,"x"],"b":1}',
    );
    // "é" (U+00E9) sorts after "z"; an astral character's high surrogate after both
    expect(canonicalJson({ '😀': 1, é: 2, z: 3, A: 4 })).toBe('{"A":4,"z":3,"é":2,"😀":1}');
    expect(canonicalJson({ n: 1e21, m: -0, f: 0.1 })).toBe('{"f":0.1,"m":0,"n":1e+21}');
    expect(canonicalJson('line\nbreak "quoted" \u2028')).toBe('"line\\nbreak \\"quoted\\" \u2028"');
  });

  it('gives the same text whatever the insertion order', () => {
    expect(canonicalJson({ x: { b: 2, a: 1 }, y: [3] })).toBe(
      canonicalJson({ y: [3], x: { a: 1, b: 2 } }),
    );
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/non-finite/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });
});

describe('fingerprint', () => {
  it('is the SHA-256 of the UTF-8 bytes', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('depends on the content only: same records and options give the same fingerprint', async () => {
    const a = sample();
    const b = sample();
    const first = await composeMemo(a, sampleMemoOptions(a), 'issued');
    const second = await composeMemo(b, sampleMemoOptions(b), 'draft');
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.canonical).toBe(first.canonical);
    expect(first.fingerprint).toBe(await contentFingerprint(JSON.parse(first.canonical)));
    // no instant of export in the canonical content: only the memo's own date
    expect(first.canonical).not.toMatch(/"(exportedAt|generatedAt|now)"/);
  });

  it('changes when a word of the content changes', async () => {
    const data = sample();
    const before = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const issue = data.raisedIssues.find((i) => i.id === before.memo.items[0]?.id);
    if (!issue) throw new Error('no issue');
    issue.recommendation = `${issue.recommendation}!`;
    const after = await composeMemo(data, sampleMemoOptions(data), 'issued');
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });
});
