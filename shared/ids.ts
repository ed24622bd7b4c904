import { uuidv7 } from 'uuidv7';

/** A new, time-ordered, globally unique record id (UUIDv7). */
export function newId(): string {
  return uuidv7();
}

/** Matches a UUID (any version) in canonical lower-case or upper-case form. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
