import type { ChangeRecord } from '@shared/model/change';
import { entityObjects, entitySchemas, type EntityName } from '@shared/model/registry';
import type { SyncConflict } from '@shared/sync/conflict';
import { isLongTextField } from '@shared/sync/longText';
import { refusedMemoChange } from '@shared/memo/freeze';
import {
  fitsShape,
  listFieldShapes,
  mergeFieldEdits,
  type FieldEdit,
} from '@shared/sync/listMerge';
import { sameValue } from '../repositories/diff';

/**
 * The merge of ONE record (used by applyChanges for each record a chunk touches): folds its
 * logged changes and the incoming ones field by field (last writer wins by HLC, lists as sets,
 * see shared/sync/listMerge.ts), files losing long texts as conflicts, and validates the result.
 * A merged record that fails validation is never stored: applyChanges parks the changes that
 * made it so ({@link invalidChangeReason} names the ones invalid on their own).
 */

/** The current winner of one field while folding. */
export interface Winner {
  hlc: string;
  value: unknown;
  old: unknown;
  change: ChangeRecord;
}

export type Row = Record<string, unknown> & { id: string };

/** LWW order: later HLC wins; equal HLCs (only possible with a duplicated device id) by change id. */
export function later(a: ChangeRecord, b: ChangeRecord): boolean {
  return a.hlc > b.hlc || (a.hlc === b.hlc && a.id > b.id);
}

/** True when the losing value is worth keeping: the winner did not start from it. */
export function concurrent(
  loser: { value: unknown },
  winner: { old: unknown; value: unknown },
): boolean {
  if (loser.value === null || loser.value === undefined || loser.value === '') return false;
  return !sameValue(loser.value, winner.old) && !sameValue(loser.value, winner.value);
}

/** The edits of one field among the changes (for the list merge). */
function editsOf(field: string, changes: readonly ChangeRecord[]): FieldEdit[] {
  const edits: FieldEdit[] = [];
  for (const change of changes) {
    for (const fc of change.changes) {
      if (fc.field === field)
        edits.push({ hlc: change.hlc, id: change.id, old: fc.old, new: fc.new });
    }
  }
  return edits;
}

/** Validates a merged record as well as possible (defaults applied); never throws. */
function normalise(entity: EntityName, merged: Row): { record: Row; problem: string | null } {
  const full = entitySchemas[entity].safeParse(merged);
  if (full.success) return { record: full.data as Row, problem: null };
  const first = full.error.issues[0];
  const where = first && first.path.length > 0 ? first.path.join('.') : 'record';
  return { record: merged, problem: `${where} ${first?.message ?? 'is invalid'}` };
}

/** A conflict record: `winner` is in the record, `loser` is kept. */
function conflictOf(
  entity: EntityName,
  recordId: string,
  field: string,
  winner: Winner,
  loser: Winner,
  detectedAt: string,
): SyncConflict {
  return {
    id: `${loser.change.id}:${field}`,
    engagementId: loser.change.engagementId,
    entity,
    recordId,
    field,
    winnerValue: winner.value,
    winnerHlc: winner.hlc,
    winnerDeviceId: winner.change.deviceId,
    ...(winner.change.deviceName ? { winnerDeviceName: winner.change.deviceName } : {}),
    loserValue: loser.value,
    loserHlc: loser.hlc,
    loserDeviceId: loser.change.deviceId,
    ...(loser.change.deviceName ? { loserDeviceName: loser.change.deviceName } : {}),
    ...(loser.change.actor ? { loserActor: loser.change.actor } : {}),
    detectedAt,
    status: 'open',
  };
}

/**
 * Why a change is invalid on its own (its entity's schema refuses a value it writes, or it
 * writes a field the schema does not have), or null. Reads only the change, so every device
 * decides the same way about it.
 */
