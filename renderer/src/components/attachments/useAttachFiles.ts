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
import { readDroppedFile, type ReadFile } from './readDroppedFile';

/** An email waiting for the person to confirm what it records. */
export interface PendingEmail {
  file: ReadFile;
  email: ParsedEmail;
  facts: EmailFacts;
}

/** The text search should find in a file ('' when none can be taken). */
async function searchTextOf(file: ReadFile): Promise<string> {
  if (isPlainTextFile(file.name, file.mediaType)) return plainTextForSearch(file.bytes);
  if (previewKind(file.name, file.mediaType) === 'pdf') {
    const { pdfSearchText } = await import('./pdfDocument');
    return pdfSearchText(file.bytes).catch(() => '');
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
      setBusy(`Reading ${displayFileName(input.name)}…`);
      const file = await readDroppedFile(input);
      if (isEmailFileName(file.name)) {
        setBusy(`Reading the email ${displayFileName(file.name)}…`);
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
        setBusy(`Storing ${displayFileName(file.name)}…`);
        const searchText = await searchTextOf(file);
        await store.attachments.attach({
          target,
          fileName: file.name,
          mediaType: file.mediaType,
          bytes: file.bytes,
          searchText,
        });
      }
      pushToast({ tone: 'success', message: `Attached “${displayFileName(file.name)}”.` });
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
