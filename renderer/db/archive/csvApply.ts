import type { CsvImportPlan, PendingReference } from '@shared/csv/importPlan';
import type { WorkbenchStore } from '../repositories/store';
import type { CreateInput, RecordPatch } from '../repositories/types';
import { listRecords } from '../queries/records';
import { withQuotaMessage } from './importArchive';

/** What applying a CSV plan did. */
export interface CsvApplyResult {
  /** Records created. */
  created: number;
  /** Records changed. */
  updated: number;
}

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');
type Loose = Record<string, unknown>;

/** Merges `value` at `path` into a (copied) object. */
function mergeAt(target: Loose, path: readonly string[], value: unknown): Loose {
  const [head, ...rest] = path;
  if (head === undefined) return target;
  if (rest.length === 0) return { ...target, [head]: value };
  const inner = target[head];
  return {
    ...target,
    [head]: mergeAt(
      inner !== null && typeof inner === 'object' ? (inner as Loose) : {},
      rest,
      value,
    ),
  };
}

/**
 * Writes the accepted rows of a checked CSV plan (see planCsvImport) through the repositories,
 * in ONE transaction: each write is validated and logged like a user's edit; if any fails, none
 * is kept. Stakeholder names are resolved to ids here, including stakeholders created by the
 * same file (a second pass sets those references).
 */
export async function applyCsvPlan(
  store: WorkbenchStore,
  plan: CsvImportPlan,
  engagementId: string,
): Promise<CsvApplyResult> {
  const repository = store.repository(plan.entity);
  return withQuotaMessage(() =>
    store.atomically(async () => {
      const ids = new Map<string, string>();
      for (const s of await listRecords(store.db, 'stakeholder', engagementId)) {
        ids.set(norm(s.name), s.id);
      }
      const resolve = (ref: PendingReference): { value: unknown; complete: boolean } => {
        const found = ref.names.map((n) => ids.get(norm(n)));
        const complete = found.every((id) => id !== undefined);
        const known = found.filter((id): id is string => id !== undefined);
        return { value: ref.kind === 'people' ? known : (known[0] ?? null), complete };
      };
      const withReferences = (base: Loose, references: PendingReference[]): Loose =>
        references.reduce((acc, ref) => mergeAt(acc, ref.path, resolve(ref).value), base);

      /** The patch of an update: nested objects (raci) merged into the current ones. */
      const patchFor = (
        current: Loose,
        values: Loose,
        references: PendingReference[],
      ): RecordPatch<typeof plan.entity> => {
        let patch: Loose = {};
        for (const [key, value] of Object.entries(values)) {
          patch[key] =
            value !== null && typeof value === 'object' && !Array.isArray(value)
              ? { ...(current[key] as Loose), ...(value as Loose) }
              : value;
        }
        for (const ref of references) {
          const head = ref.path[0];
          if (head === undefined) continue;
          if (ref.path.length > 1 && patch[head] === undefined) patch[head] = current[head];
          patch = mergeAt(patch, ref.path, resolve(ref).value);
        }
        return patch as RecordPatch<typeof plan.entity>;
      };

      let created = 0;
      let updated = 0;
      const deferred: { id: string; references: PendingReference[] }[] = [];
      for (const row of plan.rows) {
        if (row.action === 'unchanged') continue;
        const incomplete = row.references.some((ref) => !resolve(ref).complete);
        if (row.action === 'create') {
          const input = withReferences({ ...row.values, engagementId }, row.references);
          const record = await repository.create(input as CreateInput<typeof plan.entity>);
          created += 1;
          if (plan.entity === 'stakeholder')
            ids.set(norm(String(row.values.name ?? '')), record.id);
          if (incomplete) deferred.push({ id: record.id, references: row.references });
        } else if (row.id) {
          await repository.update(row.id, (current) =>
            patchFor(current as Loose, row.values, row.references),
          );
          updated += 1;
          if (incomplete) deferred.push({ id: row.id, references: row.references });
        }
      }
      // References to stakeholders created further down the same file.
      for (const { id, references } of deferred) {
        await repository.update(id, (current) => patchFor(current as Loose, {}, references));
      }
      return { created, updated };
    }),
  );
}
