import type { CsvEntity } from '@shared/csv/columns';

/** Plural labels of the entities an archive holds, for previews. */
export const ENTITY_LABELS: Record<string, string> = {
  engagement: 'Engagement',
  stakeholder: 'Stakeholders',
  ownershipArea: 'Ownership areas',
  risk: 'Risks',
  raisedIssue: 'Raised issues',
  acknowledgement: 'Acknowledgements',
  note: 'Notes',
  decision: 'Decisions',
  memo: 'Issued memos',
  attachment: 'Attached files (records)',
};

/** The spreadsheet entities with their labels and file-name stems. */
export const CSV_ENTITY_LABELS: Record<CsvEntity, { label: string; file: string }> = {
  stakeholder: { label: 'Stakeholders', file: 'stakeholders' },
  ownershipArea: { label: 'Ownership areas (RACI)', file: 'ownership-areas' },
  risk: { label: 'Risks', file: 'risks' },
  raisedIssue: { label: 'Raised issues', file: 'raised-issues' },
};
