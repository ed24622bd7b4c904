/**
 * The text of an HTML body, for an email without a text part: tags dropped (block tags become
 * line breaks), the common entities decoded, script and style contents dropped. One pass over
 * the characters, no regular expression, so hostile HTML costs linear time.
 */
const BLOCK = new Set(['br', 'p', 'div', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'blockquote']);
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

function tagName(tag: string): string {
  let i = tag.startsWith('/') ? 1 : 0;
  let name = '';
  while (i < tag.length && /[a-z0-9]/i.test(tag[i] ?? '')) name += tag[i++];
  return name.toLowerCase();
}

export function htmlToText(html: string): string {
  let out = '';
  let skipUntil: string | null = null;
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === '<') {
      const end = html.indexOf('>', i + 1);
      if (end < 0) break;
      const tag = html.slice(i + 1, end);
      const name = tagName(tag);
      if (skipUntil !== null) {
        if (tag.startsWith('/') && name === skipUntil) skipUntil = null;
      } else if (name === 'script' || name === 'style' || name === 'head') {
        if (!tag.endsWith('/')) skipUntil = name;
      } else if (BLOCK.has(name)) {
        out += '\n';
      }
      i = end + 1;
      continue;
    }
    if (skipUntil === null) {
      if (ch === '&') {
        const semi = html.indexOf(';', i + 1);
        const entity = semi > 0 && semi - i <= 8 ? ENTITIES[html.slice(i + 1, semi)] : undefined;
        if (entity !== undefined) {
          out += entity;
          i = semi + 1;
          continue;
        }
      }
      out += ch;
    }
    i += 1;
  }
  return out
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
