import { changeRecordSchema } from '../model/change';
import { entitySchemas, isEngagementScoped, type EntityName } from '../model/registry';
import { canonicalJson } from './canonical';
import {
  checkArchiveValue,
  parseArchiveText,
  type ArchiveParseProgress,
  type ItemCheck,
  type ParsedArchive,
} from './parse';

/** Where the reader is in the layout serializeArchive writes. */
type State =
  | 'header'
  | 'content'
  | 'changes'
  | 'engagement'
  | 'records-open'
  | 'records'
  | 'entity'
  | 'content-close'
  | 'top-close'
  | 'done'
  | 'off-layout';

/** One record list being read. */
interface ListState {
  /** The entity name (the key in `records`). */
  name: string;
  /** Its parsed items. */
  items: unknown[];
  /** Their canonical JSON. */
  canonical: string[];
  /** Their schema checks (when the entity is one this version knows). */
  checks: ItemCheck[] | null;
}

/** Trims JSON whitespace only (space, tab, CR): String#trim also strips what JSON refuses. */
function trimJsonSpace(text: string): string {
  let start = 0;
  let end = text.length;
  const space = (code: number) => code === 0x20 || code === 0x09 || code === 0x0d;
  while (start < end && space(text.charCodeAt(start))) start += 1;
  while (end > start && space(text.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const ENTITY_OPEN = /^"([A-Za-z0-9_]+)": \[$/;
const ENTITY_EMPTY = /^"([A-Za-z0-9_]+)": \[\](,?)$/;

/**
 * Reads an archive's text piece by piece AS IT ARRIVES, so the expensive part of the check
 * (JSON parse, schema check and canonical JSON of every record and change) runs while the rest
 * of the file is still being read, instead of after it.
 *
 * It only follows the layout {@link serializeArchive} writes (a header, then one record per
 * line). On anything else (another layout, a line that is not valid JSON, a record that fails
 * its check) it simply stops following and {@link finish} reads the whole text with
 * {@link parseArchiveText} as before, which names the problem. When it did follow the file to
 * the end, the value it assembled is the value `JSON.parse` gives for the whole text (every
 * line is a complete JSON value, the lines between them are fixed, commas are checked), and
 * the same checks run on it ({@link checkArchiveValue}) with the per-item results reused: the
 * outcome is the same either way, only sooner.
 */
export class IncrementalArchiveReader {
  private readonly pieces: string[] = [];
  private carry = '';
  private first = true;
  private state: State = 'header';
  private readonly header: string[] = [];
  private readonly changes: unknown[] = [];
  private readonly changeCanonical: string[] = [];
  private readonly changeChecks: ItemCheck[] = [];
  /** Whether the last item line ended with a comma (another item must follow). */
  private comma = false;
  /** Whether the list read holds at least one item. */
  private any = false;
  private engagement: unknown = undefined;
  private engagementCheck: ItemCheck | null = null;
  private engagementCanonical = '';
  private readonly lists: ListState[] = [];
  private list: ListState | null = null;
  /** Whether the last record list ended with a comma (another list must follow). */
  private listComma = false;

  /** Whether the reader still follows the file (false: finish() will parse the whole text). */
  get following(): boolean {
    return this.state !== 'off-layout';
  }

  /** Hands over the next piece of the file's text. */
  push(piece: string): void {
    this.pieces.push(piece);
    if (this.state === 'off-layout') return;
    let text = this.carry + piece;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.line(text.slice(start, end));
      start = end + 1;
      if (!this.following) {
        this.carry = '';
        return;
      }
    }
    this.carry = text.slice(start);
  }

  /**
   * The checked archive, or an ArchiveError naming the file, the record or line and the field
   * (exactly as parseArchiveText gives for the whole text).
   */
  async finish(fileName: string, onProgress?: ArchiveParseProgress): Promise<ParsedArchive> {
    if (this.state !== 'off-layout' && this.carry !== '') this.line(this.carry);
    this.carry = '';
    const raw = this.state === 'done' ? this.assembled() : null;
    if (raw === null) {
      this.state = 'off-layout';
      const text = this.pieces.join('');
      this.pieces.length = 0;
      return parseArchiveText(text, fileName, onProgress);
    }
    this.pieces.length = 0;
    onProgress?.('parsing', 1);
    const records: Record<string, ItemCheck[]> = {};
    for (const list of this.lists) if (list.checks) records[list.name] = list.checks;
    const canonicalRecords = [...this.lists]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((list) => `${JSON.stringify(list.name)}:[${list.canonical.join(',')}]`)
      .join(',');
    const canonicalContent =
      `{"changes":[${this.changeCanonical.join(',')}],` +
      `"engagement":${this.engagementCanonical},"records":{${canonicalRecords}}}`;
    return checkArchiveValue(raw, fileName, onProgress, {
      engagement: this.engagementCheck as ItemCheck,
      records,
      changes: this.changeChecks,
      canonicalContent,
    });
  }

  /** The whole file's value, or null when the header is not a plain JSON object. */
  private assembled(): Record<string, unknown> | null {
    const text = this.header.join('\n').trimEnd();
    let header: unknown;
    try {
      header = JSON.parse(text === '{' ? '{}' : text.endsWith(',') ? `${text.slice(0, -1)}}` : '');
    } catch {
      return null;
    }
    if (header === null || typeof header !== 'object' || Array.isArray(header)) return null;
    if (Object.prototype.hasOwnProperty.call(header, 'content')) return null;
    const records: Record<string, unknown[]> = {};
    for (const list of this.lists) records[list.name] = list.items;
    return {
      ...(header as Record<string, unknown>),
      content: { changes: this.changes, engagement: this.engagement, records },
    };
  }

  private off(): void {
    this.state = 'off-layout';
    this.header.length = 0;
    this.changes.length = 0;
    this.changeCanonical.length = 0;
    this.changeChecks.length = 0;
    this.lists.length = 0;
    this.list = null;
  }

  /** One item line of a list: its value, canonical JSON and check, or null (off the layout). */
  private item(
    line: string,
    check: ((value: unknown) => ItemCheck) | null,
  ): { value: unknown; canonical: string; result: ItemCheck | null } | null {
    if (this.any && !this.comma) return null;
    const comma = line.endsWith(',');
    const body = comma ? line.slice(0, -1) : line;
    if (!body.startsWith('{') || !body.endsWith('}')) return null;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return null;
    }
    const result = check ? check(value) : null;
    if (result && !result.success) return null;
    this.comma = comma;
    this.any = true;
    return { value, canonical: canonicalJson(value), result };
  }

  /** Ends a list at its closing bracket line ("]" or "],"); false when that is wrong there. */
  private closeList(line: string, mustHaveComma: boolean | null): boolean {
    if (line !== ']' && line !== '],') return false;
    if (!this.any || this.comma) return false;
    const comma = line === '],';
    if (mustHaveComma !== null && comma !== mustHaveComma) return false;
    this.listComma = comma;
    return true;
  }

  private startList(): void {
    this.comma = false;
    this.any = false;
  }

  private line(rawLine: string): void {
    const line = trimJsonSpace(rawLine);
    if (this.state === 'header') {
      if (line === '"content": {') {
        if (this.header.length === 0) return this.off();
        this.state = 'content';
      } else if (this.header.length === 0 && line !== '' && line !== '{') {
        this.off();
      } else if (line !== '') {
        this.header.push(line);
      }
      return;
    }
    if (line === '') return;
    switch (this.state) {
      case 'content':
        if (line === '"changes": [],') this.state = 'engagement';
        else if (line === '"changes": [') {
          this.state = 'changes';
          this.startList();
        } else this.off();
        return;
      case 'changes': {
        if (line.startsWith(']')) {
          if (this.closeList(line, true)) this.state = 'engagement';
          else this.off();
          return;
        }
        const item = this.item(line, (value) => changeRecordSchema.safeParse(value));
        if (!item) return this.off();
        this.changes.push(item.value);
        this.changeCanonical.push(item.canonical);
        this.changeChecks.push(item.result as ItemCheck);
        return;
      }
      case 'engagement': {
        const prefix = '"engagement": ';
        if (!line.startsWith(prefix) || !line.endsWith(',')) return this.off();
        this.startList();
        const item = this.item(line.slice(prefix.length), (value) =>
          entitySchemas.engagement.safeParse(value),
        );
        if (!item || !this.comma) return this.off();
        this.engagement = item.value;
        this.engagementCanonical = item.canonical;
        this.engagementCheck = item.result;
        this.state = 'records-open';
        return;
      }
      case 'records-open':
        if (line === '"records": {') {
          this.state = 'records';
          this.listComma = true;
        } else this.off();
        return;
      case 'records': {
        if (line === '}') {
          if (this.lists.length > 0 && this.listComma) return this.off();
          this.state = 'content-close';
          return;
        }
        if (!this.listComma) return this.off();
        const empty = ENTITY_EMPTY.exec(line);
        const open = empty ? null : ENTITY_OPEN.exec(line);
        const name = empty?.[1] ?? open?.[1];
        if (name === undefined || name === '__proto__' || this.lists.some((l) => l.name === name)) {
          return this.off();
        }
        const known = name in entitySchemas && isEngagementScoped(name as EntityName);
        const list: ListState = { name, items: [], canonical: [], checks: known ? [] : null };
        this.lists.push(list);
        if (empty) {
          this.listComma = empty[2] === ',';
        } else {
          this.list = list;
          this.state = 'entity';
          this.startList();
        }
        return;
      }
      case 'entity': {
        const list = this.list as ListState;
        if (line.startsWith(']')) {
          if (this.closeList(line, null)) {
            this.state = 'records';
            this.list = null;
          } else this.off();
          return;
        }
        const schema = list.checks ? entitySchemas[list.name as EntityName] : null;
        const item = this.item(line, schema ? (value) => schema.safeParse(value) : null);
        if (!item) return this.off();
        list.items.push(item.value);
        list.canonical.push(item.canonical);
        if (list.checks) list.checks.push(item.result as ItemCheck);
        return;
      }
      case 'content-close':
        if (line === '}') this.state = 'top-close';
        else this.off();
        return;
      case 'top-close':
        if (line === '}') this.state = 'done';
        else this.off();
        return;
      default:
        this.off();
    }
  }
}
