import { untrackedChangeFields, type ChangeOp } from '@shared/model/change';
import { newId } from '@shared/ids';
import {
  entityTables,
  isEngagementScoped,
  type EntityName,
  type EntityRecord,
} from '@shared/model/registry';
import { DeletedRecordError, RecordNotFoundError, ValidationError } from '../errors';
import { appendChange } from './changeLog';
import type { WriteContext } from './context';
import { diffFields } from './diff';
import type { CreateInput, PatchOrUpdater, Repository } from './types';
import { validateRecord } from './validate';

type StoredRecord = Record<string, unknown> & { id: string; deletedAt: string | null };

/** Fields a repository stamps itself; stripped from any caller input. */
const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt', 'deletedAt'] as const;

/** A copy of `input` without the given keys and without undefined values. */
function pickWritable(input: object, excluded: ReadonlyArray<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && !excluded.includes(key)) out[key] = value;
  }
  return out;
}

/** The engagement a record belongs to (an engagement belongs to itself). */
function engagementIdOf(entity: EntityName, record: StoredRecord): string {
  return isEngagementScoped(entity) ? String(record.engagementId) : record.id;
}

/**
 * Creates the generic writer of one entity. Its methods may also be called inside a wider
 * transaction (for example `store.atomically`) that includes this entity's table, `engagements`,
 * `changes` and `meta`: they then join it.
 */
export function createRepository<N extends EntityName>(
  ctx: WriteContext,
  entity: N,
): Repository<N> {
  const { db } = ctx;
  const table = db.table<StoredRecord, string>(entityTables[entity]);
  const scope = [...new Set([table, db.engagements, db.changes, db.meta])];

  /** Refuses a record of a missing or deleted engagement. */
  async function assertEngagementIsLive(record: StoredRecord): Promise<void> {
    if (!isEngagementScoped(entity)) return;
    const engagementId = engagementIdOf(entity, record);
    const engagement = await db.engagements.get(engagementId);
    if (!engagement) {
      throw new ValidationError(entity, [
        { field: 'engagementId', message: 'must be an existing engagement' },
      ]);
    }
    if (engagement.deletedAt !== null) {
      throw new ValidationError(entity, [
        { field: 'engagementId', message: 'is a deleted engagement' },
      ]);
    }
  }

  /** Loads, rebuilds, validates and (if anything changed) stores a record, logging the change. */
  async function rewrite(
    id: string,
    op: ChangeOp,
    build: (current: StoredRecord, at: string) => Record<string, unknown>,
  ): Promise<EntityRecord<N>> {
    return db.transaction('rw', scope, async () => {
      const current = await table.get(id);
      if (!current) throw new RecordNotFoundError(entity, id);
      if (op === 'update' && current.deletedAt !== null) throw new DeletedRecordError(entity, id);
      const at = ctx.now();
      const iso = at.toISOString();
      const candidate = { ...build(current, iso), id: current.id, createdAt: current.createdAt };
      const record = validateRecord(entity, { ...candidate, updatedAt: iso }) as StoredRecord;
      const changes = diffFields(current, record, untrackedChangeFields);
      if (changes.length === 0) return current as EntityRecord<N>;
      if (op === 'restore') await assertEngagementIsLive(record);
      await table.put(record);
      await appendChange(ctx, {
        entity,
        recordId: record.id,
        engagementId: engagementIdOf(entity, record),
        op,
        changes,
        at,
      });
      return record as EntityRecord<N>;
    });
  }

  return {
    entity,

    create(input: CreateInput<N>) {
      return db.transaction('rw', scope, async () => {
        const at = ctx.now();
        const iso = at.toISOString();
        const record = validateRecord(entity, {
          ...pickWritable(input, SYSTEM_FIELDS),
          id: newId(),
          createdAt: iso,
          updatedAt: iso,
          deletedAt: null,
        }) as StoredRecord;
        await assertEngagementIsLive(record);
        await table.add(record);
        const changes = diffFields({}, record, SYSTEM_FIELDS);
        await appendChange(ctx, {
          entity,
          recordId: record.id,
          engagementId: engagementIdOf(entity, record),
          op: 'create',
          changes,
          at,
        });
        return record as EntityRecord<N>;
      });
    },

    update(id, patchOrUpdater: PatchOrUpdater<N>) {
      return rewrite(id, 'update', (current, at) => {
        const patch =
          typeof patchOrUpdater === 'function'
            ? patchOrUpdater(current as EntityRecord<N>, at)
            : patchOrUpdater;
        return { ...current, ...pickWritable(patch, [...SYSTEM_FIELDS, 'engagementId']) };
      });
    },

    softDelete(id) {
      return rewrite(id, 'delete', (current, at) => ({
        ...current,
        deletedAt: current.deletedAt ?? at,
      }));
    },

    restore(id) {
      return rewrite(id, 'restore', (current) => ({ ...current, deletedAt: null }));
    },
  };
}
