/** The fields rules need to look records up. */
interface Identified {
  id: string;
  deletedAt: string | null;
}

/** True for a record that is not soft-deleted. */
export function isLive(record: { deletedAt: string | null }): boolean {
  return record.deletedAt === null;
}

/** Live (not soft-deleted) records by id; rules treat deleted records as missing. */
export function indexById<T extends Identified>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) if (isLive(record)) map.set(record.id, record);
  return map;
}

/** A lookup that also sees `record` as it is about to be saved (replacing its stored version). */
export function withRecord<T extends Identified>(
  byId: ReadonlyMap<string, T>,
  record: T,
): Map<string, T> {
  const map = new Map(byId);
  if (isLive(record)) map.set(record.id, record);
  else map.delete(record.id);
  return map;
}
