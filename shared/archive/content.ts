import type { ChangeRecord } from '../model/change';
import type { Engagement } from '../model/engagement';
import { entityNames, isEngagementScoped, type EntityName } from '../model/registry';
import type { ArchiveSummary } from './format';

/** A stored record as the archive carries it (validated with the registry's schema on import). */
export type ArchiveRecord = Record<string, unknown> & { id: string; deletedAt?: string | null };

/** The entities an archive carries besides the engagement: every engagement-scoped entity. */
export function archivedEntities(): EntityName[] {
  return entityNames.filter((name) => isEngagementScoped(name));
}

/** What an archive holds: one engagement, all its records (tombstones too) and its change log. */
export interface ArchiveContent {
  /** The engagement record. */
  engagement: Engagement;
  /** Every record of the engagement by entity name (memos and any later entity included). */
  records: Partial<Record<EntityName, ArchiveRecord[]>>;
  /** The engagement's change log, in HLC order. */
  changes: ChangeRecord[];
}

/** The numbers shown before an import or a restore: counts per entity, tombstones, changes. */
export function summarizeContent(content: ArchiveContent): ArchiveSummary {
  const counts: Record<string, number> = { engagement: 1 };
  const deleted: Record<string, number> = { engagement: content.engagement.deletedAt ? 1 : 0 };
  for (const [entity, records] of Object.entries(content.records)) {
    counts[entity] = records?.length ?? 0;
    deleted[entity] = records?.filter((r) => r.deletedAt != null).length ?? 0;
  }
  return {
    engagementId: content.engagement.id,
    client: content.engagement.client,
    title: content.engagement.title,
    archived: content.engagement.archivedAt !== null,
    counts,
    deleted,
    changes: content.changes.length,
  };
}

/** The total number of records (the engagement included). */
export function totalRecords(summary: ArchiveSummary): number {
  return Object.values(summary.counts).reduce((sum, n) => sum + n, 0);
}
