/**
 * File names come from outside (a colleague's disk, an email's attachment list) and are shown and
 * written back out. The stored record keeps the name exactly as given (it is evidence); what is
 * shown and what an export writes goes through {@link displayFileName}.
 */

/** Longest name shown or written (most file systems allow 255 bytes). */
const MAX_NAME_LENGTH = 200;

/**
 * Characters never shown: C0/C1 controls and the Unicode bidirectional controls (LRE, RLE, PDF,
 * LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM) that can make "invoice‮fdp.exe" read as
 * "invoiceexe.pdf".
 */
function isHidden(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c
  );
}

/** Characters that separate or reserve paths on some system: replaced by "_". */
const RESERVED = new Set(['/', '\\', ':', '*', '?', '"', '<', '>', '|']);

/**
 * A file name safe to show and to write: no folders (only the last path segment is kept), no
 * control or direction-override characters, no reserved characters, no leading dots, at most
 * 200 characters (the extension kept), never empty.
 */
export function displayFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let out = '';
  for (const ch of lastSegment) {
    const code = ch.codePointAt(0) ?? 0;
    if (isHidden(code)) continue;
    out += RESERVED.has(ch) ? '_' : ch;
  }
  out = out.trim().replace(/^\.+/, '').trim();
  if (out === '') return 'attachment';
  const chars = Array.from(out);
  if (chars.length <= MAX_NAME_LENGTH) return out;
  const dot = out.lastIndexOf('.');
  const ext = dot > 0 && out.length - dot <= 10 ? out.slice(dot) : '';
  return chars.slice(0, MAX_NAME_LENGTH - Array.from(ext).length).join('') + ext;
}

/** Whether the name as given differs from what is shown (the UI says "name cleaned"). */
export function fileNameWasCleaned(raw: string): boolean {
  return displayFileName(raw) !== raw;
}

/** The lower-case extension of a name without the dot ("" when none). */
export function fileExtension(name: string): string {
  const shown = displayFileName(name);
  const dot = shown.lastIndexOf('.');
  return dot > 0 ? shown.slice(dot + 1).toLowerCase() : '';
}
