import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, crc32InSteps } from '../../../shared/archive/crc32';
import { createZipWriter, memorySink } from '../../../shared/archive/zipWriter';

const SEED = { seed: 20261207, numRuns: 60 };
const text = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
  it('gives the standard check value, and continues across pieces', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(text('6789'), crc32(text('12345')))).toBe(0xcbf43926);
  });

  it('gives the same in steps, pausing between them', async () => {
    const bytes = new Uint8Array(9 * 1024 * 1024).map((_, i) => (i * 131) % 256);
    let pauses = 0;
    const pause = async () => void (pauses += 1);
    expect(await crc32InSteps(bytes, pause)).toBe(zlibCrc32(bytes));
    expect(pauses).toBe(2); // 4 MiB steps
    expect(await crc32InSteps(new Uint8Array(0), pause)).toBe(0);
  });

  it('agrees with zlib on any bytes, split anywhere', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (bytes, cut) => {
        const at = Math.min(cut, bytes.length);
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
        expect(crc32(bytes.subarray(at), crc32(bytes.subarray(0, at)))).toBe(zlibCrc32(bytes));
      }),
      SEED,
    );
  });
});

describe('the streaming zip writer', () => {
  it('writes what another reader reads back, with sizes and CRCs in every local header', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.record({
            name: fc.stringMatching(/^[a-z0-9]{1,12}$/),
            data: fc.uint8Array({ maxLength: 2000 }),
            deflate: fc.boolean(),
          }),
          { selector: (e) => e.name, minLength: 1, maxLength: 6 },
        ),
        async (entries) => {
          const sink = memorySink();
          const zip = createZipWriter(sink, new Date('2026-12-07T23:59:58.000Z'));
          for (const e of entries) await zip.add(e.name, e.data, e.deflate ? 'deflate' : 'store');
          const size = await zip.end();
          const bytes = sink.bytes();
          expect(bytes.length).toBe(size);
          const read = unzipSync(bytes);
          expect(Object.keys(read).sort()).toEqual(entries.map((e) => e.name).sort());
          for (const e of entries) expect(read[e.name]).toEqual(e.data);
          // local headers: no data descriptor flag; the CRC and sizes are there
          const view = new DataView(bytes.buffer);
          let at = 0;
          for (const e of entries) {
            expect(view.getUint32(at, true)).toBe(0x04034b50);
            expect(view.getUint16(at + 6, true) & 8).toBe(0);
            expect(view.getUint32(at + 14, true)).toBe(zlibCrc32(e.data));
            expect(view.getUint32(at + 22, true)).toBe(e.data.length);
            at += 30 + e.name.length + view.getUint32(at + 18, true);
          }
        },
      ),
      SEED,
    );
  });

  it('dates entries in UTC, holds one entry at a time, and refuses a name twice', async () => {
    const chunks: number[] = [];
    const zip = createZipWriter(
      { write: async (chunk) => void chunks.push(chunk.length) },
      new Date('2026-12-07T23:59:58.000Z'),
    );
    const big = new Uint8Array(3_000_000);
    await zip.add('a', big, 'store');
    await zip.add('b', text('records'), 'deflate');
    await expect(zip.add('a', text('again'), 'store')).rejects.toThrow(/already holds a/);
    await zip.end();
    expect(Math.max(...chunks)).toBe(big.length); // the entry itself, never the zip whole
    const sink = memorySink();
    const dated = createZipWriter(sink, new Date('2026-12-07T23:59:58.000Z'));
    await dated.add('x', text('x'), 'store');
    await dated.end();
    const view = new DataView(sink.bytes().buffer);
    const date = view.getUint16(12, true);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 12, 7]);
    expect(view.getUint16(10, true)).toBe((23 << 11) | (59 << 5) | 29);
  });
});
