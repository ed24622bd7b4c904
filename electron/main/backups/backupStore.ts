// The automatic backups on disk: <dir>/<engagementId>/<YYYY-MM-DD>.engagement.json (one per day,
// rewritten atomically) plus a small <YYYY-MM-DD>.summary.json describing it, pruned to the
// rolling set of retention.ts after every write.
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  ARCHIVE_EXTENSION,
  archiveSummarySchema,
  type ArchiveSummary,
} from '@shared/archive/format';
import { UUID_PATTERN } from '@shared/ids';
import { realFileOps, writeFileAtomically, type AtomicFileOps } from './atomicFile';
import { dayOf, DEFAULT_RETENTION, selectBackupsToKeep, type RetentionPolicy } from './retention';

const SUMMARY_EXTENSION = '.summary.json';
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** What the sidecar file of a backup holds. */
const sidecarSchema = z.object({
  /** When the backup was taken (UTC ISO). */
  takenAt: z.string(),
  /** The app version that wrote it. */
  appVersion: z.string(),
  /** The archive's size in bytes. */
  size: z.number().int().min(0),
  /** What the archive holds. */
  summary: archiveSummarySchema,
  /** The SHA-256s of the attachment bytes it needs (kept in blobs/, see blobStore.ts). */
  blobs: z.array(z.string()).optional(),
});

/** One backup, as the "Restore from backup" list shows it. */
export interface BackupEntry {
  /** `<engagementId>/<YYYY-MM-DD>`. */
  id: string;
  /** The backed-up engagement. */
  engagementId: string;
  /** The day the backup is for (UTC). */
  day: string;
  /** When it was taken (UTC ISO). */
  takenAt: string;
  /** The archive's size in bytes. */
  size: number;
  /** The app version that wrote it, when known. */
  appVersion?: string;
  /** What it holds (engagement, record counts); absent when its summary file is missing. */
  summary?: ArchiveSummary;
}

/** What to back up. */
export interface BackupInput {
  /** The engagement. */
  engagementId: string;
  /** The archive's text (from the renderer's export). */
  text: string;
  /** What the archive holds. */
  summary: ArchiveSummary;
  /** The app version that wrote it. */
  appVersion: string;
  /** The SHA-256s of the attachment bytes it needs (stored once in blobs/). */
  blobs?: readonly string[];
}

/** Options of {@link createBackupStore}. */
export interface BackupStoreOptions {
  /** The backups folder (<userData>/backups). */
  dir: string;
  /** Clock (tests inject one). */
  now?: () => Date;
  /** Which backups to keep (7 daily and 4 weekly by default). */
  policy?: RetentionPolicy;
  /** File-system calls tests may replace. */
  ops?: AtomicFileOps;
}

/** The backups folder's reader and writer. */
export interface BackupStore {
  /** Writes today's backup of an engagement (replacing an earlier one of today) and prunes. */
  write(input: BackupInput): Promise<{ entry: BackupEntry; pruned: string[] }>;
  /** Every backup, newest first. */
  list(): Promise<BackupEntry[]>;
  /** The archive file of a backup id; throws RangeError for a malformed id. */
  pathOf(id: string): string;
  /** The attachment bytes named by any backup kept (their summaries' lists). */
  referencedBlobs(): Promise<Set<string>>;
}

/** Splits and checks a backup id (no path tricks: a UUID and a date only). */
export function parseBackupId(id: string): { engagementId: string; day: string } | null {
  const [engagementId, day, ...rest] = id.split('/');
  if (rest.length > 0 || !engagementId || !day) return null;
  if (!UUID_PATTERN.test(engagementId) || !DAY_PATTERN.test(day)) return null;
  return { engagementId: engagementId.toLowerCase(), day };
}

