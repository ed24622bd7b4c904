/** A memo id: engagement code, "M", year, three-digit sequence (for example NWL-M-2026-004). */
export const MEMO_ID_PATTERN = /^([A-Z0-9]{2,8})-M-(\d{4})-(\d{3,})$/;

/** Formats a memo id. */
export function formatMemoId(code: string, year: number, sequence: number): string {
  return `${code}-M-${String(year).padStart(4, '0')}-${String(sequence).padStart(3, '0')}`;
}

/** The parts of a memo id, or null when the text is not one. */
export function parseMemoId(
  memoId: string,
): { code: string; year: number; sequence: number } | null {
  const match = MEMO_ID_PATTERN.exec(memoId);
  if (!match) return null;
  return { code: match[1] ?? '', year: Number(match[2]), sequence: Number(match[3]) };
}

/**
 * The id of the next new memo of an engagement: the sequence continues across years within one
 * engagement (one number per memo, versions share it).
 */
export function nextMemoId(code: string, year: number, existingIds: Iterable<string>): string {
  let max = 0;
  for (const id of existingIds) {
    const parts = parseMemoId(id);
    if (parts && parts.code === code) max = Math.max(max, parts.sequence);
  }
  return formatMemoId(code, year, max + 1);
}

/** The default file name of an export: memo id and version, for example NWL-M-2026-004-v2.md. */
export function exportFileName(memoId: string, version: number, extension: 'md' | 'pdf'): string {
  return `${memoId}-v${version}.${extension}`;
}
