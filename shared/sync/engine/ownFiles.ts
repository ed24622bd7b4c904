/**
 * This device's own files in the folder: its head, and another installation writing under its id.
 */
import { newId } from '../../ids';
import { TamperedFileError, isSealed } from '../crypto';
import { folderErrorCode } from '../folder';
import {
  HEAD_FILE,
  type HeadFile,
  classifyFile,
  deviceDir,
  devicePath,
  segmentName,
} from '../format';
import { BadSignatureError, ENVELOPE_BYTES, isSigned } from '../identity';
import { FILE_LIMITS, FileTooLargeError } from '../limits';
import type { EngineCtx } from './context';
import { keyBytes, readOwnPlain } from './io';
import { readLinesOf } from './peerFiles';
import type { SyncWarning } from './types';

// ---------- duplicate device id ----------

/** The change ids published under a device id (every segment, copies included). */
export async function idsUnder(
  ctx: EngineCtx,
  deviceId: string,
  warnings: SyncWarning[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const entry of await ctx.folder.list(deviceDir(deviceId))) {
    const kind = classifyFile(entry.name);
    if (kind.kind !== 'segment') continue;
    const file = await readLinesOf(ctx, devicePath(deviceId, entry.name), deviceId, warnings, {
      kind: 'segment',
      trust: { key: keyBytes(ctx.myKey ?? undefined) },
      proper: devicePath(deviceId, segmentName(kind.n)),
      entry,
    });
    for (const line of file?.values ?? []) {
      const c = (line as { c?: { id?: unknown } }).c;
      if (typeof c?.id === 'string') ids.add(c.id);
    }
  }
  return ids;
}

export async function takeFreshId(
  ctx: EngineCtx,
  shipped: ReadonlySet<string>,
  warnings: SyncWarning[],
): Promise<{ from: string; to: string }> {
  const from = ctx.me;
  const to = ctx.options.regenerateDeviceId ? await ctx.options.regenerateDeviceId() : newId();
  const moved = await ctx.db.reassignDevice(from, to, shipped);
  ctx.me = to;
  warnings.push({
    code: 'duplicate-device-id',
    deviceId: from,
    message: `Another installation was writing as this device (copied profile or restored backup). This one now uses a new device id; ${moved} unpublished change(s) moved to it.`,
  });
  return { from, to };
}

/** This device's head in the folder (null when missing or not validly its own). */
export async function readOwnHead(
  ctx: EngineCtx,
): Promise<{ head: HeadFile | null; sealed: boolean }> {
  const path = devicePath(ctx.me, HEAD_FILE);
  let raw: Uint8Array | null;
  try {
    raw = await ctx.folder.read(path, FILE_LIMITS.head.stored);
  } catch (error) {
    if (folderErrorCode(error) === 'TOOBIG') return { head: null, sealed: false };
    throw error;
  }
  if (raw === null) return { head: null, sealed: false };
  const inner = ctx.signed && isSigned(raw) ? raw.subarray(ENVELOPE_BYTES) : raw;
  try {
    const file = await readOwnPlain(ctx, path, 'head', Promise.resolve(raw));
    const head = file ? (JSON.parse(file.text) as HeadFile) : null;
    return { head: typeof head === 'object' ? head : null, sealed: isSealed(inner) };
  } catch (error) {
    if (
      error instanceof TamperedFileError ||
      error instanceof BadSignatureError ||
      error instanceof FileTooLargeError ||
      error instanceof SyntaxError
    ) {
      // Sealed with a key this device no longer holds (encryption turned off): still sealed.
      return { head: null, sealed: error instanceof TamperedFileError && isSealed(inner) };
    }
    throw error;
  }
}
