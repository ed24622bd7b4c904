import type { EntityName } from '../model/registry';

/** One record as the search index holds it: what is searched and what a result shows. */
export interface SearchDocument {
  /** The index key: `${entity}:${recordId}` (ids are unique per entity). */
  id: string;
  /** Which kind of record it is. */
  entity: EntityName;
  /** The record's id. */
  recordId: string;
  /** The engagement it belongs to (an engagement's own id for an engagement). */
  engagementId: string;
  /** The record's headline: its title or name (weighted highest). */
  title: string;
  /** Every other searchable text of the record, joined by new lines. */
  body: string;
  /** For an acknowledgement: the raised issue it answers (a result opens that issue). */
  parentId: string | null;
}

/** The index key of a record. */
export function searchKey(entity: EntityName, recordId: string): string {
  return `${entity}:${recordId}`;
}

/** The headline field and the other text fields searched, per entity. */
const TEXT_FIELDS: Partial<
  Record<EntityName, { title: readonly string[]; body: readonly string[] }>
> = {
  engagement: { title: ['client', 'title'], body: ['code', 'scope', 'consultantName'] },
  stakeholder: { title: ['name'], body: ['title', 'orgUnit', 'contact', 'notes'] },
  ownershipArea: { title: ['name'], body: ['description', 'kind'] },
  risk: { title: ['title'], body: ['cause', 'event', 'impact', 'category', 'mitigation'] },
  raisedIssue: {
    title: ['title'],
    body: ['criteria', 'condition', 'cause', 'effect', 'recommendation'],
  },
  acknowledgement: { title: ['quote'], body: ['conditions', 'response', 'memoId'] },
  note: { title: ['title'], body: ['body', 'kind'] },
  decision: { title: ['title'], body: ['rationale', 'status'] },
  memo: { title: ['subject'], body: ['memoId'] },
  attachment: { title: ['fileName'], body: ['searchText'] },
};

/** Fields of an entity this file does not know yet. */
const GENERIC_FIELDS = { title: ['title', 'name', 'subject'], body: [] as string[] };

/** The string values of some fields of a plain record (others skipped). */
function texts(record: Readonly<Record<string, unknown>>, fields: readonly string[]): string[] {
  const out: string[] = [];
  for (const field of fields) {
    const value = record[field];
    if (typeof value === 'string' && value.trim() !== '') out.push(value);
  }
  return out;
}

/** Evidence texts of a raised issue (quotes and references), when present. */
function evidenceTexts(record: Readonly<Record<string, unknown>>): string[] {
  const evidence = record.evidence;
  if (!Array.isArray(evidence)) return [];
  return evidence.flatMap((e: unknown) =>
    typeof e === 'object' && e !== null && typeof (e as { text?: unknown }).text === 'string'
      ? [(e as { text: string }).text]
      : [],
  );
}

/** An attached email's subject and addresses (searchable like its body). */
function emailTexts(record: Readonly<Record<string, unknown>>): string[] {
  const email = record.email as { subject?: unknown; from?: unknown; to?: unknown } | null;
  if (typeof email !== 'object' || email === null) return [];
  const to = Array.isArray(email.to) ? email.to.filter((t) => typeof t === 'string') : [];
  return [email.subject, email.from, ...to].filter(
    (t): t is string => typeof t === 'string' && t !== '',
  );
}

/** The record an attachment is attached to, when that is a raised issue (a result opens it). */
function attachmentParent(record: Readonly<Record<string, unknown>>): string | null {
  const target = record.target as { entity?: unknown; id?: unknown } | null;
  if (typeof target !== 'object' || target === null || typeof target.id !== 'string') return null;
  return target.id;
}

/** A short headline for a record whose headline field is empty (an acknowledgement without a quote). */
const FALLBACK_TITLE: Partial<Record<EntityName, string>> = {
  engagement: 'Engagement',
  stakeholder: 'Stakeholder',
  ownershipArea: 'Ownership area',
  risk: 'Risk',
  raisedIssue: 'Raised issue',
  acknowledgement: 'Acknowledgement',
  note: 'Note',
  decision: 'Decision',
  memo: 'Memo',
  attachment: 'Attachment',
};

/**
 * A record's proper name as the app shows it (a stakeholder's name, a risk's title, an
 * engagement's client and title...), or the entity's noun when that is empty. Also used by the
 * Sync tab's conflicts.
 */
export function recordHeadline(entity: EntityName, record: Readonly<Record<string, unknown>>) {
  const fields = TEXT_FIELDS[entity] ?? GENERIC_FIELDS;
  return texts(record, fields.title).join(' — ') || entityNoun(entity);
}

/** The entity's noun, for example "Ownership area". */
export function entityNoun(entity: EntityName): string {
  return FALLBACK_TITLE[entity] ?? entity;
}

/**
 * The search document of a record, or null when the record must not be searchable (it is
 * deleted, or it is not a record at all). Archived engagements and their records stay
 * searchable.
 */
export function toSearchDocument(entity: EntityName, record: unknown): SearchDocument | null {
  if (typeof record !== 'object' || record === null) return null;
  const r = record as Record<string, unknown>;
  if (typeof r.id !== 'string' || (r.deletedAt !== null && r.deletedAt !== undefined)) return null;
  const engagementId = entity === 'engagement' ? r.id : r.engagementId;
  if (typeof engagementId !== 'string') return null;
  const fields = TEXT_FIELDS[entity] ?? GENERIC_FIELDS;
  const body = [...texts(r, fields.body), ...evidenceTexts(r), ...emailTexts(r)].join('\n');
  return {
    id: searchKey(entity, r.id),
    entity,
    recordId: r.id,
    engagementId,
    title: recordHeadline(entity, r),
    body,
    parentId:
      entity === 'acknowledgement' && typeof r.raisedIssueId === 'string'
        ? r.raisedIssueId
        : entity === 'attachment'
          ? attachmentParent(r)
          : null,
  };
}
