import { describe, expect, it } from 'vitest';
import {
  ArchiveError,
  IncrementalArchiveReader,
  parseArchiveText,
  type ParsedArchive,
} from '../../../shared/archive';
import { openTestStore } from '../db/helpers';
import { exportText, storeSample } from './helpers';

const FILE = 'client.engagement.json';

/** The sample engagement's archive text, as the app exports it. */
async function sampleText(): Promise<string> {
  const { db, store } = await openTestStore();
  const engagementId = await storeSample(store);
  return (await exportText(db, engagementId)).text;
}

/** Feeds `text` in pieces of `size` characters; the reader's outcome (value or error). */
async function readInPieces(text: string, size: number) {
  const reader = new IncrementalArchiveReader();
  for (let start = 0; start < text.length; start += size) {
    reader.push(text.slice(start, start + size));
  }
  const outcome = await reader.finish(FILE).then(
    (parsed) => ({ parsed }),
    (error: unknown) => ({ error }),
  );
  return { ...outcome, following: reader.following };
}

/** parseArchiveText's outcome on the whole text. */
async function readWhole(text: string) {
  return parseArchiveText(text, FILE).then(
    (parsed) => ({ parsed }),
    (error: unknown) => ({ error }),
  );
}

/** An ArchiveError as plain data, to compare two of them. */
function describeError(error: unknown) {
  expect(error).toBeInstanceOf(ArchiveError);
  const e = error as ArchiveError;
  return { kind: e.kind, message: e.message, problems: e.problems };
}

/** Expects the same outcome from the piecewise reader as from parseArchiveText. */
async function expectSameOutcome(text: string, size: number, following: boolean) {
  const piecewise = await readInPieces(text, size);
  const whole = await readWhole(text);
  expect(piecewise.following).toBe(following);
  if ('parsed' in whole) {
    expect('parsed' in piecewise ? piecewise.parsed : piecewise.error).toEqual(whole.parsed);
  } else {
    expect('error' in piecewise).toBe(true);
    expect(describeError((piecewise as { error: unknown }).error)).toEqual(
      describeError(whole.error),
    );
  }
  return piecewise;
}

/** The text with one line changed (the first line containing `marker`). */
function editLine(text: string, marker: string, edit: (line: string) => string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(marker));
  expect(index).toBeGreaterThan(0);
  lines[index] = edit(lines[index]!);
  return lines.join('\n');
}

describe('IncrementalArchiveReader (records checked while the file is still being read)', () => {
  it('follows an exported archive to the end in any piece size, with the same result', async () => {
    const text = await sampleText();
    for (const size of [1, 7, 4096, text.length]) {
      const outcome = await expectSameOutcome(text, size, true);
      const parsed = (outcome as { parsed: ParsedArchive }).parsed;
      expect(parsed.content.changes.length).toBeGreaterThan(10);
      expect(parsed.summary.counts.stakeholder).toBeGreaterThan(0);
    }
  });

  it('accepts the same archive with a byte-order mark or Windows line endings', async () => {
    const text = await sampleText();
    await expectSameOutcome(`\ufeff${text}`, 1000, true);
    await expectSameOutcome(text.replaceAll('\n', '\r\n'), 333, true);
  });

  it('falls back to reading the whole text for another layout, with the same result', async () => {
    const text = await sampleText();
    const reindented = JSON.stringify(JSON.parse(text), null, 1);
    await expectSameOutcome(reindented, 500, false);
    await expectSameOutcome(JSON.stringify(JSON.parse(text)), 500, false);
    // a key twice: JSON.parse keeps the last one, and so does the result
    await expectSameOutcome(
      text.replace('  "content": {', '  "content": 1,\n  "content": {'),
      500,
      false,
    );
  });

  it('a record line with its keys in another order: same value, same checksum, same result', async () => {
    const text = await sampleText();
    const reordered = editLine(text, '"entity":"risk"', (line) => {
      const trimmed = line.trim();
      const comma = trimmed.endsWith(',');
      const value = JSON.parse(comma ? trimmed.slice(0, -1) : trimmed) as Record<string, unknown>;
      const reversed = Object.fromEntries(Object.entries(value).reverse());
      return `      ${JSON.stringify(reversed)}${comma ? ',' : ''}`;
    });
    expect(reordered).not.toBe(text);
    await expectSameOutcome(reordered, 1000, true);
  });

  it('refuses what parseArchiveText refuses, with the same message', async () => {
    const text = await sampleText();
    const cases = [
      // a record that fails its schema (the whole text is then read to name every problem)
      editLine(text, '"likelihood":', (line) => line.replace(/"likelihood":\d/, '"likelihood":9')),
      // a missing comma between two records, and one too many
      editLine(text, '"entity":"note"', (line) => line.replace(/,$/, '')),
      editLine(text, '"records": {', (line) => line.replace('{', '{,')),
      // a character JSON does not take as white space, in front of a record
      editLine(text, '"entity":"note"', (line) => `\u00a0${line}`),
      // anything after the end, and a file cut short
      `${text}}\n`,
      text.slice(0, Math.floor(text.length * 0.7)),
      // edited after export (the checksum no longer matches)
      text.replaceAll('"client":"Northwind Learning"', '"client":"Northwind L."'),
    ];
    for (const bad of cases) {
      expect(bad).not.toBe(text);
      const piecewise = await readInPieces(bad, 4096);
      expect('error' in piecewise, `case ${cases.indexOf(bad)}`).toBe(true);
      const whole = await readWhole(bad);
      expect('error' in whole).toBe(true);
      expect(describeError((piecewise as { error: unknown }).error)).toEqual(
        describeError((whole as { error: unknown }).error),
      );
    }
  });
});
