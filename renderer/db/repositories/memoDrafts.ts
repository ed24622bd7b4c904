import {
  memoDraftSchema,
  type MemoDraftInput,
  type MemoDraftRecord,
} from '@shared/model/memoDraft';
import type { WorkbenchDB } from '../database';
import { ValidationError, type FieldIssue } from '../errors';

/**
 * The writer of memo drafts: the composer's work in progress, one row per draft, saved as the
 * consultant types. Drafts are this device's own: no change log, no sync, no archive. Every
 * write validates the whole draft (a bad draft throws a ValidationError and nothing is written).
 */
export interface MemoDraftRepository {
  /**
   * Creates or replaces a draft (by id): stamps `updatedAt`, keeps the first save's
   * `createdAt`. Refused for a missing or deleted engagement, or when the id is a draft of
   * another engagement.
   */
  save(input: MemoDraftInput): Promise<MemoDraftRecord>;
  /** Removes a draft and returns it (to undo with `restore`); null when there was none. */
  discard(id: string): Promise<MemoDraftRecord | null>;
  /** Puts a discarded draft back exactly as it was (the undo of `discard`). */
  restore(draft: MemoDraftRecord): Promise<MemoDraftRecord>;
}

/** The field issues of a failed parse, worded like the entity repositories'. */
function issuesOf(candidate: unknown): { data: MemoDraftRecord } | { issues: FieldIssue[] } {
  const result = memoDraftSchema.safeParse(candidate);
  if (result.success) return { data: result.data };
  return {
    issues: result.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      const value =
        issue.path.length === 1 && typeof candidate === 'object' && candidate !== null
          ? (candidate as Record<string, unknown>)[String(issue.path[0])]
          : null;
      const missing = issue.code === 'invalid_type' && value === undefined;
      return { field, message: missing ? 'is required' : issue.message };
    }),
  };
}

/** Validates a draft; throws a ValidationError naming each bad field. */
export function validateMemoDraft(candidate: unknown): MemoDraftRecord {
  const checked = issuesOf(candidate);
  if ('issues' in checked) throw new ValidationError('memoDraft', checked.issues);
  return checked.data;
}

/** Creates the memo draft repository over the database. */
export function createMemoDraftRepository(
  db: WorkbenchDB,
  now: () => Date = () => new Date(),
): MemoDraftRepository {
  const scope = [db.memoDrafts, db.engagements];

  async function assertEngagementIsLive(engagementId: string): Promise<void> {
    const engagement = await db.engagements.get(engagementId);
    if (!engagement || engagement.deletedAt !== null) {
      throw new ValidationError('memoDraft', [
        {
          field: 'engagementId',
          message: engagement ? 'is a deleted engagement' : 'must be an existing engagement',
        },
      ]);
    }
  }

  return {
    save(input) {
      return db.transaction('rw', scope, async () => {
        const at = now().toISOString();
        const current = typeof input.id === 'string' ? await db.memoDrafts.get(input.id) : null;
        const record = validateMemoDraft({
          ...input,
          createdAt: current?.createdAt ?? at,
          updatedAt: at,
        });
        if (current && current.engagementId !== record.engagementId) {
          throw new ValidationError('memoDraft', [
            { field: 'engagementId', message: 'cannot change: the draft belongs to another' },
          ]);
        }
        await assertEngagementIsLive(record.engagementId);
        await db.memoDrafts.put(record);
        return record;
      });
    },

    discard(id) {
      return db.transaction('rw', db.memoDrafts, async () => {
        const current = await db.memoDrafts.get(id);
        if (!current) return null;
        await db.memoDrafts.delete(id);
        return current;
      });
    },

    restore(draft) {
      return db.transaction('rw', scope, async () => {
        const record = validateMemoDraft(draft);
        await assertEngagementIsLive(record.engagementId);
        await db.memoDrafts.put(record);
        return record;
      });
    },
  };
}
