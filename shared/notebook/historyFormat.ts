import type { ChangeOp, ChangeRecord } from '../model/change';

/** Dates are stored as ISO strings in UTC and shown in the user's locale (as the app does). */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A calendar date (YYYY-MM-DD) in the user's locale. */
function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return dateFormat.format(new Date(y, m - 1, d));
}

/** An instant (ISO, UTC) in the user's locale and time zone. */
function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** Names of records by id (stakeholders, risks, issues...), for showing ids readably. */
export type NameLookup = ReadonlyMap<string, string>;

/** A value of a change, ready to show. */
export interface DisplayValue {
  /** The readable text ('—' for nothing). */
  text: string;
  /** True when there was no value (null, empty text, empty list). */
  empty: boolean;
}

/** One field of a change, ready to show. */
export interface DisplayFieldChange {
  /** The field's stored name, for example "raisedToIds". */
  field: string;
  /** The field's readable name, for example "Raised to". */
  label: string;
  /** The value before the change. */
  old: DisplayValue;
  /** The value after the change. */
  new: DisplayValue;
}

/** A change record, ready to show. */
export interface DisplayChange {
  /** The change's id. */
  id: string;
  /** What happened, for example "Created" or "Edited". */
  action: string;
  /** When (in the user's locale and time zone). */
  when: string;
  /** The raw instant (ISO, UTC), for a <time> element. */
  at: string;
  /** The device and the person, for example "Work laptop · Alex Morgan". */
  who: string;
  /** The changed fields (on delete and restore: only the tombstone, which the action says). */
  fields: DisplayFieldChange[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;

const ACTIONS: Record<ChangeOp, string> = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  restore: 'Restored',
};

/** Field labels that the generic rule would get wrong or make awkward. */
const LABELS: Record<string, string> = {
  raisedToIds: 'Raised to',
  byId: 'By',
  escalatesId: 'Escalates',
  followUpDue: 'Follow-up due',
  raci: 'RACI',
  impactScore: 'Impact score',
  decidedById: 'Decided by',
  supersededById: 'Superseded by',
  participantIds: 'Participants',
  dottedLineIds: 'Dotted lines to',
  reportsToId: 'Reports to',
  accountableId: 'Accountable',
  responsibleIds: 'Responsible',
  consultedIds: 'Consulted',
  informedIds: 'Informed',
  internalOnly: 'Internal only',
  isVacant: 'Vacant position',
  deletedAt: 'Deleted',
};

/** The readable name of a field: "followUpDue" → "Follow-up due", "ownerId" → "Owner". */
export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const base = field.replace(/Ids$/, 's').replace(/Id$/, '');
  const words = base.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Turns "risk_accepted" into "risk accepted". */
const choiceText = (value: string) =>
  /^[a-z]+(?:_[a-z]+)+$/.test(value) ? value.replace(/_/g, ' ') : value;

/** The readable text of one stored value. */
export function formatValue(value: unknown, names: NameLookup = new Map()): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return names.get(value) ?? `record ${value.slice(-6)}`;
    if (ISO_DATE_TIME.test(value)) return formatDateTime(value);
    if (ISO_DATE.test(value)) return formatDate(value);
    return choiceText(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((v) => formatValue(v, names)).join(', ');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A link to a record ({ entity, id }) or a piece of evidence ({ kind, text }).
    if (typeof o.entity === 'string' && typeof o.id === 'string') {
      return `${fieldLabel(o.entity)}: ${formatValue(o.id, names)}`;
    }
    if (typeof o.kind === 'string' && typeof o.text === 'string') return `${o.kind}: ${o.text}`;
    return Object.entries(o)
      .map(([k, v]) => `${fieldLabel(k)}: ${formatValue(v, names)}`)
      .join('; ');
  }
  return String(value);
}

/** A value to show, with whether it was empty. */
function displayValue(value: unknown, names: NameLookup): DisplayValue {
  const text = formatValue(value, names);
  return { text, empty: text === '—' };
}

/** Every id (UUID) inside some change values (to look their names up). */
export function idsInChanges(changes: readonly ChangeRecord[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (UUID.test(value)) ids.add(value);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  for (const change of changes) {
    for (const f of change.changes) {
      visit(f.old);
      visit(f.new);
    }
  }
  return [...ids];
}

/** A change record as the history shows it. On delete/restore the tombstone field is implied. */
export function formatChange(change: ChangeRecord, names: NameLookup = new Map()): DisplayChange {
  const fields = change.changes
    .filter((f) => f.field !== 'engagementId')
    .filter(
      (f) => !(f.field === 'deletedAt' && (change.op === 'delete' || change.op === 'restore')),
    )
    .filter(
      (f) =>
        !(
          change.op === 'create' &&
          (f.new === null || f.new === '' || (Array.isArray(f.new) && f.new.length === 0))
        ),
    )
    .map((f) => ({
      field: f.field,
      label: fieldLabel(f.field),
      old: displayValue(change.op === 'create' ? null : f.old, names),
      new: displayValue(f.new, names),
    }));
  const who = [change.deviceName, change.actor].filter((s) => s && s.trim() !== '').join(' · ');
  return {
    id: change.id,
    action: ACTIONS[change.op],
    when: formatDateTime(change.at),
    at: change.at,
    who: who || `device ${change.deviceId.slice(-6)}`,
    fields,
  };
}
