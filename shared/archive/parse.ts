import type { z } from 'zod';
import { changeRecordSchema, type ChangeRecord } from '../model/change';
import type { Engagement } from '../model/engagement';
import { entitySchemas, isEngagementScoped, type EntityName } from '../model/registry';
import { canonicalJson } from '../canonical/canonicalJson';
import { sha256Hex } from '../canonical/sha256';
import { summarizeContent, type ArchiveContent, type ArchiveRecord } from './content';
import { ArchiveError, type ArchiveProblem } from './errors';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_READER_VERSION,
  archiveEnvelopeSchema,
  type ArchiveSummary,
} from './format';

/** A stage of reading an archive, for a progress bar. */
export type ArchiveParseStage = 'parsing' | 'validating' | 'checksum';

/** Progress of {@link parseArchiveText}: the stage and how far it is (0..1). */
export type ArchiveParseProgress = (stage: ArchiveParseStage, fraction: number) => void;

/** An archive that passed every check: safe to write. */
export interface ParsedArchive {
  /** The format version it was written in. */
  formatVersion: number;
  /** The app version that wrote it. */
  appVersion: string;
  /** When it was written. */
  exportedAt: string;
  /** Its content checksum (verified). */
  checksum: string;
  /** The validated content (defaults applied). */
  content: ArchiveContent;
  /** What it holds (recomputed from the content). */
  summary: ArchiveSummary;
}

/** At most this many problems are listed; one is enough to refuse. */
const MAX_PROBLEMS = 50;

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** Turns JSON.parse's SyntaxError into a located problem; tells a cut-short file apart. */
function jsonProblem(
  text: string,
  error: unknown,
): { truncated: boolean; problem: ArchiveProblem } {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  const position = match ? Number(match[1]) : text.length;
  const truncated =
    /end of (?:JSON )?(?:data|input)|Unterminated/i.test(message) ||
    position >= text.trimEnd().length;
  const { line, column } = lineAndColumn(text, position);
  return {
    truncated,
    problem: truncated
      ? {
          where: `line ${line}`,
          message: 'the file ends in the middle of the data: it is cut short (truncated)',
        }
      : { where: `line ${line}, column ${column}`, message: 'is not valid JSON' },
  };
}

/** Reads the value at a path (undefined when absent), to tell "missing" from "wrong". */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** One problem per zod issue, located at `where`. */
function zodProblems(where: string, input: unknown, error: z.ZodError): ArchiveProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    return {
      where,
      ...(field ? { field } : {}),
      message: missing ? 'is required' : issue.message,
    };
  });
}

const idOf = (value: unknown): string | null => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
};

const describeItem = (kind: string, index: number, value: unknown): string => {
  const id = idOf(value);
  return `${kind} #${index + 1}${id ? ` (id ${id})` : ''}`;
};

/**
 * Reads and checks an archive's text completely, without writing anything: JSON syntax (a
 * truncated file is told apart), that it is an archive at all, its format version, every record
 * against the registry's schema, that every record and change belongs to the engagement, and
 * the checksum. Throws an ArchiveError naming the file, the record or line, and the field.
 */
