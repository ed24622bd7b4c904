import { inherentRiskScore } from '@shared/model/risk';
import type { EntityName, EntityRecord } from '@shared/model/registry';

type Compare<T> = (a: T, b: T) => number;

const text = (a: string, b: string): number =>
  a.localeCompare(b, undefined, { sensitivity: 'base' });
/** Newest first for ISO strings (date-times compare as text); ties fall through. */
const newestFirst = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
const byCreation = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * How each entity's lists are ordered (the UI may re-sort, this is the default):
 * engagements by client then title; stakeholders and ownership areas by name; risks by
 * inherent score (highest first) then title; raised issues newest raised first;
 * acknowledgements newest first; notes newest first; decisions by decision date, newest first
 * (still-undecided ones by creation date). Ties fall back to creation order.
 */
export const recordOrder: { [N in EntityName]: Compare<EntityRecord<N>> } = {
  engagement: (a, b) => text(a.client, b.client) || text(a.title, b.title) || byCreation(a, b),
  stakeholder: (a, b) => text(a.name, b.name) || byCreation(a, b),
  ownershipArea: (a, b) => text(a.name, b.name) || byCreation(a, b),
  risk: (a, b) =>
    inherentRiskScore(b) - inherentRiskScore(a) || text(a.title, b.title) || byCreation(a, b),
  raisedIssue: (a, b) => newestFirst(a.raisedAt, b.raisedAt) || byCreation(a, b),
  acknowledgement: (a, b) => newestFirst(a.at, b.at) || byCreation(a, b),
  note: (a, b) => newestFirst(a.date, b.date) || byCreation(a, b),
  decision: (a, b) =>
    newestFirst(a.decidedAt ?? a.createdAt, b.decidedAt ?? b.createdAt) || byCreation(a, b),
  memo: (a, b) => newestFirst(a.issuedAt, b.issuedAt) || b.version - a.version || byCreation(a, b),
  attachment: (a, b) => newestFirst(a.addedAt, b.addedAt) || byCreation(a, b),
};

/** Sorts records of one entity in place by {@link recordOrder} and returns them. */
export function sortRecords<N extends EntityName>(
  entity: N,
  records: EntityRecord<N>[],
): EntityRecord<N>[] {
  const compare = recordOrder[entity] as Compare<EntityRecord<N>>;
  return records.sort(compare);
}
