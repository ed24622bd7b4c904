import { useCallback, useState } from 'react';
import { displayFileName } from '@shared/attachments/fileName';
import { isPlainTextFile, plainTextForSearch, previewKind } from '@shared/attachments/searchText';
import { isEmailFileName } from '@shared/email/emailFileName';
import type { ParsedEmail } from '@shared/email/types';
import type { AttachmentTarget, EmailFacts } from '@shared/model/attachment';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';
import { emailFactsNow } from './checkEmail';
import { parseEmailInWorker } from './parseEmailInWorker';
import { readDroppedFile, refuseBadSize, type ReadFile } from './readDroppedFile';

/** An email waiting for the person to confirm what it records. */
export interface PendingEmail {
  file: ReadFile;
  email: ParsedEmail;
  facts: EmailFacts;
}

/**
 * The text search should find in a file ('' when none can be taken). Only text and PDF files are
 * read for it; any other file is never read on the window's thread.
 */
async function searchTextOf(file: File): Promise<string> {
  if (isPlainTextFile(file.name, file.type)) {
    return plainTextForSearch(new Uint8Array(await file.arrayBuffer()));
  }
  if (previewKind(file.name, file.type) === 'pdf') {
    const { pdfSearchText } = await import('./pdfDocument');
    return pdfSearchText(new Uint8Array(await file.arrayBuffer())).catch(() => '');
  }
  return '';
}

/** Whether an email dropped here is proposed as an acknowledgement or a raise. */
const proposesRecords = (target: AttachmentTarget) =>
  target.entity === 'raisedIssue' || target.entity === 'engagement';

/**
 * Attaches dropped or picked files to a record, one by one, each refused or stored whole with a
 * toast. An email dropped on an issue or the engagement opens the import dialog instead.
 */
export function useAttachFiles(target: AttachmentTarget) {
  const { store, client } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const [busy, setBusy] = useState<string | null>(null);
  const [pendingEmail, setPendingEmail] = useState<PendingEmail | null>(null);

  const attachOne = useCallback(
    async (input: File) => {
      if (isEmailFileName(input.name)) {
        setBusy(`Reading the email ${displayFileName(input.name)}…`);
        const file = await readDroppedFile(input);
        const email = await parseEmailInWorker(file.name, file.bytes);
        setBusy('Checking the email’s DKIM signature…');
        const facts = await emailFactsNow(client, email, file.bytes);
        if (proposesRecords(target)) return setPendingEmail({ file, email, facts });
        await store.attachments.attach({
          target,
          fileName: file.name,
          mediaType: file.mediaType || 'message/rfc822',
          bytes: file.bytes,
          searchText: email.text.slice(0, 200_000),
          email: facts,
        });
      } else {
        // The File itself is stored: hashed by the worker, never copied on this thread.
        setBusy(`Storing ${displayFileName(input.name)}…`);
        refuseBadSize(input);
        await store.attachments.attach({
          target,
          fileName: input.name,
          mediaType: input.type,
          bytes: input,
          searchText: await searchTextOf(input),
        });
      }
      pushToast({ tone: 'success', message: `Attached “${displayFileName(input.name)}”.` });
    },
    [client, store, target, pushToast],
  );

  const attachFiles = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        try {
          await attachOne(file);
        } catch (error) {
          pushToast({ tone: 'error', message: errorMessage(error) });
        }
      }
      setBusy(null);
    },
    [attachOne, pushToast],
  );

  return { attachFiles, busy, pendingEmail, closeEmail: () => setPendingEmail(null) };
}
