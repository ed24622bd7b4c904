import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScriptedDialogs } from '../../../electron/main/dialogs';
import {
  createMemoHandlers,
  nodeMemoFileSystem,
  saveFailureMessage,
  type MemoFileSystem,
} from '../../../electron/main/handlers/memo.handler';
import { cssString, type PdfPrintOptions } from '../../../shared/memo';
import { WorkbenchIpcError } from '../../../shared/ipc/errors';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'memo-handler-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FP = 'ab'.repeat(32);
const footer = { memoId: 'NWL-M-2026-004', version: 2, fingerprint: FP, headerText: 'Northwind' };

function failingFs(code: string): MemoFileSystem {
  return {
    ...nodeMemoFileSystem,
    writeFile: async () => {
      throw Object.assign(new Error(`${code}: simulated`), { code });
    },
  };
}

describe('memo handlers', () => {
  it('saves Markdown only where the user chose, and reports its hash', async () => {
    const dialogs = createScriptedDialogs();
    const handlers = createMemoHandlers(dialogs);
    const path = join(dir, 'memo.md');
    dialogs.answerNextSave(path);
    const result = await handlers['memo.exportMarkdown']({
      markdown: '# Memo\n',
      suggestedName: 'NWL-M-2026-004-v2.md',
    });
    expect(result).toMatchObject({ saved: true, fileName: 'memo.md', bytes: 7 });
    expect(await readFile(path, 'utf8')).toBe('# Memo\n');
    expect(dialogs.saveRequests[0]).toMatchObject({ defaultName: 'NWL-M-2026-004-v2.md' });
    // cancelled: nothing written
    expect(await handlers['memo.exportMarkdown']({ markdown: 'x', suggestedName: 'a.md' })).toEqual(
      { saved: false, fileName: null, sha256: null, bytes: 0 },
    );
  });

  it('preparePdf readies the printer when there is one; a failure is only reported as not ready', async () => {
    let prepared = 0;
    const printToPdf = async () => new TextEncoder().encode('%PDF-1.4 fake');
    const ready = createMemoHandlers({ printToPdf, preparePdf: async () => void (prepared += 1) });
    expect(await ready['memo.preparePdf']({})).toEqual({ ready: true });
    expect(prepared).toBe(1);
    const failing = createMemoHandlers({
      printToPdf,
      preparePdf: async () => {
        throw new Error('window could not be created');
      },
    });
    expect(await failing['memo.preparePdf']({})).toEqual({ ready: false });
    expect(await createMemoHandlers({})['memo.preparePdf']({})).toEqual({ ready: false });
  });

  it('prints the PDF with the footer fields, after the save dialog', async () => {
    const dialogs = createScriptedDialogs();
    const printed: Array<{ html: string; options: PdfPrintOptions }> = [];
    const handlers = createMemoHandlers({
      ...dialogs,
      printToPdf: async (html, options) => {
        printed.push({ html, options });
        return new TextEncoder().encode('%PDF-1.4 fake');
      },
    });
    dialogs.answerNextSave(null);
    await handlers['memo.exportPdf']({
      html: '<p>x</p>',
      pageSize: 'A4',
      suggestedName: 'a.pdf',
      footer,
    });
    expect(printed).toHaveLength(0);
    dialogs.answerNextSave(join(dir, 'memo.pdf'));
    const result = await handlers['memo.exportPdf']({
      html: '<p>x</p>',
      pageSize: 'Letter',
      suggestedName: 'a.pdf',
      footer,
    });
    expect(result.saved).toBe(true);
    expect(printed[0]?.options.pageSize).toBe('Letter');
    expect(printed[0]?.options.pageCss).toContain(
      `content: ${cssString('NWL-M-2026-004 · version 2 · page ')} counter(page) ${cssString(' of ')} counter(pages);`,
    );
    expect(printed[0]?.options.pageCss).toContain(cssString(`SHA-256 ${FP}`));
  });

  for (const [code, words] of [
    ['ENOSPC', 'the disk is full'],
    ['ENOENT', 'the folder no longer exists'],
    ['EACCES', 'you do not have permission'],
  ] as const) {
    it(`a failed save (${code}) gives a clear message`, async () => {
      const dialogs = createScriptedDialogs();
      const handlers = createMemoHandlers({ ...dialogs, files: failingFs(code) });
      dialogs.answerNextSave(join(dir, 'memo.md'));
      const error = await handlers['memo.exportMarkdown']({
        markdown: 'x',
        suggestedName: 'a.md',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbenchIpcError);
      expect((error as WorkbenchIpcError).code).toBe('SAVE_FAILED');
      expect((error as WorkbenchIpcError).message).toContain(words);
      expect((error as WorkbenchIpcError).message).toContain('memo.md');
    });
  }

  it('really fails on a folder that is gone, and leaves no temporary file behind', async () => {
    const dialogs = createScriptedDialogs();
    const handlers = createMemoHandlers(dialogs);
    dialogs.answerNextSave(join(dir, 'gone', 'memo.md'));
    await expect(
      handlers['memo.exportMarkdown']({ markdown: 'x', suggestedName: 'a.md' }),
    ).rejects.toThrow(/folder no longer exists/);
    expect(saveFailureMessage({ code: 'EWHAT' }, 'f.pdf')).toMatch(/could not be written/);
  });

  it('verifyFile reads the picked file: Markdown text, PDF title', async () => {
    const dialogs = createScriptedDialogs();
    const handlers = createMemoHandlers(dialogs);
    const md = join(dir, 'm.md');
    await writeFile(md, 'hello');
    dialogs.answerNextOpen(md);
    const a = await handlers['memo.verifyFile']({});
    expect(a.file).toMatchObject({ kind: 'markdown', text: 'hello', fileName: 'm.md' });
    const pdf = join(dir, 'm.pdf');
    await writeFile(
      pdf,
      `%PDF-1.4\n1 0 obj << /Title (NWL-M-2026-004 v2 SHA-256 ${FP}) /Producer (Skia) >>`,
      'latin1',
    );
    dialogs.answerNextOpen(pdf);
    const b = await handlers['memo.verifyFile']({});
    expect(b.file).toMatchObject({
      kind: 'pdf',
      pdfTitle: `NWL-M-2026-004 v2 SHA-256 ${FP}`,
      text: null,
    });
    expect(await handlers['memo.verifyFile']({})).toEqual({ picked: false, file: null });
  });
});
