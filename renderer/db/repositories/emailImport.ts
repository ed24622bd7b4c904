import type { AcknowledgementResponse } from '@shared/model/acknowledgement';
import type { Attachment, EmailFacts } from '@shared/model/attachment';
import type { ParsedEmail } from '@shared/email/types';
import type { WorkbenchStore } from './store';

/** What the person confirmed in the email import dialog. */
export type EmailImportChoice =
  | {
      kind: 'acknowledgement';
      raisedIssueId: string;
      byId: string;
      at: string;
      quote: string;
      response: AcknowledgementResponse;
      memoId: string | null;
      memoVersion: number | null;
      /** The fingerprint the email cites (checked against the issued memo), or null. */
      memoFingerprint: string | null;
    }
  | {
      /** A new raised issue from the consultant's email, raised to its recipients. */
      kind: 'raise';
      engagementId: string;
      title: string;
      condition: string;
      raisedToIds: string[];
      at: string;
    }
  | {
      /** Keep the email as evidence on a record without recording anything from it. */
      kind: 'attach';
      target: { entity: 'raisedIssue' | 'engagement'; id: string };
    };

/** The email file as dropped, with what was read from it. */
export interface EmailFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  email: ParsedEmail;
  /** The DKIM check (pending when offline, unverifiable for a .msg). */
  facts: EmailFacts;
}

/** An address to add to a stakeholder's contact field, as offered. */
export interface AddressToAdd {
  stakeholderId: string;
  address: string;
}

/**
 * Stores what the person confirmed, in ONE transaction: the acknowledgement (or raised issue),
 * the original email attached to it, and any address added to a stakeholder. Nothing is stored
 * if any part fails. Returns the attachment.
 */
export async function saveEmailImport(
  store: WorkbenchStore,
  file: EmailFile,
  choice: EmailImportChoice,
  addAddresses: readonly AddressToAdd[] = [],
): Promise<Attachment> {
  const prepared = await store.attachments.prepare(file.bytes);
  const attachment = {
    fileName: file.fileName,
    mediaType: file.mediaType,
    searchText: file.email.text.slice(0, 200_000),
    email: file.facts,
  };
  try {
    return await store.atomically(async () => {
      for (const { stakeholderId, address } of addAddresses) {
        await store.stakeholders.update(stakeholderId, (s) => ({
          contact: s.contact.trim() === '' ? address : `${s.contact.trim()}, ${address}`,
        }));
      }
      if (choice.kind === 'acknowledgement') {
        const { acknowledgement } = await store.raisedIssues.recordAcknowledgement(
          choice.raisedIssueId,
          {
            byId: choice.byId,
            at: choice.at,
            channel: 'email',
            response: choice.response,
            quote: choice.quote,
            memoId: choice.memoId,
            memoVersion: choice.memoId === null ? null : choice.memoVersion,
            memoFingerprint: choice.memoId === null ? null : choice.memoFingerprint,
          },
        );
        return store.attachments.attachPrepared(prepared, {
          ...attachment,
          target: { entity: 'acknowledgement', id: acknowledgement.id },
        });
      }
      if (choice.kind === 'raise') {
        const issue = await store.raisedIssues.create({
          engagementId: choice.engagementId,
          title: choice.title,
          condition: choice.condition,
          raisedToIds: choice.raisedToIds,
          raisedAt: choice.at,
          channel: 'email',
        });
        return store.attachments.attachPrepared(prepared, {
          ...attachment,
          target: { entity: 'raisedIssue', id: issue.id },
        });
      }
      return store.attachments.attachPrepared(prepared, { ...attachment, target: choice.target });
    });
  } catch (error) {
    await store.attachments.discard(prepared);
    throw error;
  }
}
