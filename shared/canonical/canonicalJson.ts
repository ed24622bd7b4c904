/**
 * Canonical JSON after RFC 8785 (JSON Canonicalization Scheme): object members sorted by their
 * names' UTF-16 code units, no whitespace, strings and numbers as ECMAScript's JSON.stringify
 * writes them (which is what JCS prescribes). `undefined` members are left out and `undefined`
 * array items become `null`, as JSON does. Values JSON cannot carry exactly (non-finite numbers,
 * functions, symbols, bigints, dates and other class instances) are refused, so one content
 * always gives one text on every machine.
 *
 * This one function serves the archive checksum and the memo fingerprint. Its output is
 * compared with the RFC's reference implementation (the `canonicalize` package) over generated
 * values in the tests, and the fingerprints issued before the two helpers became one are kept
 * as golden values there.
 *
 * Speed: the text comes from the native JSON.stringify, about four times faster than writing
 * it by hand. Plain data whose keys are already in sorted order (what JSON.parse gives for a
 * file this app wrote) is handed over as it is; anything else goes through a key-sorted copy.
 */
export function canonicalJson(value: unknown): string {
  if (isCanonicalOrder(value)) return JSON.stringify(value) ?? 'null';
  try {
    return JSON.stringify(sortedCopy(value)) ?? 'null';
  } catch (error) {
    // A JavaScript object lists array-index keys ("0", "10") first, in numeric order, whatever
    // order they were added in, so a copy cannot hold them in code-unit order: write by hand.
    if (error instanceof IndexKeyFound) return writeCanonical(value);
    throw error;
  }
}

class IndexKeyFound extends Error {}

/** True for a key a JavaScript object enumerates before the others ("0", "7", "4294967294"). */
function isArrayIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57 || key.length > 10 || (first === 48 && key.length > 1)) {
    return false;
  }
  for (let i = 1; i < key.length; i += 1) {
    const code = key.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return Number(key) < 4294967295;
}

/** The canonical text written member by member (for the rare objects with array-index keys). */
function writeCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(sortedCopy(value)) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : writeCanonical(item))).join(',')}]`;
  }
  if (!isPlainObject(value)) {
    throw new TypeError('canonicalJson: only plain objects, arrays and primitives');
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item !== undefined) members.push(`${JSON.stringify(key)}:${writeCanonical(item)}`);
  }
  return `{${members.join(',')}}`;
}

const OBJECT_PROTOTYPE: unknown = Object.prototype;

/** True for a value that is a JSON leaf JSON.stringify writes exactly as JCS does. */
function isExactLeaf(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    default:
      return value === null;
  }
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === OBJECT_PROTOTYPE || proto === null;
}

/**
 * True when JSON.stringify(value) already gives the canonical text: only exact leaves, arrays
 * without holes or undefined items, and plain objects whose own keys are strictly in sorted
 * order, with no undefined member and no "__proto__" key. Anything else takes the copying path,
 * which gives the same text or refuses the value.
 */
function isCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return isExactLeaf(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      if (!isCanonicalOrder(value[i])) return false;
    }
    return true;
  }
  if (!isPlainObject(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return false;
  }
  const record = value as Record<string, unknown>;
  let previous: string | null = null;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) return false;
    if ((previous !== null && !(previous < key)) || key === '__proto__') return false;
    previous = key;
    if (!isCanonicalOrder(record[key])) return false;
  }
  return true;
}

/** A deep copy of the value whose objects have their keys in sorted order; refuses non-JSON. */
function sortedCopy(value: unknown): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return value;
    case 'object':
      return Array.isArray(value) ? copyArray(value) : copyObject(value);
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
}

function copyArray(value: readonly unknown[]): unknown[] {
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i += 1) {
    const item: unknown = value[i];
    out[i] = item === undefined ? null : sortedCopy(item);
  }
  return out;
}

function copyObject(value: object): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new TypeError('canonicalJson: only plain objects, arrays and primitives');
  }
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (isArrayIndexKey(key)) throw new IndexKeyFound();
    const item = record[key];
    if (item === undefined) continue;
    // defined as data: an assignment to "__proto__" would set the prototype instead
    if (key === '__proto__') Object.defineProperty(out, key, dataProperty(sortedCopy(item)));
    else out[key] = sortedCopy(item);
  }
  return out;
}

function dataProperty(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}
