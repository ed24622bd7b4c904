import type { LinkableEntity } from '@shared/model/link';

/** The readable kind of a linkable record. */
export const LINKABLE_LABELS: Record<LinkableEntity, string> = {
  stakeholder: 'Stakeholder',
  ownershipArea: 'Ownership area',
  risk: 'Risk',
  raisedIssue: 'Raised issue',
  acknowledgement: 'Acknowledgement',
  note: 'Note',
  decision: 'Decision',
};

/** A short label of any record: its name, title, or (an acknowledgement) the start of its quote. */
export function recordLabel(record: object): string {
  const r = record as Record<string, unknown>;
  for (const key of ['name', 'title', 'quote']) {
    const v = r[key];
    if (typeof v === 'string' && v.trim() !== '') return v.length > 80 ? `${v.slice(0, 79)}…` : v;
  }
  return 'Untitled';
}
