import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeMemo, htmlOf } from '../../../shared/memo';
import { LOGO_MAX_BYTES, checkLogo, memoLogoOf, printableLogo } from '../../../shared/memo/logo';
import { PRINT_DOCUMENT_CSP, renderMemoHtml } from '../../../shared/memo/renderHtml';
import { engagementSchema } from '../../../shared/model/engagement';
import { sample, sampleMemoOptions } from './fixtures';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A real RGB PNG: a navy band over an orange one, `width` x `height`. */
export function pngBytes(width: number, height: number, pad = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(...(y < height / 2 ? [20, 40, 110] : [240, 130, 20]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    ...(pad > 0 ? [chunk('tEXt', Buffer.alloc(pad, 0x41))] : []),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const png = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;

/** A minimal JPEG header: SOI, an APP0 segment, then SOF0 with the size. */
function jpegBytes(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, ...Array(9).fill(0), 0xff, 0xd9]);
}

describe('letterhead logo: checked by its bytes', () => {
  it('accepts a PNG and a JPEG, reading their sizes', () => {
    const p = checkLogo(png(pngBytes(120, 40)));
    expect(p.ok && [p.logo.mediaType, p.logo.width, p.logo.height]).toEqual(['image/png', 120, 40]);
    const j = checkLogo(`data:image/jpeg;base64,${jpegBytes(300, 90).toString('base64')}`);
    expect(j.ok && [j.logo.mediaType, j.logo.width, j.logo.height]).toEqual([
      'image/jpeg',
      300,
      90,
    ]);
  });

  it('refuses SVG, other types, lying types, damaged and oversized images', () => {
    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg onload="alert(1)"/>').toString('base64')}`;
    const cases: Array<[unknown, string]> = [
      [svg, 'SVG can carry script'],
      ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'must be a PNG or JPEG image'],
      ['https://example.com/logo.png', 'must be a PNG or JPEG image'],
      [42, 'must be an image'],
      // a JPEG declared as PNG, a PNG declared as JPEG
      [`data:image/png;base64,${jpegBytes(10, 10).toString('base64')}`, 'is not a PNG image'],
      [`data:image/jpeg;base64,${pngBytes(10, 10).toString('base64')}`, 'is not a JPEG image'],
      ['data:image/png;base64,!!!!', 'damaged data'],
      // base64 with whitespace: not the one spelling of the bytes
      [`data:image/png;base64,${pngBytes(4, 4).toString('base64').replace('A', ' A')}`, 'damaged'],
      [png(pngBytes(5_000, 1)), 'must be 1 to 4000 pixels'],
      [png(pngBytes(0, 0)), 'must be 1 to 4000 pixels'],
      [png(pngBytes(10, 10, LOGO_MAX_BYTES)), 'must be at most 200 KB'],
      [png(pngBytes(10, 10).subarray(0, 20)), 'is not a PNG image'],
    ];
    for (const [input, reason] of cases) {
      const result = checkLogo(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(reason);
    }
  });

  it('never throws on any bytes (property, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('image/png', 'image/jpeg'),
        (bytes, type) => {
          const withMagic = Uint8Array.from([
            ...(type === 'image/png'
              ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
              : [0xff, 0xd8, 0xff]),
            ...bytes,
          ]);
          const result = checkLogo(
            `data:${type};base64,${Buffer.from(withMagic).toString('base64')}`,
          );
          if (result.ok) {
            expect(result.logo.width).toBeGreaterThan(0);
            expect(result.logo.width).toBeLessThanOrEqual(4_000);
          }
        },
      ),
      { seed: 13, numRuns: 1_000 },
    );
  });
});

describe('the logo in the memo', () => {
  const logo = png(pngBytes(120, 40));

  it('its SHA-256 is in the fingerprinted content, the bytes are not; absent without a logo', async () => {
    const plain = sample();
    const withLogo = sample();
    withLogo.engagement.memoLogo = logo;
    expect(engagementSchema.safeParse(withLogo.engagement).success).toBe(true);
    const a = await composeMemo(plain, sampleMemoOptions(plain), 'issued');
    const b = await composeMemo(withLogo, sampleMemoOptions(withLogo), 'issued');
    expect(a.canonical).not.toContain('"logo"');
    expect(a.logo).toBeUndefined();
    const model = memoLogoOf(logo);
    expect(b.memo.logo).toEqual(model);
    expect(b.canonical).toContain(model?.sha256);
    expect(b.canonical).not.toContain(logo.slice(30, 60));
    expect(b.fingerprint).not.toBe(a.fingerprint);
    // another logo, another fingerprint
    const other = sample();
    other.engagement.memoLogo = png(pngBytes(121, 40));
    const c = await composeMemo(other, sampleMemoOptions(other), 'issued');
    expect(c.fingerprint).not.toBe(b.fingerprint);
  });

  it('prints the image only when it is the one the content names; the CSP allows data: images only', async () => {
    const data = sample();
    data.engagement.memoLogo = logo;
    const composed = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const html = htmlOf(composed, 'issued');
    expect(html).toContain(`<img src="${logo}" alt="Logo" width="120" height="40">`);
    expect(PRINT_DOCUMENT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    // a swapped image (a synced record holding another picture) is not printed
    const swapped = png(pngBytes(64, 64));
    const options = { fingerprint: composed.fingerprint, state: 'issued' as const };
    expect(renderMemoHtml(composed.memo, { ...options, logo: swapped })).not.toContain('<img');
    expect(printableLogo(composed.memo.logo, swapped)).toBeNull();
    expect(printableLogo(undefined, logo)).toBeNull();
  });

  it('an engagement refuses an SVG logo', () => {
    const data = sample();
    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`;
    expect(engagementSchema.safeParse({ ...data.engagement, memoLogo: svg }).success).toBe(false);
    expect(engagementSchema.safeParse({ ...data.engagement, memoLogo: '' }).success).toBe(true);
  });
});
