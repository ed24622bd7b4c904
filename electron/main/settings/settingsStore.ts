// This installation's settings, kept as settings.json in the app's data folder (userData).
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { settingsUpdateRequestSchema } from '@shared/ipc/contract';
import { IPC_ERROR_CODES } from '@shared/ipc/envelope';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { describeZodError } from '@shared/ipc/validation';
import { newId } from '@shared/ids';
import { settingsSchema, type Settings, type SettingsPatch } from '@shared/model/settings';
import { silentLogger, type Logger } from '../log';
import { writeFileAtomically as writeFileAtomic } from '../backups/atomicFile';

/** Name of the settings file inside the data folder. */
export const SETTINGS_FILE_NAME = 'settings.json';

/** What the store needs from its surroundings. */
export interface SettingsStoreDeps {
  /** The folder holding settings.json (Electron: app.getPath('userData')); created if missing. */
  dir: string;
  /** Clock, for the name of a set-aside corrupt file. */
  now?: () => Date;
  /** Id generator for the device id (UUIDv7). */
  newId?: () => string;
  /** Where recoveries from a corrupt file are reported. */
  log?: Logger;
}

/** Reads and changes settings.json. Operations run one after another, never interleaved. */
export interface SettingsStore {
  /** Full path of settings.json. */
  readonly filePath: string;
  /** The settings; on first use (or after a corrupt file) they are created and saved. */
  read(): Promise<Settings>;
  /** Applies a patch (validated; unknown fields and the device id are refused) and saves. */
  update(patch: SettingsPatch): Promise<Settings>;
  /**
   * Gives this installation a fresh device id and saves it. Only the sync calls this, when it
   * finds another installation writing under the same id (a copied profile, a restored backup).
   */
  regenerateDeviceId(): Promise<Settings>;
}

/** A file-name-safe timestamp, for example 20260302T091500123Z. */
function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/** Keeps the fields of a damaged settings object that are still valid on their own. */
function salvage(raw: unknown): Partial<Settings> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const source = raw as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!(key in source)) continue;
    const field = schema.safeParse(source[key]);
    if (field.success) kept[key] = field.data;
  }
  return kept as Partial<Settings>;
}

/** Creates the store for one data folder. */
export function createSettingsStore(deps: SettingsStoreDeps): SettingsStore {
  const filePath = join(deps.dir, SETTINGS_FILE_NAME);
  const now = deps.now ?? (() => new Date());
  const makeId = deps.newId ?? newId;
  const log = deps.log ?? silentLogger;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs operations strictly in order, so two updates never read the same old file. */
  function serialised<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation, operation);
    queue = result.catch(() => {});
    return result;
  }

  async function save(settings: Settings): Promise<void> {
    await mkdir(deps.dir, { recursive: true });
    await writeFileAtomic(filePath, `${JSON.stringify(settings, null, 2)}\n`);
  }

  async function create(from: Partial<Settings>): Promise<Settings> {
    const settings = settingsSchema.parse({ ...from, deviceId: from.deviceId ?? makeId() });
    await save(settings);
    return settings;
  }

  async function setAside(reason: string, raw: unknown): Promise<Settings> {
    const asidePath = join(deps.dir, `settings.corrupt-${fileStamp(now())}.json`);
    await rename(filePath, asidePath);
    const kept = salvage(raw);
    log.warn('settings.json was unreadable; it was set aside and defaults were used', {
      reason,
      setAsideAs: asidePath,
      keptFields: Object.keys(kept),
    });
    return create(kept);
  }

  async function readCurrent(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return create({});
      throw error;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return setAside('not valid JSON', undefined);
    }
    const parsed = settingsSchema.safeParse(raw);
    if (!parsed.success) return setAside(describeZodError(parsed.error).message, raw);
    return parsed.data;
  }

  return {
    filePath,
    read: () => serialised(readCurrent),
    update: (patch) =>
      serialised(async () => {
        const changes = settingsUpdateRequestSchema.safeParse(patch);
        if (!changes.success) {
          const problem = describeZodError(changes.error);
          throw new WorkbenchIpcError(
            IPC_ERROR_CODES.invalidRequest,
            problem.message,
            problem.field,
          );
        }
        const current = await readCurrent();
        // A field sent as undefined means "unchanged", never "reset to default".
        const defined = Object.fromEntries(
          Object.entries(changes.data).filter(([, value]) => value !== undefined),
        );
        const next = settingsSchema.parse({ ...current, ...defined });
        await save(next);
        return next;
      }),
    regenerateDeviceId: () =>
      serialised(async () => {
        const next = settingsSchema.parse({ ...(await readCurrent()), deviceId: makeId() });
        await save(next);
        return next;
      }),
  };
}
