import { memoFreezeIssues } from '@shared/memo/freeze';
import { type MemoExport, type MemoRecord, type MemoRecordInput } from '@shared/model/memo';
import { ValidationError } from '../errors';
import type { MemoDraftRepository } from './memoDrafts';
import type { Repository } from './types';

/**
 * Wraps the generic memo repository so an issued memo stays as issued: an update may only
 * supersede it (status issued → superseded, with supersededBy) or append to its export list;
 * any other change, and deletion, is refused with a ValidationError and nothing is written.
 */
export function guardMemoRepository(inner: Repository<'memo'>): Repository<'memo'> {
  return {
    entity: inner.entity,
    create: (input) => inner.create(input),
    update: (id, patchOrUpdater) =>
      inner.update(id, (current, at) => {
        const patch =
          typeof patchOrUpdater === 'function' ? patchOrUpdater(current, at) : patchOrUpdater;
        // The one freeze rule (shared/memo/freeze.ts), as the sync and the archive apply it.
        const issues = memoFreezeIssues(
          Object.entries(patch)
            .filter(([, value]) => value !== undefined)
            .map(([field, value]) => ({
              field,
              old: (current as Record<string, unknown>)[field],
              new: value,
            })),
        );
        if (issues.length > 0) throw new ValidationError('memo', issues);
        return patch;
      }),
    softDelete: async () => {
      throw new ValidationError('memo', [
        { field: '', message: 'an issued memo cannot be deleted: supersede it with a new version' },
      ]);
    },
    restore: (id) => inner.restore(id),
  };
}

/** The writers the memo feature needs (a slice of the store). */
export interface MemoStoreLike {
  /** The memo repository (guarded). */
  memos: Repository<'memo'>;
  /** The memo drafts (cleared when their memo is issued). */
  memoDrafts?: Pick<MemoDraftRepository, 'discard'>;
  /** Runs writes in one transaction. */
  atomically<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * Stores an issued memo version. When `previous` (the current version's record) is given, it is
 * superseded by the new version in the same transaction. When `draftId` is given, that draft
 * is removed in the same transaction: it is gone exactly when the memo is issued (a failed issue
 * keeps it).
 */
export function issueMemoVersion(
  store: MemoStoreLike,
  input: MemoRecordInput,
  previous: MemoRecord | null,
  draftId: string | null = null,
): Promise<MemoRecord> {
  return store.atomically(async () => {
    const created = await store.memos.create(input);
    if (previous !== null) {
      await store.memos.update(previous.id, {
        status: 'superseded',
        supersededBy: created.version,
      });
    }
    if (draftId !== null) await store.memoDrafts?.discard(draftId);
    return created;
  });
}

/** Records a file exported from an issued memo (so Verify can recognise it byte for byte). */
export function recordMemoExport(
  store: MemoStoreLike,
  memoRecordId: string,
  exported: MemoExport,
): Promise<MemoRecord> {
  return store.memos.update(memoRecordId, (current) => ({
    exports: [...current.exports, exported],
  }));
}
