// Test helpers for zips too large to build in memory: a zip of STORED entries written straight
// to disk, and the app's streaming import of a zip on disk (main's transfers, the window's
// sendZip, the worker's intake), wired together without the IPC and the Worker in between.
import { createHash, randomFillSync } from 'node:crypto';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { WorkbenchClient } from '../../../shared/ipc/client';
import type { FileTransfers } from '../../../electron/main/backups/transfers';
import { sendZip } from '../../../renderer/src/features/data/archiveReader';
import type {
  WorkerRequest,
  WorkerResponse,
} from '../../../renderer/src/features/data/archiveWorkerProtocol';
import { createZipIntake, type ZipIntake } from '../../../renderer/src/features/data/zipIntake';
import type { CheckedZip } from '../../../renderer/db/archive';
import type { ZipLimits } from '../../../shared/archive';

/** One entry: its name and its bytes, given in pieces (so a large one is never whole). */
export interface StoredEntry {
  name: string;
  pieces: () => Iterable<Uint8Array>;
}

/** Writes a zip of STORED entries to `path`, piece by piece; returns its size. */
export async function writeStoredZip(
  path: string,
  entries: readonly StoredEntry[],
): Promise<number> {
  const file = await open(path, 'w');
  const directory: Buffer[] = [];
  let at = 0;
  try {
    for (const entry of entries) {
      const name = Buffer.from(entry.name, 'latin1');
      const offset = at;
      at += 30 + name.length;
      let size = 0;
      let crc = 0;
      for (const piece of entry.pieces()) {
        await file.write(piece, 0, piece.length, at);
        crc = crc32(piece, crc);
        size += piece.length;
        at += piece.length;
      }
      const local = header(0x04034b50, 30, name, { crc, size });
      await file.write(local, 0, local.length, offset);
      directory.push(header(0x02014b50, 46, name, { crc, size, offset }));
    }
    const dir = Buffer.concat(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(at, 16);
    await file.write(Buffer.concat([dir, end]), 0, dir.length + 22, at);
    return at + dir.length + 22;
  } finally {
    await file.close();
  }
}

/** A local (30 bytes) or central (46 bytes) header of a stored entry. */
function header(
  signature: number,
  fixed: number,
  name: Buffer,
  e: { crc: number; size: number; offset?: number },
): Buffer {
  const out = Buffer.alloc(fixed + name.length);
  const central = fixed === 46;
  const shift = central ? 2 : 0; // the central header has "version made by" first
  out.writeUInt32LE(signature, 0);
  out.writeUInt16LE(20, 4);
  if (central) out.writeUInt16LE(20, 6);
  out.writeUInt32LE(e.crc >>> 0, 14 + shift);
  out.writeUInt32LE(e.size, 18 + shift);
  out.writeUInt32LE(e.size, 22 + shift);
  out.writeUInt16LE(name.length, 26 + shift);
  if (central) out.writeUInt32LE(e.offset ?? 0, 42);
  name.copy(out, fixed);
  return out;
}

/** `size` random bytes in 1 MiB pieces, and their SHA-256 once all were given out. */
export function randomPieces(size: number): { pieces: Uint8Array[]; sha256: string } {
  const pieces: Uint8Array[] = [];
  const hash = createHash('sha256');
  for (let left = size; left > 0; left -= 1 << 20) {
    const piece = randomFillSync(new Uint8Array(Math.min(left, 1 << 20)));
    hash.update(piece);
    pieces.push(piece);
  }
  return { pieces, sha256: hash.digest('hex') };
}

/**
 * Reads a zip on disk as the app does: main's transfer (opened with its size limit), the
 * window's sendZip, and the worker's intake answering each message. Resolves to the checked zip;
 * `maxHeld` reports the most bytes of the zip handed over at once.
 */
export async function readZipAsTheAppDoes(
  transfers: FileTransfers,
  path: string,
  limits?: ZipLimits,
): Promise<{ checked: CheckedZip; maxPiece: number }> {
  const opened = await transfers.openRead(path);
  const client = {
    call: (channel: string, request: Record<string, unknown>) => {
      if (channel === 'file.close') return transfers.close(request.token as string);
      const r = request as { token: string; maxBytes?: number; encoding?: 'base64'; at?: number };
      return transfers.read(r.token, r.maxBytes, r.encoding, r.at);
    },
  } as unknown as WorkbenchClient;
  let intake: ZipIntake | null = null;
  let checked: CheckedZip | null = null;
  let maxPiece = 0;
  let waiting: ((m: WorkerResponse) => void) | null = null;
  const answer = (step: Promise<unknown>) =>
    void step.then(
      (done) => waiting?.({ type: done ? 'checked' : 'ack' } as WorkerResponse),
      (error: unknown) =>
        waiting?.({
          type: 'error',
          message: String(error),
          ...(error as object),
        } as WorkerResponse),
    );
  const post = (m: WorkerRequest) => {
    if (m.type === 'zip-start') {
      answer(Promise.resolve().then(() => void (intake = createZipIntake(m, () => {}, limits))));
    } else if (m.type === 'zip-piece') {
      maxPiece = Math.max(maxPiece, (m.data.length / 4) * 3);
      answer(intake!.push(m.data));
    } else if (m.type === 'zip-end') {
      answer(intake!.end().then((c) => (checked = c)));
    }
  };
  const next = () => new Promise<WorkerResponse>((resolve) => (waiting = resolve));
  const reply = await sendZip(
    client,
    { token: opened.token, name: opened.name },
    post,
    next,
    () => {},
  );
  if (reply.type === 'error') throw new Error(reply.message);
  if (!checked) throw new Error('the zip was not checked');
  return { checked, maxPiece };
}

/** The zip with `name`'s inflated size patched to `size` in its local header and directory. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const named = (at: number) =>
    new TextDecoder().decode(out.subarray(at, at + name.length)) === name;
  for (let i = 0; i + 4 <= out.length; i += 1) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && named(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && named(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}
