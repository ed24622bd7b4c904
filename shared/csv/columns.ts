// The columns of each spreadsheet: which record field a column holds, how its text is read and
// written, and the header names it is recognised by when a user's file is mapped.
import {
  decisionAuthoritySchema,
  stakeholderStatusSchema,
  stanceSchema,
} from '../model/stakeholder';
import { ownershipKindSchema } from '../model/ownershipArea';
import { riskStatusSchema, riskTreatmentSchema } from '../model/risk';
import { raisedIssueStatusSchema, severitySchema } from '../model/raisedIssue';
import { channelSchema } from '../model/channel';

/** The entities that have a spreadsheet form. */
export const CSV_ENTITIES = ['stakeholder', 'ownershipArea', 'risk', 'raisedIssue'] as const;
export type CsvEntity = (typeof CSV_ENTITIES)[number];

/** How a column's text maps to a field value. */
export type CsvColumnKind =
  'id' | 'text' | 'number' | 'enum' | 'boolean' | 'date' | 'datetime' | 'person' | 'people';

/** One column of an entity's spreadsheet. */
export interface CsvColumn {
  /** Stable key, also the exported header (for example "reportsTo"). */
  key: string;
  /** The record field it fills, as a path ("name", "raci.accountableId"). */
  path: readonly string[];
  /** How the text is read. */
  kind: CsvColumnKind;
  /** For enum columns: the allowed values. */
  values?: readonly string[];
  /** Other header names that mean this column (compared without case, spaces or punctuation). */
  aliases: readonly string[];
  /** True for the record's name column (matches rows to records by name). */
  isName?: boolean;
}

const col = (
  key: string,
  kind: CsvColumnKind,
  aliases: string[] = [],
  extra: Partial<CsvColumn> = {},
): CsvColumn => ({ key, path: [key], kind, aliases, ...extra });

const idColumn = col('id', 'id', ['record id', 'uuid']);

/** Every column, per entity, in export order. */
export const CSV_COLUMNS: Record<CsvEntity, readonly CsvColumn[]> = {
  stakeholder: [
    idColumn,
    col('name', 'text', ['full name', 'person', 'stakeholder', 'display name'], { isName: true }),
    col('title', 'text', ['job title', 'role', 'position']),
    col('orgUnit', 'text', ['department', 'team', 'org unit', 'organisation unit', 'division']),
    col('contact', 'text', ['email', 'e-mail', 'phone', 'contact details']),
    col('reportsTo', 'person', ['manager', 'reports to', 'line manager', 'boss'], {
      path: ['reportsToId'],
    }),
    col('decisionAuthority', 'enum', ['authority', 'decision authority'], {
      values: decisionAuthoritySchema.options,
    }),
    col('influence', 'number', ['power']),
    col('interest', 'number', []),
    col('stance', 'enum', ['attitude', 'position on advice'], { values: stanceSchema.options }),
    col('status', 'enum', [], { values: stakeholderStatusSchema.options }),
    col('isVacant', 'boolean', ['vacant']),
    col('departedAt', 'date', ['departed', 'left on', 'leaving date']),
    col('notes', 'text', ['comments', 'remarks']),
  ],
  ownershipArea: [
    idColumn,
    col('name', 'text', ['area', 'system', 'process', 'ownership area'], { isName: true }),
    col('kind', 'enum', ['type'], { values: ownershipKindSchema.options }),
    col('description', 'text', ['details', 'scope']),
    col('accountable', 'person', ['a', 'owner', 'accountable owner'], {
      path: ['raci', 'accountableId'],
    }),
    col('responsible', 'people', ['r'], { path: ['raci', 'responsibleIds'] }),
    col('consulted', 'people', ['c'], { path: ['raci', 'consultedIds'] }),
    col('informed', 'people', ['i'], { path: ['raci', 'informedIds'] }),
  ],
  risk: [
    idColumn,
    col('title', 'text', ['risk', 'name', 'risk title'], { isName: true }),
    col('cause', 'text', []),
    col('event', 'text', []),
    col('impact', 'text', ['consequence', 'impact description']),
    col('category', 'text', ['type']),
    col('likelihood', 'number', ['probability', 'l']),
    col('impactScore', 'number', ['impact score', 'severity score', 'i']),
    col('residualLikelihood', 'number', ['residual likelihood']),
    col('residualImpact', 'number', ['residual impact']),
    col('owner', 'person', ['risk owner'], { path: ['ownerId'] }),
    col('mitigation', 'text', ['controls', 'actions']),
    col('treatment', 'enum', ['response'], { values: riskTreatmentSchema.options }),
    col('reviewDate', 'date', ['review', 'next review']),
    col('status', 'enum', [], { values: riskStatusSchema.options }),
    col('acceptedBy', 'person', ['accepted by'], { path: ['acceptedById'] }),
    col('acceptedUntil', 'date', ['accepted until']),
  ],
  raisedIssue: [
    idColumn,
    col('title', 'text', ['issue', 'finding', 'subject'], { isName: true }),
    col('criteria', 'text', ['standard', 'should be']),
    col('condition', 'text', ['observation', 'finding details']),
    col('cause', 'text', []),
    col('effect', 'text', ['impact']),
    col('recommendation', 'text', ['advice', 'recommendations']),
    col('severity', 'enum', ['priority'], { values: severitySchema.options }),
    col('raisedTo', 'people', ['raised to', 'to', 'recipients', 'audience'], {
      path: ['raisedToIds'],
    }),
    col('raisedAt', 'datetime', ['raised', 'date raised', 'date', 'raised on']),
    col('channel', 'enum', ['via', 'medium'], { values: channelSchema.options }),
    col('followUpDue', 'date', ['follow up', 'follow-up due', 'due']),
    col('status', 'enum', [], { values: raisedIssueStatusSchema.options }),
    col('owner', 'person', ['fix owner'], { path: ['ownerId'] }),
    col('targetDate', 'date', ['target', 'fix by']),
    col('internalOnly', 'boolean', ['internal', 'private']),
  ],
};

/** A header reduced for comparison: lower case, letters and digits only. */
export const normalizeHeader = (header: string): string =>
  header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The record field that names a record of the entity (name or title). */
export function nameColumn(entity: CsvEntity): CsvColumn {
  return CSV_COLUMNS[entity].find((c) => c.isName) as CsvColumn;
}

/**
 * Guesses which column each header of a user's file is: by key, then by alias (ignoring case,
 * spaces and punctuation). Each column is used once; unknown headers map to null (ignored).
 */
export function guessMapping(entity: CsvEntity, headers: readonly string[]): (string | null)[] {
  const used = new Set<string>();
  const columns = CSV_COLUMNS[entity];
  const pick = (header: string, withAliases: boolean): string | null => {
    const h = normalizeHeader(header);
    if (h === '') return null;
    const found = columns.find(
      (c) =>
        !used.has(c.key) &&
        (normalizeHeader(c.key) === h ||
          (withAliases && c.aliases.some((a) => normalizeHeader(a) === h))),
    );
    return found?.key ?? null;
  };
  const mapping: (string | null)[] = headers.map(() => null);
  for (const pass of [false, true]) {
    headers.forEach((header, i) => {
      if (mapping[i] !== null) return;
      const key = pick(header, pass);
      if (key) {
        mapping[i] = key;
        used.add(key);
      }
    });
  }
  return mapping;
}
