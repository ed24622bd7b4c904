import { z } from 'zod';
import { choice, idSchema } from './base';

/** The entities a note or a decision may link to. */
export const linkableEntitySchema = choice([
  'stakeholder',
  'ownershipArea',
  'risk',
  'raisedIssue',
  'acknowledgement',
  'note',
  'decision',
]);
export type LinkableEntity = z.infer<typeof linkableEntitySchema>;

/** A link from a note or decision to another record of the same engagement. */
export const recordLinkSchema = z.object({
  /** Which kind of record is linked. */
  entity: linkableEntitySchema,
  /** The linked record's id. */
  id: idSchema,
});
export type RecordLink = z.infer<typeof recordLinkSchema>;

/** A list of links without duplicates (empty by default). */
export const recordLinks = () =>
  z
    .array(recordLinkSchema, { error: 'must be a list of links' })
    .refine(
      (links) => new Set(links.map((l) => `${l.entity}:${l.id}`)).size === links.length,
      'must not link the same record twice',
    )
    .default([]);
