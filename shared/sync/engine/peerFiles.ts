/**
 * Reading one file of a peer: verified, decoded into lines; a file that cannot be used is reported once and retried with back-off.
 */
import { TamperedFileError } from '../crypto';
import { UnsealedFileError } from '../fileReader';
import { type FolderEntry, folderErrorCode } from '../folder';
import { decodeLines } from '../format';
import { BadSignatureError } from '../identity';
import { FileTooLargeError } from '../limits';
import type { EngineCtx } from './context';
import { readPlain } from './io';
import type { PeerTrust } from './peerLines';
import type { SyncWarning } from './types';

/** A device's name for messages: its published name and id. */
export function deviceLabel(ctx: EngineCtx, deviceId: string): string {
  const name = ctx.lastDevices.get(deviceId)?.name;
  return name ? `"${name}" (${deviceId})` : deviceId;
}

export const skipFailing = (ctx: EngineCtx, path: string, entry: FolderEntry): boolean =>
  ctx.failures.skip(path, entry, ctx.roundNo);

/**
 * Reports a file that could not be used (once while it stays the same: it is then retried
 * after 2, 4, 8... up to 64 rounds) and resolves true; false for errors that are not the
 * file's fault (the caller rethrows them).
 */
export function fileFailed(
  ctx: EngineCtx,
  error: unknown,
  peer: string,
  path: string,
  entry: FolderEntry | undefined,
  warnings: SyncWarning[],
): boolean {
  const warning = failureWarning(error, path, deviceLabel(ctx, peer));
  if (warning === null) return false;
  if (ctx.failures.record(path, entry, ctx.roundNo)) {
    warnings.push({ ...warning, deviceId: peer, path });
  }
  return true;
}

/** What to say of a file that failed; null when the error is not the file's fault. */
function failureWarning(
  error: unknown,
  path: string,
  who: string,
): Pick<SyncWarning, 'code' | 'message'> | null {
  if (error instanceof BadSignatureError) {
    return {
      code: 'bad-signature',
      message: `${path} is not validly signed by ${who} (${error.message.slice(path.length + 2)}): ignored.`,
    };
  }
  if (error instanceof UnsealedFileError) {
    return {
      code: 'unsealed-file',
      message: `${path} (${who}) is not encrypted, in an encrypted folder: refused.`,
    };
  }
  if (error instanceof FileTooLargeError || folderErrorCode(error) === 'TOOBIG') {
    return {
      code: 'too-large',
      message: `${path} (${who}) is larger than any file of its kind may be: not read.`,
    };
  }
  if (error instanceof TamperedFileError) {
    return {
      code: 'tampered-file',
      message: `${path} failed authentication (altered, or still arriving); it is ignored.`,
    };
  }
  if (folderErrorCode(error) === 'OUTSIDE') {
    return {
      code: 'fs-error',
      message: `${path} (${who}) was refused (a link out of the folder): not read.`,
    };
  }
  return null;
}

type Lines = ReturnType<typeof decodeLines> & { bytes: Uint8Array };

/**
 * A peer's segment or snapshot as lines: verified and opened (failures reported once, in
 * back-off), decoded; damaged data and lines reported. Null when missing or not usable.
 */
export async function readLinesOf(
  ctx: EngineCtx,
  path: string,
  peer: string,
  warnings: SyncWarning[],
  how: {
    kind: 'segment' | 'snapshot';
    trust: PeerTrust;
    proper?: string;
    entry?: FolderEntry | undefined;
    started?: Promise<Uint8Array | null>;
  },
): Promise<Lines | null> {
  let file: Awaited<ReturnType<typeof readPlain>>;
  if (how.entry && skipFailing(ctx, path, how.entry)) return null;
  try {
    file = await readPlain(ctx, path, how.kind, how.trust.key, {
      ...(how.proper ? { proper: how.proper } : {}),
      ...(how.entry ? { size: how.entry.size } : {}),
      ...(how.started ? { started: how.started } : {}),
    });
  } catch (error) {
    if (fileFailed(ctx, error, peer, path, how.entry, warnings)) return null;
    const code = folderErrorCode(error);
    warnings.push({
      code: 'fs-error',
      deviceId: peer,
      path,
      message: `${code} reading ${path}; will retry.`,
    });
    return null;
  }
  return file === null ? null : linesOf(ctx, file, path, peer, how.entry, warnings);
}

/** Decodes an opened file; damaged data (read again only after 64 rounds) and lines reported. */
function linesOf(
  ctx: EngineCtx,
  file: NonNullable<Awaited<ReturnType<typeof readPlain>>>,
  path: string,
  peer: string,
  entry: FolderEntry | undefined,
  warnings: SyncWarning[],
): Lines {
  const read = decodeLines(file.text);
  // A cut in a gzipped file can fall on a line boundary: the file is still incomplete.
  const decoded = file.truncated ? { ...read, incompleteTail: true } : read;
  if (file.damaged) {
    warnings.push({
      code: 'bad-lines',
      deviceId: peer,
      path,
      message: `${path} has damaged compressed data (or inflates past its limit); the lines before the damage were read.`,
    });
    ctx.failures.record(path, entry, ctx.roundNo, 64);
  }
  if (decoded.badLines > 0) {
    warnings.push({
      code: 'bad-lines',
      deviceId: peer,
      path,
      message: `${decoded.badLines} damaged line(s) in ${path} were skipped.`,
    });
  }
  return { ...decoded, bytes: file.bytes };
}
