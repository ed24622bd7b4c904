/**
 * Canonical JSON: object keys sorted, no whitespace, undefined values left out (null inside
 * arrays). Two equal values always give the same text, so it is what the archive checksum is
 * computed over. Built as a key-sorted copy handed to the native JSON.stringify, which is about
 * four times faster than writing the text by hand. Plain data whose keys are already in order
 * (what JSON.parse gives for an archive this app wrote) is handed to JSON.stringify as it is:
 * the text is the same, without building the copy.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(isCanonicalOrder(value) ? value : sortedCopy(value)) ?? 'null';
}

const OBJECT_PROTOTYPE: unknown = Object.prototype;

/**
 * True when JSON.stringify(value) already gives the canonical text: only primitives, arrays
 * and plain objects, every object's own keys strictly in sorted order, no undefined property
 * and no "__proto__" key (which the sorted copy cannot hold). Anything else (a Date, a class
 * instance, keys out of order) takes the copying path, so both paths give the same text.
 */
function isCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object' && !isCanonicalOrder(item)) return false;
    }
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== OBJECT_PROTOTYPE && proto !== null) return false;
  const record = value as Record<string, unknown>;
  let previous: string | null = null;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) return false;
    if ((previous !== null && !(previous < key)) || key === '__proto__') return false;
    previous = key;
    const item = record[key];
    if (item === undefined) return false;
    if (item !== null && typeof item === 'object' && !isCanonicalOrder(item)) return false;
  }
  return true;
}

/** A deep copy of plain data whose objects have their keys in sorted order. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      out[i] = item === undefined ? null : sortedCopy(item);
    }
    return out;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const item = record[key];
    if (item !== undefined) out[key] = sortedCopy(item);
  }
  return out;
}
