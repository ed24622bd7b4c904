import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  portableFromBase64,
  portableToBase64,
} from '../../../shared/encoding/base64';

const U8 = Uint8Array as unknown as {
  fromBase64?: (text: string) => Uint8Array;
  prototype: { toBase64?: (this: Uint8Array) => string };
};

afterEach(() => {
  delete U8.fromBase64;
  delete U8.prototype.toBase64;
});

describe('base64', () => {
  it('portable encoding agrees with Node, and round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const text = portableToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(portableFromBase64(text)).toEqual(bytes);
      }),
      { seed: 16, numRuns: 60 },
    );
  });

  it('refuses a text that is not base64', () => {
    expect(() => portableFromBase64('not base64!')).toThrow();
    expect(() => base64ToBytes('a')).toThrow();
  });

  it('uses the engine’s native helpers when it has them (Chromium 140+)', () => {
    let used = 0;
    U8.fromBase64 = (text) => {
      used += 1;
      return new Uint8Array(Buffer.from(text, 'base64'));
    };
    U8.prototype.toBase64 = function (this: Uint8Array) {
      used += 1;
      return Buffer.from(this).toString('base64');
    };
    const bytes = Uint8Array.from([0, 1, 2, 250, 251, 255]);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(used).toBe(2);
  });
});
