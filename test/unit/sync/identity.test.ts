import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BadSignatureError,
  ENVELOPE_BYTES,
  fingerprint,
  formatRecoveryKey,
  fromB64,
  newSecretKey,
  openSigned,
  parseRecoveryKey,
  signFile,
  signerFromSecret,
  toB64,
} from '../../../shared/sync/identity';

const FC = { seed: 12, numRuns: 200 };

describe('signed files', () => {
  it('open with the signer’s key at the signed path; refused anywhere else, by anyone else, altered', async () => {
    const alice = await signerFromSecret(newSecretKey());
    const mallory = await signerFromSecret(newSecretKey());
    const path = 'devices/a/seg-00000001.jsonl';
    const inner = new TextEncoder().encode('hello');
    const signed = await signFile(alice, path, inner);
    expect(signed.length).toBe(inner.length + ENVELOPE_BYTES);
    expect((await openSigned(signed, path, alice.publicKey)).inner).toEqual(inner);
    expect((await openSigned(signed, path, null)).key).toEqual(alice.publicKey);
    await expect(openSigned(signed, 'devices/b/seg-00000001.jsonl', null)).rejects.toThrow(
      BadSignatureError,
    );
    await expect(openSigned(signed, path, mallory.publicKey)).rejects.toThrow(/another key/);
    const altered = signed.slice();
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    await expect(openSigned(altered, path, alice.publicKey)).rejects.toThrow(/bad signature/);
    // the key inside swapped for another: the signature no longer fits
    const swapped = signed.slice();
    swapped.set(mallory.publicKey, 4);
    await expect(openSigned(swapped, path, null)).rejects.toThrow(/bad signature/);
    await expect(openSigned(inner, path, null)).rejects.toThrow(/not signed/);
  });

  it('never opens random bytes (property)', async () => {
    const alice = await signerFromSecret(newSecretKey());
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const framed = new Uint8Array([0x45, 0x57, 0x47, 0x31, ...bytes]);
        await expect(openSigned(framed, 'p', alice.publicKey)).rejects.toThrow(BadSignatureError);
      }),
      { ...FC, numRuns: 50 },
    );
  });

  it('fingerprints are four groups of four hex digits, stable per key', async () => {
    const key = (await signerFromSecret(newSecretKey())).publicKey;
    const print = await fingerprint(key);
    expect(print).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    expect(await fingerprint(key)).toBe(print);
  });
});

describe('recovery keys and base64 (parsers)', () => {
  it('a recovery key round-trips through its printed form, whatever the case and spacing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.boolean(), (secret, up) => {
        const printed = formatRecoveryKey(secret);
        expect(printed).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){15}$/);
        const typed = up ? printed.toUpperCase().replaceAll('-', ' ') : printed;
        expect(parseRecoveryKey(typed)).toEqual(secret);
      }),
      FC,
    );
  });

  it('anything else is not a recovery key, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseRecoveryKey(text);
        if (parsed !== null) expect(parsed.length).toBe(32);
      }),
      FC,
    );
    expect(parseRecoveryKey('ab'.repeat(31))).toBeNull();
    expect(parseRecoveryKey('zz'.repeat(32))).toBeNull();
    expect(parseRecoveryKey('a'.repeat(10_000))).toBeNull();
  });

  it('base64 with a length: exact or null, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(fromB64(toB64(bytes))).toEqual(bytes);
        expect(fromB64(toB64(bytes), 32)).toEqual(bytes.length === 32 ? bytes : null);
      }),
      FC,
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const out = fromB64(value, 32);
        expect(out === null || out.length === 32).toBe(true);
      }),
      FC,
    );
  });
});
