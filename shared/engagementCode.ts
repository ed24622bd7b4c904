/**
 * A memo code suggested from the client's name: the initials of its words, or the first
 * letters of a single word ("Northwind Learning" -> "NL", "Contoso" -> "CON").
 */
export function suggestEngagementCode(client: string): string {
  const words = client
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Z0-9 ]+/gi, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '';
  const raw = words.length === 1 ? (words[0] ?? '').slice(0, 3) : words.map((w) => w[0]).join('');
  const code = raw.toUpperCase().slice(0, 8);
  return code.length >= 2 ? code : (code + 'X').slice(0, 2);
}
