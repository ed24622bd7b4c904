/**
 * The engine's view of the shared folder. Paths are relative to the folder root, with `/`
 * separators (for example `devices/<id>/seg-00000001.jsonl`). In the app the implementation
 * calls main over IPC, which confines every path to the chosen folder; in tests and in main it
 * is `electron/main/sync/nodeFolder.ts` over node:fs.
 */
export interface SyncFolder {
  /** The entries of a folder (names only, no recursion); [] when the folder does not exist. */
  list(dir: string): Promise<FolderEntry[]>;
  /**
   * A file's bytes, or null when it does not exist. A file larger than `maxBytes` is not read
   * (FolderError 'TOOBIG'); main's reader also refuses hard-linked files.
   */
  read(path: string, maxBytes?: number): Promise<Uint8Array | null>;
  /** Writes a file atomically: temporary name in the same folder, flush, rename into place. */
  write(path: string, data: Uint8Array): Promise<void>;
  /** Removes a file (missing is fine). The engine only ever removes its own device's files. */
  remove(path: string): Promise<void>;
  /** Size and modification time, or null when missing. */
  stat(path: string): Promise<FolderStat | null>;
  /** True when the folder root itself exists and is a directory. */
  available(): Promise<boolean>;
}

/** One entry of {@link SyncFolder.list}. */
export interface FolderEntry {
  /** The entry's name (no path). */
  name: string;
  /** file or dir (anything else is reported as file). */
  kind: 'file' | 'dir';
  /** Size in bytes (0 for folders). */
  size: number;
  /** Last modification time (ms since epoch). */
  mtimeMs: number;
}

/** Result of {@link SyncFolder.stat}. */
export interface FolderStat {
  /** Size in bytes. */
  size: number;
  /** Last modification time (ms since epoch). */
  mtimeMs: number;
}

/** File-system failures the engine understands (anything else is OTHER). */
export type FolderErrorCode =
  'EBUSY' | 'EPERM' | 'EACCES' | 'ENOSPC' | 'ENOENT' | 'OUTSIDE' | 'TOOBIG' | 'OTHER';

/** A failure of a folder operation; the engine reports it and retries on a later round. */
export class FolderError extends Error {
  /** What went wrong, as an errno-like code. */
  readonly code: FolderErrorCode;
  /** The relative path concerned. */
  readonly path: string;
  constructor(code: FolderErrorCode, path: string, message?: string) {
    super(message ?? `${code} on ${path}`);
    this.name = 'FolderError';
    this.code = code;
    this.path = path;
  }
}

/** The errno-like code of any thrown value (FolderError, Node errors, IPC errors carrying one). */
export function folderErrorCode(error: unknown): FolderErrorCode {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const known: FolderErrorCode[] = [
    'EBUSY',
    'EPERM',
    'EACCES',
    'ENOSPC',
    'ENOENT',
    'OUTSIDE',
    'TOOBIG',
  ];
  return typeof code === 'string' && (known as string[]).includes(code)
    ? (code as FolderErrorCode)
    : 'OTHER';
}