export async function parseArchiveText(
  text: string,
  fileName: string,
  onProgress?: ArchiveParseProgress,
): Promise<ParsedArchive> {
  const fail = (kind: ArchiveError['kind'], problems: ArchiveProblem[]): never => {
    throw new ArchiveError(fileName, kind, problems);
  };
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') fail('empty', [{ where: '', message: 'the file is empty' }]);

  const first = source.trimStart()[0];
  if (first !== '{') {
    fail('not-an-archive', [
      {
        where: '',
        message: 'it is not an Engagement Workbench archive (it is not a JSON object)',
      },
    ]);
  }

  onProgress?.('parsing', 0);
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    const { truncated, problem } = jsonProblem(source, error);
    fail(truncated ? 'truncated' : 'invalid-json', [problem]);
  }
  onProgress?.('parsing', 1);

  const top = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : null;
  const format = (top as { format?: unknown } | null)?.format;
  if (format !== ARCHIVE_FORMAT) {
    fail('not-an-archive', [
      {
        where: '',
        message: `it is not an Engagement Workbench archive (it has no "format": "${ARCHIVE_FORMAT}")`,
      },
    ]);
  }
  const minReader = (top as { minReaderVersion?: unknown }).minReaderVersion;
  const formatVersion = (top as { formatVersion?: unknown }).formatVersion;
  if (typeof minReader === 'number' && minReader > ARCHIVE_READER_VERSION) {
    fail('newer-version', [
      {
        where: '',
        message:
          `it was written by a newer version of Engagement Workbench (archive format ` +
          `${String(formatVersion)}); reading it needs archive reader version ${minReader} or ` +
          `newer, and this app reads version ${ARCHIVE_READER_VERSION}. Update the app, then import it`,
      },
    ]);
  }

  const envelope = archiveEnvelopeSchema.safeParse(raw);
  if (!envelope.success)
    fail('invalid-envelope', zodProblems('the archive header', raw, envelope.error));
  const { content: rawContent, checksum, exportedAt, appVersion } = envelope.data!;

  const problems: ArchiveProblem[] = [];
  const report = (list: ArchiveProblem[]): void => {
    for (const p of list) if (problems.length < MAX_PROBLEMS) problems.push(p);
  };

  const engagementResult = entitySchemas.engagement.safeParse(rawContent.engagement);
  if (!engagementResult.success) {
    report(
      zodProblems(
        describeItem('engagement', 0, rawContent.engagement),
        rawContent.engagement,
        engagementResult.error,
      ),
    );
  }
  const engagement = engagementResult.data as Engagement | undefined;
  const engagementId = engagement?.id ?? idOf(rawContent.engagement);

  const total =
    Object.values(rawContent.records).reduce((n, list) => n + list.length, 0) +
    rawContent.changes.length;
  let done = 0;
  const tick = (): void => {
    done += 1;
    if (onProgress && done % 2000 === 0) onProgress('validating', done / Math.max(total, 1));
  };

  const records: ArchiveContent['records'] = {};
  for (const [name, list] of Object.entries(rawContent.records)) {
    if (!(name in entitySchemas) || !isEngagementScoped(name as EntityName)) {
      report([
        {
          where: `records of kind “${name}”`,
          message:
            'are not known to this version of the app (the file may come from a newer version): update the app',
        },
      ]);
      continue;
    }
    const entity = name as EntityName;
    const schema = entitySchemas[entity];
    const seen = new Set<string>();
    const valid: ArchiveRecord[] = [];
    list.forEach((item, index) => {
      tick();
      const where = describeItem(entity, index, item);
      const result = schema.safeParse(item);
      if (!result.success) {
        report(zodProblems(where, item, result.error));
        return;
      }
      const record = result.data as ArchiveRecord;
      if (seen.has(record.id)) {
        report([{ where, field: 'id', message: 'appears twice in the file' }]);
      }
      seen.add(record.id);
      if (engagementId !== null && record.engagementId !== engagementId) {
        report([{ where, field: 'engagementId', message: 'is not the archived engagement' }]);
      }
      valid.push(record);
    });
    records[entity] = valid;
  }

  const changes: ChangeRecord[] = [];
  const changeIds = new Set<string>();
  rawContent.changes.forEach((item, index) => {
    tick();
    const where = describeItem('change', index, item);
    const result = changeRecordSchema.safeParse(item);
    if (!result.success) {
      report(zodProblems(where, item, result.error));
      return;
    }
    const change = result.data;
    if (changeIds.has(change.id))
      report([{ where, field: 'id', message: 'appears twice in the file' }]);
    changeIds.add(change.id);
    if (engagementId !== null && change.engagementId !== engagementId) {
      report([{ where, field: 'engagementId', message: 'is not the archived engagement' }]);
    }
    changes.push(change);
  });
  onProgress?.('validating', 1);
  if (problems.length > 0) fail('invalid-record', problems);

  onProgress?.('checksum', 0);
  const actual = await sha256Hex(canonicalJson((top as { content?: unknown }).content));
  if (actual !== checksum.value) {
    fail('checksum', [
      {
        where: '',
        field: 'checksum',
        message:
          'does not match the content: the file was changed or damaged after it was exported',
      },
    ]);
  }
  onProgress?.('checksum', 1);

  const content: ArchiveContent = { engagement: engagement as Engagement, records, changes };
  return {
    formatVersion: envelope.data!.formatVersion,
    appVersion,
    exportedAt,
    checksum: actual,
    content,
    summary: summarizeContent(content),
  };
}
