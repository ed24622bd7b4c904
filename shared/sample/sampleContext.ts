import type { z } from 'zod';
import type { SystemField } from '../model/base';
import type { SampleClock } from './sampleClock';
import type { SampleIds } from './sampleIds';

/** What every part of the sample builder needs. */
export interface SampleContext {
  clock: SampleClock;
  ids: SampleIds;
}

/** When a sample record was created and last changed (ISO date-times). */
export interface Stamps {
  createdAt: string;
  updatedAt?: string;
}

/**
 * Builds one engagement-scoped sample record and validates it against its full schema
 * (so defaults are filled in and a broken sample fails loudly in tests).
 */
export function scopedRecord<O, I>(
  ctx: SampleContext,
  schema: z.ZodType<O, I>,
  id: string,
  stamps: Stamps,
  fields: Omit<I, SystemField | 'engagementId'>,
): O {
  return schema.parse({
    ...fields,
    id,
    engagementId: ctx.ids.engagement,
    createdAt: stamps.createdAt,
    updatedAt: stamps.updatedAt ?? stamps.createdAt,
    deletedAt: null,
  });
}
