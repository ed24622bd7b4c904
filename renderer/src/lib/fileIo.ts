import type { WorkbenchClient } from '@shared/ipc/client';
import type { FilePurpose } from '@shared/archive/ipcSchemas';
import { base64ToBytes, bytesToBase64 } from '@shared/encoding/base64';
import { concatBytes } from '@shared/encoding/concatBytes';

/** Progress of a file transfer: bytes done of total. */
export type TransferProgress = (done: number, total: number) => void;

/** Bytes per piece sent to the main process when saving. */
const WRITE_PIECE_CHARS = 2 * 1024 * 1024;

/**
 * Reads a file the main process opened (file.openDialog / backup.open) piece by piece, handing
 * each piece to `onPiece` (a worker, a buffer) and reporting progress; the window stays
 * responsive because each piece is one IPC round trip.
 */
export async function readPieces(
  client: WorkbenchClient,
  token: string,
  onPiece: (text: string) => void,
  onProgress?: TransferProgress,
): Promise<void> {
  try {
    for (;;) {
      const piece = await client.call('file.read', { token });
      if (piece.text !== '') onPiece(piece.text);
      onProgress?.(piece.bytesRead, piece.size);
      if (piece.done) return;
    }
  } catch (error) {
    // Do not leave the file open in the main process.
    await client.call('file.close', { token }).catch(() => undefined);
    throw error;
  }
}

/** Reads a whole opened file into one string (CSV files, small archives). */
export async function readWholeFile(
  client: WorkbenchClient,
  token: string,
  onProgress?: TransferProgress,
): Promise<string> {
  const parts: string[] = [];
  await readPieces(client, token, (t) => parts.push(t), onProgress);
  return parts.join('');
}

/** Asks for a file to open; null when the user cancelled. */
export async function pickFile(
  client: WorkbenchClient,
  purpose: FilePurpose,
  title: string,
): Promise<{ token: string; name: string; size: number } | null> {
  const answer = await client.call('file.openDialog', { purpose, title });
  return answer.canceled ? null : answer;
}

/**
 * Asks where to save and writes the text there in pieces (the main process writes a temporary
 * file and renames it into place at the end). Resolves to the file's name, or null if cancelled.
 */
export async function saveTextFile(
  client: WorkbenchClient,
  options: { purpose: FilePurpose; title: string; defaultName: string },
  text: string,
  onProgress?: TransferProgress,
): Promise<string | null> {
  const answer = await client.call('file.saveDialog', options);
  if (answer.canceled) return null;
  try {
    for (let start = 0; ; start += WRITE_PIECE_CHARS) {
      const end = Math.min(text.length, start + WRITE_PIECE_CHARS);
      const final = end >= text.length;
      await client.call('file.write', { token: answer.token, text: text.slice(start, end), final });
      onProgress?.(end, text.length);
      if (final) return answer.name;
    }
  } catch (error) {
    await client.call('file.close', { token: answer.token }).catch(() => undefined);
    throw error;
  }
}

/** Reads a whole opened binary file (a zipped archive) into bytes, piece by piece. */
export async function readWholeBytes(
  client: WorkbenchClient,
  token: string,
  onProgress?: TransferProgress,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  try {
    for (;;) {
      const piece = await client.call('file.read', { token, encoding: 'base64' });
      const bytes = base64ToBytes(piece.text);
      parts.push(bytes);
      onProgress?.(piece.bytesRead, piece.size);
      if (piece.done) break;
    }
  } catch (error) {
    await client.call('file.close', { token }).catch(() => undefined);
    throw error;
  }
  return concatBytes(parts);
}

/** Bytes per binary piece (a multiple of 3: each piece is base64-encoded on its own). */
const WRITE_PIECE_BYTES = 3 * 1024 * 1024;

/** A file being written in pieces, after the person chose where (openBytesFile). */
export interface BytesFileWriter {
  /** The name the person chose. */
  readonly name: string;
  /** Appends bytes (sent on in pieces of WRITE_PIECE_BYTES; the rest waits for more). */
  write(chunk: Uint8Array): Promise<void>;
  /** Sends the rest; the file is flushed and renamed into place. */
  finish(): Promise<void>;
  /** Abandons the file (main removes what was written). */
  abort(): Promise<void>;
}

/** Asks where to save, then returns a writer for the file, or null when the person cancelled. */
export async function openBytesFile(
  client: WorkbenchClient,
  options: { purpose: FilePurpose; title: string; defaultName: string },
): Promise<BytesFileWriter | null> {
  const answer = await client.call('file.saveDialog', options);
  if (answer.canceled) return null;
  const { token } = answer;
  let pending = new Uint8Array(WRITE_PIECE_BYTES);
  let filled = 0;
  const send = async (final: boolean) => {
    const text = bytesToBase64(pending.subarray(0, filled));
    filled = 0;
    await client.call('file.write', { token, text, final, encoding: 'base64' });
  };
  return {
    name: answer.name,
    async write(chunk) {
      for (let at = 0; at < chunk.length;) {
        const take = Math.min(chunk.length - at, WRITE_PIECE_BYTES - filled);
        pending.set(chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === WRITE_PIECE_BYTES) await send(false);
      }
    },
    finish: () => send(true),
    async abort() {
      pending = new Uint8Array(0);
      await client.call('file.close', { token }).catch(() => undefined);
    },
  };
}
