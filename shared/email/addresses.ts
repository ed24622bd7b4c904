/**
 * Email addresses in a free text (a stakeholder's contact field: "priya@acme.example, +44 ...").
 * Word by word: a word with one "@", a dot after it, and only address characters. Lower case.
 */
const LOCAL = /^[a-z0-9._%+'-]+$/;
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

export function isPlausibleAddress(candidate: string): boolean {
  if (candidate.length > 320) return false;
  const at = candidate.indexOf('@');
  if (at <= 0 || at !== candidate.lastIndexOf('@')) return false;
  return LOCAL.test(candidate.slice(0, at)) && DOMAIN.test(candidate.slice(at + 1));
}

export function addressesIn(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.toLowerCase().split(/[\s,;<>()[\]"]+/)) {
    const word = raw.startsWith('mailto:') ? raw.slice(7) : raw;
    const trimmed = word.endsWith('.') ? word.slice(0, -1) : word;
    if (isPlausibleAddress(trimmed) && !found.includes(trimmed)) found.push(trimmed);
  }
  return found;
}

/** The domain of an address ('' when none). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}
