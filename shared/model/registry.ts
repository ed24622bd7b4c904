import type { z } from 'zod';
import { acknowledgementObject, acknowledgementSchema } from './acknowledgement';
import { attachmentObject, attachmentSchema } from './attachment';
import { decisionObject, decisionSchema } from './decision';
import { engagementObject, engagementSchema } from './engagement';
import { memoObject, memoSchema } from './memo';
import { noteObject, noteSchema } from './note';
import { ownershipAreaObject, ownershipAreaSchema } from './ownershipArea';
import { raisedIssueObject, raisedIssueSchema } from './raisedIssue';
import { riskObject, riskSchema } from './risk';
import { stakeholderObject, stakeholderSchema } from './stakeholder';

/**
 * Every stored entity, by name, with the zod schema that validates a whole stored record
 * (field checks and cross-field checks). Repositories, sync and import look entities up here,
 * so adding an entity is one line here (plus its table below).
 */
export const entitySchemas = {
  engagement: engagementSchema,
  stakeholder: stakeholderSchema,
  ownershipArea: ownershipAreaSchema,
  risk: riskSchema,
  raisedIssue: raisedIssueSchema,
  acknowledgement: acknowledgementSchema,
  note: noteSchema,
  decision: decisionSchema,
  memo: memoSchema,
  attachment: attachmentSchema,
} as const;

export type EntityName = keyof typeof entitySchemas;
export type EntityRecord<N extends EntityName> = z.infer<(typeof entitySchemas)[N]>;
export const entityNames = Object.keys(entitySchemas) as EntityName[];

/**
 * The plain object schema of every entity, without cross-field checks: use these for
 * `.pick()`, `.omit()`, `.partial()` (zod 4 refuses those on refined schemas), then validate
 * the merged record with `entitySchemas[name]`.
 */
export const entityObjects = {
  engagement: engagementObject,
  stakeholder: stakeholderObject,
  ownershipArea: ownershipAreaObject,
  risk: riskObject,
  raisedIssue: raisedIssueObject,
  acknowledgement: acknowledgementObject,
  note: noteObject,
  decision: decisionObject,
  memo: memoObject,
  attachment: attachmentObject,
} as const satisfies Record<EntityName, z.ZodObject>;

/** The Dexie table that stores each entity. */
export const entityTables = {
  engagement: 'engagements',
  stakeholder: 'stakeholders',
  ownershipArea: 'ownershipAreas',
  risk: 'risks',
  raisedIssue: 'raisedIssues',
  acknowledgement: 'acknowledgements',
  note: 'notes',
  decision: 'decisions',
  memo: 'memos',
  attachment: 'attachments',
} as const satisfies Record<EntityName, string>;

export type EntityTableName = (typeof entityTables)[EntityName];

/** Entities whose records belong to one engagement (they carry an engagementId). */
export const engagementScopedEntities = [
  'stakeholder',
  'ownershipArea',
  'risk',
  'raisedIssue',
  'acknowledgement',
  'note',
  'decision',
  'memo',
  'attachment',
] as const satisfies readonly EntityName[];

export type EngagementScopedEntityName = (typeof engagementScopedEntities)[number];

/** True when the entity's records carry an engagementId. */
export function isEngagementScoped(name: EntityName): name is EngagementScopedEntityName {
  return (engagementScopedEntities as readonly EntityName[]).includes(name);
}
