import type { Engagement } from '@shared/model/engagement';
import type { WriteContext } from './context';
import { createRepository } from './core';
import type { Repository } from './types';

/** The engagement writer, with the engagement-specific helpers. */
export interface EngagementRepository extends Repository<'engagement'> {
  /** Archives the engagement (hides it from the main list). A no-op if already archived. */
  archive(id: string): Promise<Engagement>;
  /** Brings an archived engagement back to the main list. A no-op if not archived. */
  unarchive(id: string): Promise<Engagement>;
  /** Changes the engagement's title. Throws ValidationError ("title is required") on blank. */
  rename(id: string, title: string): Promise<Engagement>;
}

/** Creates the engagement writer. */
export function createEngagementRepository(ctx: WriteContext): EngagementRepository {
  const base = createRepository(ctx, 'engagement');
  return {
    ...base,
    archive: (id) =>
      base.update(id, (current, at) => (current.archivedAt === null ? { archivedAt: at } : {})),
    unarchive: (id) => base.update(id, { archivedAt: null }),
    rename: (id, title) => base.update(id, { title }),
  };
}
