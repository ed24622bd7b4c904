import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { IpcHandlers } from '@shared/ipc/contract';
import { pdfPrintOptions } from '@shared/memo/pdfTemplates';
import { readPdfTitle } from '@shared/memo/verify';
import { inspectSignedPdf } from '@shared/memo/pdfSignature';
import { buildExhibitsZip, ExhibitHashError } from '@shared/memo/exhibitsZip';
import type { SignedManifest } from '@shared/memo/signedManifest';
import { WorkbenchIpcError } from '@shared/ipc/errors';
import { signIssueManifest, signPdfExport, type MemoSigningDeps } from './memoSigning';
import type { ShowOpenDialog, ShowSaveDialog } from '../dialogs/types';
import type { PrintToPdf } from '../pdf/types';
import { writeFileAtomically } from '../backups/atomicFile';

/** Error codes of the memo channels. */
export const MEMO_ERROR_CODES = {
  /** The file could not be written (full disk, folder gone, no permission...). */
  saveFailed: 'SAVE_FAILED',
  /** The PDF could not be printed. */
  printFailed: 'PRINT_FAILED',
  /** The picked file could not be read. */
  readFailed: 'READ_FAILED',
  /** No PDF printer in this runtime. */
  unavailable: 'UNAVAILABLE',
} as const;

/** The file operations the memo handlers use (tests inject failing ones). */
export interface MemoFileSystem {
  /** Writes the whole file (atomically: readers never see half of it). */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** Reads a whole file. */
  readFile(path: string): Promise<Uint8Array>;
  /** The size of a file, in bytes. */
  sizeOf(path: string): Promise<number>;
}

/** The real file system: memos are written atomically, readable by this user only (0600). */
export const nodeMemoFileSystem: MemoFileSystem = {
  writeFile: async (path, bytes) => {
    await writeFileAtomically(path, bytes);
  },
  readFile: async (path) => new Uint8Array(await readFile(path)),
  sizeOf: async (path) => (await stat(path)).size,
};

/** Deps of the memo handlers. */
export interface MemoHandlerDeps {
  /** Save dialog; absent means every save is cancelled. */
  showSaveDialog?: ShowSaveDialog;
  /** Open dialog; absent means every pick is cancelled. */
  showOpenDialog?: ShowOpenDialog;
  /** The PDF printer; absent means PDF export is unavailable. */
  printToPdf?: PrintToPdf;
  /** Readies the printer's surface ahead of an export (absent: nothing to prepare). */
  preparePdf?: () => Promise<void>;
  /** Puts text on the system clipboard. */
  writeClipboard?: (text: string) => Promise<void>;
  /** File access (defaults to the real file system). */
  files?: MemoFileSystem;
  /** The device key, for signed memos (absent: memo.sign refuses, PDFs go out unsigned). */
  signing?: MemoSigningDeps;
}

/** Largest total of exhibit bytes one "Export with exhibits" carries over IPC. */
export const MAX_EXHIBITS_BYTES = 300 * 1024 * 1024;

/** Largest file Verify reads. */
const MAX_VERIFY_BYTES = 100 * 1024 * 1024;

/** A failed write, in words a user can act on. */
export function saveFailureMessage(error: unknown, fileName: string): string {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const reason: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'your disk quota is used up',
    ENOENT: 'the folder no longer exists',
    ENOTDIR: 'the folder no longer exists',
    EACCES: 'you do not have permission to write in that folder',
    EPERM: 'you do not have permission to write in that folder',
    EROFS: 'that disk is read-only',
    EISDIR: 'a folder has that name',
    EBUSY: 'the file is open in another program',
  };
  const why =
    typeof code === 'string' && reason[code] ? reason[code] : 'the file could not be written';
  return `Could not save ${fileName}: ${why}. Nothing was lost: choose another place and try again.`;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Handlers of memo.exportPdf, memo.exportMarkdown, memo.preparePdf, memo.verifyFile and clipboard.writeText. */
export function createMemoHandlers(
  deps: MemoHandlerDeps,
): Pick<
  IpcHandlers,
  | 'memo.exportPdf'
  | 'memo.exportMarkdown'
  | 'memo.preparePdf'
  | 'memo.verifyFile'
  | 'memo.sign'
  | 'memo.exportExhibits'
  | 'clipboard.writeText'
