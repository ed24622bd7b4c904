/** One address of an email: the display name (may be '') and the address in lower case. */
export interface EmailAddress {
  name: string;
  address: string;
}

/** What the app reads from an email file, the same for .eml and .msg. */
export interface ParsedEmail {
  /** eml (MIME: raw headers, DKIM checkable) or msg (Outlook: headers only, if any). */
  format: 'eml' | 'msg';
  /** The Subject. */
  subject: string;
  /** The sender, or null when the file names none. */
  from: EmailAddress | null;
  /** To recipients. */
  to: EmailAddress[];
  /** Cc recipients. */
  cc: EmailAddress[];
  /** The Date header as UTC ISO, or null when missing or unreadable. */
  sentAt: string | null;
  /** The Message-ID, or ''. */
  messageId: string;
  /** The In-Reply-To, or ''. */
  inReplyTo: string;
  /** The plain-text body (HTML turned into text when there is no text part). */
  text: string;
  /** Names of the files the email carries. */
  attachmentNames: string[];
  /** Whether there is a DKIM-Signature header (eml only). */
  hasDkimSignature: boolean;
}

/** The email cannot be read: the message says why, for the person who dropped it. */
export class EmailRefusedError extends Error {
  override readonly name = 'EmailRefusedError';
}
