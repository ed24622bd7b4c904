import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { ArchiveError, ZIP_LIMITS, readArchiveZip, writeArchiveZip } from '../../../shared/archive';

const small = { ...ZIP_LIMITS, attachmentBytes: 4096, recordsBytes: 4096, totalBytes: 16_384 };

describe('reading a zip, whatever its bytes (fast-check, fixed seed)', () => {
  it('a damaged zip is refused with an ArchiveError or read with every file matching its name', async () => {
    const files = new Map<string, Uint8Array>();
    for (const text of ['one', 'two', 'three'.repeat(200)]) {
      const bytes = new TextEncoder().encode(text);
      files.set(await sha256Hex(bytes), bytes);
    }
    const good = await writeArchiveZip('{"format":"x"}', files, '2026-11-26T15:00:00.000Z');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(good.length),
        async (edits, cut) => {
          const bytes = new Uint8Array(good.subarray(0, Math.max(cut, 4)));
          for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
          try {
            const read = await readArchiveZip(bytes, 'x.zip', small);
            for (const [sha, data] of read.attachments) expect(await sha256Hex(data)).toBe(sha);
          } catch (error) {
            expect(error).toBeInstanceOf(ArchiveError);
          }
        },
      ),
      { seed: 1616, numRuns: 300 },
    );
  });

  it('random bytes are refused with an ArchiveError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const withMagic = new Uint8Array([0x50, 0x4b, 3, 4, ...bytes]);
        for (const input of [bytes, withMagic]) {
          await expect(readArchiveZip(input, 'x.zip', small)).rejects.toBeInstanceOf(ArchiveError);
        }
      }),
      { seed: 1617, numRuns: 300 },
    );
  });
});
