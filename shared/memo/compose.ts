import { canonicalJson } from '../canonical/canonicalJson';
import { buildMemo, type MemoOptions, type MemoSource } from './buildMemo';
import { sha256Hex } from './fingerprint';
import { renderMemoHtml } from './renderHtml';
import { renderMemoMarkdown } from './renderMarkdown';
import { UTC_ISO, type TimeDisplay } from '../time/display';
import type { CitedRecords, Memo } from './types';

/** A memo ready to preview, export or issue. */
export interface ComposedMemo {
  /** The model. */
  memo: Memo;
  /** The records it cites. */
  cited: CitedRecords;
  /** The canonical JSON of the model (what the fingerprint is computed from). */
  canonical: string;
  /** SHA-256 hex of `canonical`. */
  fingerprint: string;
  /** The Markdown export. */
  markdown: string;
  /** Zone and date style it is rendered with (not part of the fingerprinted content). */
  display: TimeDisplay;
  /** The letterhead logo's data URL (the model holds its SHA-256), when the memo has one. */
  logo?: string;
}

/** Builds, fingerprints and renders a memo as Markdown (HTML on demand: see htmlOf). */
export async function composeMemo(
  source: MemoSource,
  options: MemoOptions,
  state: 'draft' | 'issued',
  display: TimeDisplay = UTC_ISO,
): Promise<ComposedMemo> {
  const { memo, cited } = buildMemo(source, options);
  const canonical = canonicalJson(memo);
  const fingerprint = await sha256Hex(canonical);
  return {
    memo,
    cited,
    canonical,
    fingerprint,
    markdown: renderMemoMarkdown(memo, { fingerprint, state, display }),
    display,
    ...(memo.logo && source.engagement.memoLogo ? { logo: source.engagement.memoLogo } : {}),
  };
}

/** The HTML print document of a composed memo. */
export function htmlOf(composed: ComposedMemo, state: 'draft' | 'issued'): string {
  return renderMemoHtml(composed.memo, {
    fingerprint: composed.fingerprint,
    state,
    display: composed.display,
    logo: composed.logo,
  });
}
