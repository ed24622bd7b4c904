import { MEMO_ID_PATTERN } from '../memo/memoId';

/** A memo an email cites the way the acknowledgement request words it. */
export interface MemoCitation {
  /** The memo id, for example NWL-M-2026-004. */
  memoId: string;
  /** The version cited. */
  version: number;
  /** The SHA-256 content fingerprint cited, or null when the email gives none. */
  fingerprint: string | null;
}

/** The text's words, quote marks (">") and trailing punctuation dropped. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    let w = raw;
    while (w.startsWith('>')) w = w.slice(1);
    while (w.length > 0 && ',.;:)"\''.includes(w[w.length - 1] ?? '')) w = w.slice(0, -1);
    while (w.length > 0 && '("\''.includes(w[0] ?? '')) w = w.slice(1);
    if (w !== '') out.push(w);
  }
  return out;
}

const isHex64 = (w: string) => w.length === 64 && /^[0-9a-f]+$/.test(w);

/**
 * The first "memo <id>, version <n>" in the text (quoted history included: a reply quotes the
 * request), with the "SHA-256 <hex>" fingerprint that follows it, if any. Null when no memo is
 * cited. Word by word, linear in the text.
 */
export function findMemoCitation(text: string): MemoCitation | null {
  const w = words(text.slice(0, 2_000_000));
  for (let i = 0; i + 3 < w.length; i += 1) {
    if (w[i]?.toLowerCase() !== 'memo') continue;
    const memoId = w[i + 1] ?? '';
    if (memoId.length > 40 || !MEMO_ID_PATTERN.test(memoId)) continue;
    if (w[i + 2]?.toLowerCase() !== 'version') continue;
    const version = Number(w[i + 3]);
    if (!Number.isSafeInteger(version) || version < 1) continue;
    let fingerprint: string | null = null;
    for (let j = i + 4; j < Math.min(w.length - 1, i + 80); j += 1) {
      if (w[j]?.toUpperCase() === 'SHA-256' && isHex64((w[j + 1] ?? '').toLowerCase())) {
        fingerprint = (w[j + 1] ?? '').toLowerCase();
        break;
      }
    }
    return { memoId, version, fingerprint };
  }
  return null;
}
