import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { ArchiveError, ZIP_LIMITS } from '../../../shared/archive';
import {
  isArchiveEntryName,
  readZipDirectory,
  type ZipFail,
} from '../../../shared/archive/zipDirectory';

const fail: ZipFail = (kind, message) => {
  throw new ArchiveError('x.zip', kind, [{ where: '', message }]);
};
const small = { ...ZIP_LIMITS, attachmentBytes: 4096, recordsBytes: 4096, totalBytes: 16_384 };
const good = zipSync({
  'engagement.json': new TextEncoder().encode('{}'),
  ['attachments/' + 'a'.repeat(64)]: new Uint8Array(100),
  ['attachments/' + 'b'.repeat(64)]: [new Uint8Array(300), { level: 9 }],
});

/** Reads `zip`'s directory; an ArchiveError is the only way it may fail. */
function read(zip: Uint8Array) {
  try {
    return readZipDirectory(zip, 0, zip.length, small, fail);
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    return null;
  }
}

describe('the central directory of a zip (fast-check, fixed seed)', () => {
  it('reads the directory the app writes: names, methods, sizes, in file order', () => {
    const entries = readZipDirectory(good, 0, good.length, small, fail);
    expect(entries.map((e) => [e.name.slice(0, 14), e.method, e.size])).toEqual([
      ['engagement.jso', 8, 2],
      ['attachments/aa', 8, 100],
      ['attachments/bb', 8, 300],
    ]);
  });

  it('damaged directories are refused with an ArchiveError, or read within every limit', () => {
    const dirAt = good.length - 22 - 3 * 46 - 15 - 2 * 76;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: dirAt, max: good.length - 1 }), fc.nat(255)), {
          minLength: 1,
          maxLength: 6,
        }),
        (edits) => {
          const zip = new Uint8Array(good);
          for (const [at, value] of edits) zip[at] = value;
          const entries = read(zip);
          if (!entries) return;
          let total = 0;
          let last = -1;
          for (const e of entries) {
            expect(isArchiveEntryName(e.name)).toBe(true);
            expect(e.size).toBeLessThanOrEqual(4096);
            expect(e.offset).toBeGreaterThan(last);
            last = e.offset;
            total += e.size;
          }
          expect(total).toBeLessThanOrEqual(16_384);
          expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
        },
      ),
      { seed: 1618, numRuns: 500 },
    );
  });

  it('random tails, with an end record planted anywhere, never throw anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 22, maxLength: 600 }), fc.nat(600), (bytes, at) => {
        const tail = new Uint8Array(bytes);
        const p = Math.min(at, tail.length - 22);
        new DataView(tail.buffer).setUint32(p, 0x06054b50, true);
        read(tail);
      }),
      { seed: 1619, numRuns: 500 },
    );
  });
});