/** Creates the store over a folder. */
export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const { dir } = options;
  const now = options.now ?? (() => new Date());
  const policy = options.policy ?? DEFAULT_RETENTION;
  const ops = options.ops ?? realFileOps;

  const archivePath = (engagementId: string, day: string): string =>
    join(dir, engagementId, `${day}${ARCHIVE_EXTENSION}`);
  const sidecarPath = (engagementId: string, day: string): string =>
    join(dir, engagementId, `${day}${SUMMARY_EXTENSION}`);

  async function readEntry(engagementId: string, day: string): Promise<BackupEntry | null> {
    const id = `${engagementId}/${day}`;
    let fileStat;
    try {
      fileStat = await stat(archivePath(engagementId, day));
    } catch {
      return null;
    }
    try {
      const sidecar = sidecarSchema.parse(
        JSON.parse(await readFile(sidecarPath(engagementId, day), 'utf8')),
      );
      return {
        id,
        engagementId,
        day,
        takenAt: sidecar.takenAt,
        size: fileStat.size,
        appVersion: sidecar.appVersion,
        summary: sidecar.summary,
      };
    } catch {
      return { id, engagementId, day, takenAt: fileStat.mtime.toISOString(), size: fileStat.size };
    }
  }

  async function listEngagement(engagementId: string): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(join(dir, engagementId));
    } catch {
      return [];
    }
    const days = names
      .filter((n) => n.endsWith(ARCHIVE_EXTENSION) && !n.startsWith('.'))
      .map((n) => n.slice(0, -ARCHIVE_EXTENSION.length))
      .filter((d) => DAY_PATTERN.test(d));
    const entries = await Promise.all(days.map((day) => readEntry(engagementId, day)));
    return entries.filter((e): e is BackupEntry => e !== null);
  }

  const newestFirst = (a: BackupEntry, b: BackupEntry): number =>
    a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0;

  return {
    async write(input) {
      if (!UUID_PATTERN.test(input.engagementId)) throw new RangeError('bad engagement id');
      const engagementId = input.engagementId.toLowerCase();
      const takenAt = now().toISOString();
      const day = dayOf(takenAt);
      await mkdir(join(dir, engagementId), { recursive: true });
      const size = await writeFileAtomically(archivePath(engagementId, day), input.text, ops);
      await writeFileAtomically(
        sidecarPath(engagementId, day),
        JSON.stringify({
          takenAt,
          appVersion: input.appVersion,
          size,
          summary: input.summary,
          ...(input.blobs ? { blobs: [...new Set(input.blobs)].sort() } : {}),
        }),
        ops,
      );
      const all = await listEngagement(engagementId);
      const { prune } = selectBackupsToKeep(all, policy);
      for (const id of prune) {
        const parsed = parseBackupId(id);
        if (!parsed) continue;
        await unlink(archivePath(parsed.engagementId, parsed.day)).catch(() => {});
        await unlink(sidecarPath(parsed.engagementId, parsed.day)).catch(() => {});
      }
      const entry = (await readEntry(engagementId, day)) ?? {
        id: `${engagementId}/${day}`,
        engagementId,
        day,
        takenAt,
        size,
      };
      return { entry, pruned: prune };
    },

    async list() {
      let folders: string[];
      try {
        folders = await readdir(dir);
      } catch {
        return [];
      }
      const lists = await Promise.all(
        folders.filter((f) => UUID_PATTERN.test(f)).map((f) => listEngagement(f)),
      );
      return lists.flat().sort(newestFirst);
    },

    async referencedBlobs() {
      const out = new Set<string>();
      for (const entry of await this.list()) {
        const parsed = parseBackupId(entry.id);
        if (!parsed) continue;
        try {
          const sidecar = sidecarSchema.parse(
            JSON.parse(await readFile(sidecarPath(parsed.engagementId, parsed.day), 'utf8')),
          );
          for (const sha256 of sidecar.blobs ?? []) out.add(sha256);
        } catch {
          // a backup without a readable summary names no bytes
        }
      }
      return out;
    },

    pathOf(id) {
      const parsed = parseBackupId(id);
      if (!parsed) throw new RangeError(`not a backup id: ${id.slice(0, 80)}`);
      return archivePath(parsed.engagementId, parsed.day);
    },
  };
}
