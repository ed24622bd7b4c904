import type { LinkableEntity, RecordLink } from '../model/link';
import type { Violation } from './violation';
import { violation } from './violation';

/** Live records of one engagement by entity and id, for reference checks. */
export type RecordIndex = Record<LinkableEntity, ReadonlyMap<string, { engagementId: string }>>;

/** True when the link points at a live record of the engagement. */
export function linkResolves(link: RecordLink, engagementId: string, index: RecordIndex): boolean {
  return index[link.entity].get(link.id)?.engagementId === engagementId;
}

/** Flags links (of a note or decision) to records that do not exist in the engagement. */
export function checkLinks(
  links: readonly RecordLink[],
  engagementId: string,
  index: RecordIndex,
  field = 'links',
): Violation[] {
  const broken = links.filter((link) => !linkResolves(link, engagementId, index));
  if (broken.length === 0) return [];
  const what = broken.map((l) => l.entity).join(', ');
  return [violation(field, `point to records that do not exist (${what})`, 'link.unknown-record')];
}