export function invalidChangeReason(change: ChangeRecord): string | null {
  const shape = (entityObjects as Record<string, { shape: Record<string, unknown> }>)[change.entity]
    ?.shape;
  if (!shape) return `unknown entity ${change.entity}`;
  for (const fc of change.changes) {
    const schema = shape[fc.field] as
      | { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }
      | undefined;
    if (!schema || fc.field === 'id') return `writes an unknown field ${fc.field}`;
    const parsed = schema.safeParse(fc.new);
    if (!parsed.success) {
      return `${fc.field} ${parsed.error?.issues[0]?.message ?? 'is invalid'}`;
    }
  }
  return null;
}

/** What the merge of one record gives. */
export type RecordMerge =
  | { kind: 'unchanged'; conflicts: SyncConflict[] }
  | { kind: 'pending' }
  | { kind: 'record'; record: Row; problem: string | null; conflicts: SyncConflict[] };

/** One record's inputs. */
export interface RecordMergeInput {
  entity: EntityName;
  recordId: string;
  /** The logged changes read for it (all, or those that can decide the outcome). */
  history: readonly ChangeRecord[];
  /** The new incoming changes (sorted here). */
  incoming: ChangeRecord[];
  /** The stored record, if any. */
  current: Row | undefined;
  /** True when `history` is the record's whole log (lists are then merged as sets). */
  wholeLog: boolean;
  /** Stamp of conflicts found. */
  detectedAt: string;
}

/** Folds one record (see the file comment). */
export function mergeRecord(input: RecordMergeInput): RecordMerge {
  const { entity, recordId, history, incoming, current, detectedAt } = input;
  const conflicts: SyncConflict[] = [];
  const fold = new Map<string, Winner>();
  let created: ChangeRecord | undefined;
  for (const change of history) {
    if (change.op === 'create' && (!created || change.hlc < created.hlc)) created = change;
    for (const fc of change.changes) {
      const w = fold.get(fc.field);
      if (!w || later(change, w.change)) {
        fold.set(fc.field, { hlc: change.hlc, value: fc.new, old: fc.old, change });
      }
    }
  }
  incoming.sort((a, b) => (later(a, b) ? 1 : later(b, a) ? -1 : 0));
  const changed = new Set<string>();
  for (const change of incoming) {
    if (change.op === 'create' && (!created || change.hlc < created.hlc)) created = change;
    for (const fc of change.changes) {
      const w = fold.get(fc.field);
      const candidate: Winner = { hlc: change.hlc, value: fc.new, old: fc.old, change };
      if (!w || later(change, w.change)) {
        if (w && isLongTextField(entity, fc.field) && concurrent(w, candidate)) {
          conflicts.push(conflictOf(entity, recordId, fc.field, candidate, w, detectedAt));
        }
        fold.set(fc.field, candidate);
        changed.add(fc.field);
      } else if (change.id !== w.change.id) {
        if (isLongTextField(entity, fc.field) && concurrent(candidate, w)) {
          conflicts.push(conflictOf(entity, recordId, fc.field, w, candidate, detectedAt));
        }
      }
    }
  }
  let latest: Winner | undefined;
  for (const w of fold.values()) if (!latest || later(w.change, latest.change)) latest = w;
  // Lists merge as sets (listMerge.ts) where the log was read for it (or the record is new).
  const listValues = new Map<string, unknown>();
  if (!current || input.wholeLog) {
    for (const [field, shape] of listFieldShapes(entity)) {
      if (current && !incoming.some((c) => c.changes.some((fc) => fc.field === field))) continue;
      const edits = editsOf(field, [...history, ...incoming]);
      if (edits.length === 0) continue;
      const value = mergeFieldEdits(shape, edits);
      listValues.set(field, value);
      if (current && !sameValue(value, current[field])) changed.add(field);
      else if (current) changed.delete(field);
    }
  }

  let merged: Row;
  if (current) {
    if (changed.size === 0) return { kind: 'unchanged', conflicts };
    merged = { ...current };
    for (const field of changed) {
      merged[field] = listValues.has(field) ? listValues.get(field) : fold.get(field)?.value;
    }
    const latestAt = latest?.change.at;
    if (latestAt && (typeof current.updatedAt !== 'string' || latestAt > current.updatedAt)) {
      merged.updatedAt = latestAt;
    }
  } else if (created) {
    merged = { id: recordId, createdAt: created.at, updatedAt: latest?.change.at ?? created.at };
    for (const [field, w] of fold) merged[field] = w.value;
    for (const [field, value] of listValues) merged[field] = value;
    if (!('deletedAt' in merged)) merged.deletedAt = null;
    if (entity !== 'engagement' && !('engagementId' in merged)) {
      merged.engagementId = created.engagementId;
    }
  } else {
    return { kind: 'pending' };
  }
  const { record, problem } = normalise(entity, merged);
  return { kind: 'record', record, problem, conflicts };
}

