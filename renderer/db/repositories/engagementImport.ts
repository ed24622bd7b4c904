import { untrackedChangeFields } from '@shared/model/change';
import type { EngagementData } from '@shared/model/engagementData';
import { entityTables, type EntityName } from '@shared/model/registry';
import { ValidationError } from '../errors';
import { appendChange } from './changeLog';
import type { WriteContext } from './context';
import { diffFields } from './diff';
import { validateRecord } from './validate';

/** The order records are written in: the engagement first, then what others refer to. */
const IMPORT_ORDER: ReadonlyArray<Exclude<keyof EngagementData, 'engagement'>> = [
  'stakeholders',
  'ownershipAreas',
  'risks',
  'raisedIssues',
  'acknowledgements',
  'notes',
  'decisions',
];

const ENTITY_OF_TABLE = Object.fromEntries(
  Object.entries(entityTables).map(([entity, table]) => [table, entity]),
) as Record<string, EntityName>;

/**
 * Writes a complete engagement whose records already carry their ids and dates (the sample
 * engagement; later, an archive). Every record is validated first, ids must be new, and it all
 * goes in ONE transaction with a `create` change per record: on any failure nothing is stored.
 */
export async function importEngagementData(
  ctx: WriteContext,
  data: EngagementData,
): Promise<number> {
  const { db } = ctx;
  const batches: { entity: EntityName; records: Record<string, unknown>[] }[] = [
    { entity: 'engagement', records: [data.engagement] },
    ...IMPORT_ORDER.map((table) => ({
      entity: ENTITY_OF_TABLE[table] as EntityName,
      records: data[table] as unknown as Record<string, unknown>[],
    })),
  ];
  const validated = batches.map(({ entity, records }) => ({
    entity,
    records: records.map((record, index) => {
      try {
        return validateRecord(entity, record) as Record<string, unknown> & { id: string };
      } catch (error) {
        if (error instanceof ValidationError) {
          throw new ValidationError(
            entity,
            error.issues.map((issue) => ({
              ...issue,
              field: `${entity}[${index}].${issue.field}`,
            })),
          );
        }
        throw error;
      }
    }),
  }));
  const engagementId = data.engagement.id;

  return db.transaction('rw', db.tables, async () => {
    const at = ctx.now();
    let written = 0;
    for (const { entity, records } of validated) {
      const table = db.table<Record<string, unknown>, string>(entityTables[entity]);
      const existing = await table.bulkGet(records.map((r) => r.id));
      const clash = existing.findIndex((r) => r !== undefined);
      if (clash >= 0) {
        throw new ValidationError(entity, [
          { field: 'id', message: `${records[clash]?.id ?? ''} already exists in this database` },
        ]);
      }
      for (const record of records) {
        if (entity !== 'engagement' && record.engagementId !== engagementId) {
          throw new ValidationError(entity, [
            { field: 'engagementId', message: 'must be the imported engagement' },
          ]);
        }
        await table.add(record);
        await appendChange(ctx, {
          entity,
          recordId: record.id,
          engagementId,
          op: 'create',
          changes: diffFields(
            {},
            record,
            record.deletedAt ? untrackedChangeFields : [...untrackedChangeFields, 'deletedAt'],
          ),
          at,
        });
        written += 1;
      }
    }
    return written;
  });
}
