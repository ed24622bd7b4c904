import { canonicalJson } from '../canonical/canonicalJson';
import { sha256Hex } from '../canonical/sha256';
import type { ArchiveContent, ArchiveRecord } from './content';
import { archivedEntities, summarizeContent } from './content';
import {
  ARCHIVE_CHECKSUM_ALGORITHM,
  ARCHIVE_EXTENSION,
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_READER_VERSION,
  type ArchiveSummary,
} from './format';

/** Who writes the archive and when. */
export interface ArchiveWriteOptions {
  /** The app's version (app.info). */
  appVersion: string;
  /** The export time (UTC ISO). The only part of the file that differs between two exports. */
  exportedAt: string;
}

/** A written archive. */
export interface SerializedArchive {
  /** The file's text (UTF-8 JSON, one record per line). */
  text: string;
  /** The SHA-256 of the canonical content. */
  checksum: string;
  /** What it holds. */
  summary: ArchiveSummary;
}

const byId = (a: ArchiveRecord, b: ArchiveRecord): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Puts the content in its one canonical order (records by id, changes by HLC then id, every
 * archived entity present), so two exports of the same data are the same file.
 */
export function normalizeContent(content: ArchiveContent): ArchiveContent {
  const records: ArchiveContent['records'] = {};
  const names = new Set([...archivedEntities(), ...Object.keys(content.records)]);
  for (const entity of [...names].sort() as (keyof ArchiveContent['records'])[]) {
    records[entity] = [...(content.records[entity] ?? [])].sort(byId);
  }
  const changes = [...content.changes].sort((a, b) =>
    a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  return { engagement: content.engagement, records, changes };
}

/**
 * Writes an archive: a JSON file with a readable header and one record per line; the checksum
 * is the SHA-256 of the canonical JSON of `content` (what {@link canonicalJson} gives for it).
 */
export async function serializeArchive(
  input: ArchiveContent,
  options: ArchiveWriteOptions,
): Promise<SerializedArchive> {
  const content = normalizeContent(input);
  const changeLines = content.changes.map((c) => canonicalJson(c));
  const engagementLine = canonicalJson(content.engagement);
  const entityBlocks = Object.entries(content.records).map(([entity, records]) => ({
    key: JSON.stringify(entity),
    lines: (records ?? []).map((r) => canonicalJson(r)),
  }));

  const compact =
    `{"changes":[${changeLines.join(',')}],"engagement":${engagementLine},"records":{` +
    entityBlocks.map((b) => `${b.key}:[${b.lines.join(',')}]`).join(',') +
    '}}';
  const checksum = await sha256Hex(compact);
  const summary = summarizeContent(content);

  const list = (lines: string[], indent: string): string =>
    lines.length === 0 ? '[]' : `[\n${indent}${lines.join(`,\n${indent}`)}\n${indent.slice(2)}]`;
  const text =
    '{\n' +
    `  "format": ${JSON.stringify(ARCHIVE_FORMAT)},\n` +
    `  "formatVersion": ${ARCHIVE_FORMAT_VERSION},\n` +
    `  "minReaderVersion": ${ARCHIVE_READER_VERSION},\n` +
    `  "appVersion": ${JSON.stringify(options.appVersion)},\n` +
    `  "exportedAt": ${JSON.stringify(options.exportedAt)},\n` +
    `  "summary": ${canonicalJson(summary)},\n` +
    `  "checksum": ${canonicalJson({ algorithm: ARCHIVE_CHECKSUM_ALGORITHM, value: checksum })},\n` +
    '  "content": {\n' +
    `    "changes": ${list(changeLines, '      ')},\n` +
    `    "engagement": ${engagementLine},\n` +
    '    "records": {\n' +
    entityBlocks.map((b) => `      ${b.key}: ${list(b.lines, '        ')}`).join(',\n') +
    '\n    }\n' +
    '  }\n' +
    '}\n';
  return { text, checksum, summary };
}

/** A file name for an engagement's archive: "NWL-database-operations-review-2026-11-26.engagement.json". */
export function archiveFileName(
  engagement: { code: string; title: string },
  exportedAt: string,
): string {
  const dashed = engagement.title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-');
  // Runs are single dashes now: drop one at each end (no /-+$/, which backtracks on long runs).
  const slug = dashed
    .slice(dashed.startsWith('-') ? 1 : 0, dashed.endsWith('-') ? -1 : undefined)
    .slice(0, 60);
  return `${engagement.code}-${slug || 'engagement'}-${exportedAt.slice(0, 10)}${ARCHIVE_EXTENSION}`;
}
