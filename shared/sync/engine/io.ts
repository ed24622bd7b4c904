/**
 * Reading and writing the folder's files through the folder's policy: sealed, signed, compressed as the folder says.
 */
import { gzipBytes, isGzip } from '../compression';
import { sealFile } from '../crypto';
import { UnsealedFileError, readFolderFile } from '../fileReader';
import { folderErrorCode } from '../folder';
import { FORMAT_FILE, fromBytes } from '../format';
import { fromB64, signFile } from '../identity';
import { FILE_LIMITS, type FileKindName } from '../limits';
import type { EngineCtx } from './context';

/**
 * Reads a file as plain text: opened when sealed, decompressed when gzipped (as far as it
 * goes: `truncated` when the download is still arriving, `damaged` when junk follows the
 * data); null when missing. `started`: the folder read of this path, already under way.
 */
export async function readPlain(
  ctx: EngineCtx,
  path: string,
  kind: FileKindName,
  signerKey: Uint8Array | null,
  more: { proper?: string; size?: number; started?: Promise<Uint8Array | null> } = {},
): ReturnType<typeof readFolderFile> {
  ctx.policy.key = ctx.key;
  ctx.policy.signed = ctx.signed;
  // Signed device.json and roster.json may be unsealed: a decision to turn encryption off is
  // read there by devices whose keys.json is gone; they hold no client data.
  ctx.policy.sealOptional = ctx.retired || (ctx.signed && (kind === 'device' || kind === 'roster'));
  return readFolderFile(ctx.policy, path, kind, { signer: signerKey, ...more });
}

/**
 * Writes plain bytes: segments and snapshots gzipped in a folder of format 2 or later, then
 * sealed when the folder is encrypted (compressed first: ciphertext does not compress).
 */
export async function writePlain(ctx: EngineCtx, path: string, plain: Uint8Array): Promise<void> {
  const data =
    ctx.compressFiles && path.endsWith('.jsonl') && !isGzip(plain) ? gzipBytes(plain) : plain;
  const sealed = ctx.key && !ctx.retired ? await sealFile(ctx.key, path, data) : data;
  if (ctx.signed && !ctx.signer) throw new Error('This sync folder needs a device key to write.');
  await ctx.folder.write(
    path,
    ctx.signed && ctx.signer ? await signFile(ctx.signer, path, sealed) : sealed,
  );
}

export async function readJson<T>(
  ctx: EngineCtx,
  path: string,
  kind: FileKindName,
  signerKey: Uint8Array | null,
  size?: number,
): Promise<T | null> {
  const file = await readPlain(ctx, path, kind, signerKey, size === undefined ? {} : { size });
  if (file === null) return null;
  try {
    return JSON.parse(file.text) as T;
  } catch {
    return null;
  }
}

/** The signing key of a device as bytes (null for this device in an unsigned folder). */
export const keyBytes = (b64: string | undefined): Uint8Array | null =>
  b64 === undefined ? null : fromB64(b64, 32);

export async function readJsonRaw<T>(
  ctx: EngineCtx,
  path: string,
  kind: FileKindName,
): Promise<T | 'missing' | 'bad'> {
  let bytes: Uint8Array | null;
  try {
    bytes = await ctx.folder.read(path, FILE_LIMITS[kind].stored);
  } catch (error) {
    if (folderErrorCode(error) === 'TOOBIG') return 'bad';
    throw error;
  }
  if (path === FORMAT_FILE && bytes !== null) ctx.formatText = fromBytes(bytes);
  if (bytes === null) return 'missing';
  try {
    return JSON.parse(fromBytes(bytes)) as T;
  } catch {
    return 'bad';
  }
}

/** Reads one of this device's own files without requiring it sealed (turning encryption on). */
export function readOwnPlain(
  ctx: EngineCtx,
  path: string,
  kind: FileKindName,
  started?: Promise<Uint8Array | null>,
) {
  const policy = { ...ctx.policy, key: ctx.key, signed: ctx.signed, sealOptional: ctx.retired };
  return readFolderFile(policy, path, kind, {
    signer: keyBytes(ctx.myKey ?? undefined),
    ...(started ? { started } : {}),
  }).catch((error: unknown) => {
    if (!(error instanceof UnsealedFileError)) throw error;
    return readFolderFile({ ...ctx.policy, key: null, signed: ctx.signed }, path, kind, {
      signer: keyBytes(ctx.myKey ?? undefined),
      ...(started ? { started } : {}),
    });
  });
}
