import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../shared/canonical/sha256';
import { inlineBlobCrypto, TAMPERED_BLOB_PROBLEM } from '../../../shared/sync/blobCrypto';
import { createWorkspaceKey, sealFile } from '../../../shared/sync/crypto';

const PATH = 'devices/d1/blobs/abc';
const bytes = new TextEncoder().encode('iostat: sda 97% util\n');
const refOf = async (b: Uint8Array) => ({ sha256: await sha256Hex(b), size: b.byteLength });

describe('the blob step’s per-file cryptography', () => {
  it('opens a sealed file for its path and checks it against the record', async () => {
    const { key } = await createWorkspaceKey('a long passphrase', 1_000);
    const ref = await refOf(bytes);
    const sealed = await sealFile(key, PATH, bytes);
    expect(await inlineBlobCrypto.open(ref, PATH, sealed, key)).toEqual({ ok: true, bytes });
    // moved to another path, one byte changed, cut short: the encryption check fails
    for (const [path, raw] of [
      ['devices/d2/blobs/abc', sealed],
      [PATH, sealed.map((b, i) => (i === sealed.length - 1 ? b ^ 1 : b))],
      [PATH, sealed.subarray(0, sealed.length - 1)],
    ] as const) {
      expect(await inlineBlobCrypto.open(ref, path, raw, key)).toEqual({
        ok: false,
        problem: TAMPERED_BLOB_PROBLEM,
      });
    }
  });

  it('refuses plain bytes in an encrypted folder, and bytes that are not the record’s', async () => {
    const { key } = await createWorkspaceKey('a long passphrase', 1_000);
    const ref = await refOf(bytes);
    expect(await inlineBlobCrypto.open(ref, PATH, bytes, key)).toEqual({
      ok: false,
      problem: 'it is not encrypted, in an encrypted folder',
    });
    const other = new TextEncoder().encode('iostat: sda 12% util\n');
    const wrong = await inlineBlobCrypto.open(ref, PATH, other, null);
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problem).toMatch(/its SHA-256 is .* not the .* record names/);
    const short = await inlineBlobCrypto.open(ref, PATH, bytes.subarray(1), null);
    expect(!short.ok && short.problem).toMatch(/where the attachment record says/);
  });

  it('seals only bytes that are the record’s, for the path they are written to', async () => {
    const { key } = await createWorkspaceKey('a long passphrase', 1_000);
    const ref = await refOf(bytes);
    const sealed = await inlineBlobCrypto.seal(ref, PATH, bytes, key);
    expect(sealed).not.toBeNull();
    expect(await inlineBlobCrypto.open(ref, PATH, sealed as Uint8Array, key)).toEqual({
      ok: true,
      bytes,
    });
    expect(await inlineBlobCrypto.seal(ref, PATH, bytes.subarray(1), key)).toBeNull();
    expect(await inlineBlobCrypto.seal(ref, PATH, bytes, null)).toBe(bytes);
  });
});
