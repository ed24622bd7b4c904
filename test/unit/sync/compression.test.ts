import { describe, expect, it } from 'vitest';
import { gunzipPrefix, gzipBytes, isGzip } from '../../../shared/sync/compression';

const text = Array.from(
  { length: 3_000 },
  (_, i) => `0a1b2c3d {"p":${i},"c":{"title":"Weekly batch job ${i} fails","n":${i * 7919}}}\n`,
).join('');
const plain = new TextEncoder().encode(text);
const gz = gzipBytes(plain);

describe('segment compression', () => {
  it('round-trips, the same text always giving the same bytes', () => {
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(plain)).toBe(false);
    expect(gz.length).toBeLessThan(plain.length / 4);
    expect(gzipBytes(plain)).toEqual(gz);
    const back = gunzipPrefix(gz);
    expect(back).toMatchObject({ truncated: false, damaged: false });
    expect(new TextDecoder().decode(back.bytes)).toBe(text);
  });

  it('a cut anywhere is truncated, never whole, and gives a prefix of the text', () => {
    for (let cut = 0; cut < gz.length; cut += 97) {
      const part = gunzipPrefix(gz.subarray(0, cut));
      expect(part.truncated, `cut at ${cut}`).toBe(true);
      expect(part.damaged).toBe(false);
      expect(text.startsWith(new TextDecoder().decode(part.bytes))).toBe(true);
    }
    const half = gunzipPrefix(gz.subarray(0, gz.length >> 1));
    expect(half.bytes.length).toBeGreaterThan(0);
  });

  it('junk after the data, or a damaged stream, is reported; what came before is kept', () => {
    const junk = new Uint8Array([...gz, ...new TextEncoder().encode('zzzz garbage\n')]);
    const withJunk = gunzipPrefix(junk);
    expect(withJunk.damaged).toBe(true);
    expect(new TextDecoder().decode(withJunk.bytes)).toBe(text);
    const broken = gz.slice();
    broken.fill(0xff, 200, 260);
    const damaged = gunzipPrefix(broken);
    expect(damaged.damaged || damaged.truncated).toBe(true);
  });

  it('stops at the size limit (a decompression bomb is damaged, not a crash)', () => {
    const bomb = gzipBytes(new Uint8Array(4 * 1024 * 1024));
    const out = gunzipPrefix(bomb, 1024 * 1024);
    expect(out.damaged).toBe(true);
    expect(out.bytes.length).toBeLessThanOrEqual(1024 * 1024);
  });
});