/** An incoming change refused, with the reason. */
export interface Refusal {
  change: ChangeRecord;
  reason: string;
}

const byStamp = (a: ChangeRecord, b: ChangeRecord) => (later(a, b) ? 1 : later(b, a) ? -1 : 0);

/**
 * The incoming changes of one record that may be merged at all: an issued memo is frozen
 * (shared/memo/freeze.ts; `exists`: the memo is here or its create is logged), and a list field
 * written with a value that is not a list would merge as an empty one.
 */
export function screenIncoming(
  entity: EntityName,
  all: readonly ChangeRecord[],
  exists: boolean,
): { accepted: ChangeRecord[]; refusals: Refusal[] } {
  const accepted: ChangeRecord[] = [];
  const refusals: Refusal[] = [];
  const shapes = listFieldShapes(entity);
  for (const change of [...all].sort(byStamp)) {
    const created = exists || accepted.some((c) => c.op === 'create');
    const frozen = entity === 'memo' ? refusedMemoChange(change, created) : null;
    const misshapen = change.changes.some((fc) => {
      const shape = shapes.get(fc.field);
      return shape !== undefined && !fitsShape(shape, fc.new);
    });
    if (frozen !== null) refusals.push({ change, reason: frozen });
    else if (misshapen) {
      const why = invalidChangeReason(change) ?? 'a list field is not a list';
      refusals.push({ change, reason: `invalid change: ${why}` });
    } else accepted.push(change);
  }
  return { accepted, refusals };
}

/**
 * Screens and merges one record's incoming changes. Nothing invalid is stored: when the merged
 * record fails validation, the changes invalid on their own are refused and the rest merged
 * again; if it still fails, the incoming changes that make it so are refused together
 * (`invalid`) and the record stays as it was (`outcome` null).
 */
export function screenAndMerge(
  input: Omit<RecordMergeInput, 'incoming'>,
  all: readonly ChangeRecord[],
  exists: boolean,
): { outcome: RecordMerge | null; refusals: Refusal[]; invalid: boolean } {
  const screened = screenIncoming(input.entity, all, exists);
  const refusals = screened.refusals;
  let incoming = screened.accepted;
  let outcome = incoming.length > 0 ? mergeRecord({ ...input, incoming }) : null;
  if (outcome?.kind !== 'record' || outcome.problem === null) {
    return { outcome, refusals, invalid: false };
  }
  for (const change of incoming) {
    const why = invalidChangeReason(change);
    if (why !== null) refusals.push({ change, reason: `invalid change: ${why}` });
  }
  incoming = incoming.filter((c) => !refusals.some((r) => r.change === c));
  outcome = incoming.length > 0 ? mergeRecord({ ...input, incoming }) : null;
  if (outcome?.kind === 'record' && outcome.problem !== null) {
    const reason = `would make the ${input.entity} invalid: ${outcome.problem}`;
    for (const change of incoming) refusals.push({ change, reason });
    return { outcome: null, refusals, invalid: true };
  }
  return { outcome, refusals, invalid: false };
}