> {
  const files = deps.files ?? nodeMemoFileSystem;

  /** Prints the memo to PDF, signed when its signed manifest is given. */
  async function printPdf(request: {
    html: string;
    pageSize: 'A4' | 'Letter';
    footer: { memoId: string; version: number; fingerprint: string; headerText: string };
    signed?: SignedManifest | undefined;
  }): Promise<Uint8Array> {
    const printer = deps.printToPdf;
    if (!printer) {
      throw new WorkbenchIpcError(
        MEMO_ERROR_CODES.unavailable,
        'PDF export is not available here.',
      );
    }
    let pdf: Uint8Array;
    try {
      pdf = await printer(request.html, pdfPrintOptions(request.pageSize, request.footer));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new WorkbenchIpcError(
        MEMO_ERROR_CODES.printFailed,
        `The PDF could not be made: ${detail}`,
      );
    }
    if (!request.signed) return pdf;
    if (!deps.signing) {
      throw new WorkbenchIpcError('SIGN_REFUSED', 'This device has no key to sign with.');
    }
    return signPdfExport(deps.signing, pdf, request.signed, request.footer);
  }

  /** Asks where to save, then writes; only ever to the path the user chose. */
  async function save(
    title: string,
    suggestedName: string,
    filter: { name: string; extensions: string[] },
    produce: () => Promise<Uint8Array>,
  ) {
    const path = deps.showSaveDialog
      ? await deps.showSaveDialog({ title, defaultName: suggestedName, filters: [filter] })
      : null;
    if (path === null) return { saved: false, fileName: null, sha256: null, bytes: 0 };
    const bytes = await produce();
    const fileName = basename(path);
    try {
      await files.writeFile(path, bytes);
    } catch (error) {
      throw new WorkbenchIpcError(MEMO_ERROR_CODES.saveFailed, saveFailureMessage(error, fileName));
    }
    return { saved: true, fileName, sha256: sha256(bytes), bytes: bytes.byteLength };
  }

  return {
    'memo.exportMarkdown': async ({ markdown, suggestedName }) =>
      save(
        'Export memo as Markdown',
        suggestedName,
        { name: 'Markdown', extensions: ['md'] },
        async () => new TextEncoder().encode(markdown),
      ),

    'memo.exportPdf': async ({ suggestedName, ...request }) => {
      if (!deps.printToPdf) {
        throw new WorkbenchIpcError(
          MEMO_ERROR_CODES.unavailable,
          'PDF export is not available here.',
        );
      }
      return save('Export memo as PDF', suggestedName, { name: 'PDF', extensions: ['pdf'] }, () =>
        printPdf(request),
      );
    },

    'memo.sign': async ({ manifest }) => {
      if (!deps.signing) {
        throw new WorkbenchIpcError('SIGN_REFUSED', 'This device has no key to sign with.');
      }
      return signIssueManifest(deps.signing, manifest);
    },

    'memo.exportExhibits': async ({ suggestedName, memo, exhibits }) => {
      const total = exhibits.reduce((sum, e) => sum + Math.floor((e.data.length * 3) / 4), 0);
      if (total > MAX_EXHIBITS_BYTES) {
        throw new WorkbenchIpcError(
          MEMO_ERROR_CODES.saveFailed,
          'The exhibits are larger than 300 MB together: export the memo and its files separately.',
        );
      }
      return save(
        'Export memo with exhibits',
        suggestedName,
        { name: 'Zip archive', extensions: ['zip'] },
        async () => {
          const bytes =
            memo.format === 'markdown'
              ? new TextEncoder().encode(memo.markdown)
              : await printPdf(memo);
          try {
            const files = exhibits.map((e) => ({
              ref: e.ref,
              name: e.name,
              sha256: e.sha256,
              bytes: new Uint8Array(Buffer.from(e.data, 'base64')),
            }));
            return (await buildExhibitsZip({ fileName: memo.fileName, bytes }, files, sha256)).zip;
          } catch (error) {
            if (error instanceof ExhibitHashError) {
              throw new WorkbenchIpcError(MEMO_ERROR_CODES.saveFailed, error.message);
            }
            throw error;
          }
        },
      );
    },

    'memo.preparePdf': async () => {
      if (!deps.printToPdf) return { ready: false };
      try {
        await deps.preparePdf?.();
        return { ready: true };
      } catch {
        // only a head start: the export itself makes the surface again and reports its failure
        return { ready: false };
      }
    },

    'memo.verifyFile': async () => {
      const path = deps.showOpenDialog
        ? await deps.showOpenDialog({
            title: 'Verify an exported memo',
            filters: [
              { name: 'Memos', extensions: ['md', 'pdf'] },
              { name: 'All files', extensions: ['*'] },
            ],
          })
        : null;
      if (path === null) return { picked: false, file: null };
      const fileName = basename(path);
      let bytes: Uint8Array;
      try {
        if ((await files.sizeOf(path)) > MAX_VERIFY_BYTES) {
          throw new WorkbenchIpcError(
            MEMO_ERROR_CODES.readFailed,
            `${fileName} is too large to be a memo.`,
          );
        }
        bytes = await files.readFile(path);
      } catch (error) {
        if (error instanceof WorkbenchIpcError) throw error;
        throw new WorkbenchIpcError(MEMO_ERROR_CODES.readFailed, `Could not read ${fileName}.`);
      }
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
      const ext = extname(fileName).toLowerCase();
      const pdfSigned = head === '%PDF-' ? await inspectSignedPdf(bytes) : null;
      const kind =
        head === '%PDF-'
          ? 'pdf'
          : ext === '.md' || ext === '.markdown' || ext === '.txt'
            ? 'markdown'
            : 'other';
      return {
        picked: true,
        file: {
          fileName,
          kind,
          sha256: sha256(bytes),
          text: kind === 'markdown' ? new TextDecoder('utf-8').decode(bytes) : null,
          pdfTitle: kind === 'pdf' ? readPdfTitle(new TextDecoder('latin1').decode(bytes)) : null,
          pdfSigned,
        },
      };
    },

    'clipboard.writeText': async ({ text }) => {
      if (!deps.writeClipboard) return { written: false };
      await deps.writeClipboard(text);
      return { written: true };
    },
  };
}
