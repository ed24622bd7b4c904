import {
  MEMO_MUTABLE_FIELDS,
  type MemoExport,
  type MemoRecord,
  type MemoRecordInput,
} from '@shared/model/memo';
import { ValidationError } from '../errors';
import type { MemoDraftRepository } from './memoDrafts';
import type { Repository } from './types';

const MUTABLE: readonly string[] = MEMO_MUTABLE_FIELDS;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

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
        const issues: Array<{ field: string; message: string }> = [];
        for (const [field, value] of Object.entries(patch)) {
          if (value === undefined) continue;
          const before = (current as Record<string, unknown>)[field];
          if (!MUTABLE.includes(field) && !same(value, before)) {
            issues.push({
              field,
              message: 'cannot change on an issued memo: issue a new version instead',
            });
          }
        }
        if (patch.status === 'issued' && current.status === 'superseded') {
          issues.push({ field: 'status', message: 'cannot return a superseded memo to issued' });
        }
        if (
          patch.supersededBy !== undefined &&
          current.supersededBy !== null &&
          patch.supersededBy !== current.supersededBy
        ) {
          issues.push({ field: 'supersededBy', message: 'cannot change once set' });
        }
        if (patch.exports !== undefined) {
          const kept = current.exports.every((e, i) => same(e, patch.exports?.[i]));
          if (!kept)
            issues.push({ field: 'exports', message: 'may only grow: earlier exports are kept' });
        }
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
