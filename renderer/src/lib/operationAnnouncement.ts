/** A long-running import or export, named as the user would: "memo HM-M-2026-001 version 1 (PDF)". */
export interface Operation {
  readonly verb: 'export' | 'import';
  readonly subject: string;
}

export type OperationOutcome =
  | { readonly kind: 'started' }
  | { readonly kind: 'progress'; readonly detail: string }
  | { readonly kind: 'done'; readonly file?: string; readonly detail?: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/** Error texts can come from a file written by someone else: a screen reader hears a bounded line. */
const MAX_MESSAGE = 240;

const bounded = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_MESSAGE ? line : `${line.slice(0, MAX_MESSAGE - 1)}…`;
};

const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What the live region says as an import or export starts and ends: "Exporting memo …", "Memo …
 * exported to memo.pdf.", "Export of memo … cancelled.", "Export of memo … failed: disk full."
 */
export function operationAnnouncement(op: Operation, outcome: OperationOutcome): string {
  const subject = bounded(op.subject);
  const noun = op.verb === 'export' ? 'Export' : 'Import';
  switch (outcome.kind) {
    case 'started':
      return `${op.verb === 'export' ? 'Exporting' : 'Importing'} ${subject}…`;
    case 'progress':
      return sentence(
        `${op.verb === 'export' ? 'Exporting' : 'Importing'} ${subject}: ${bounded(outcome.detail)}`,
      );
    case 'done': {
      const to = outcome.file
        ? ` ${op.verb === 'export' ? 'to' : 'from'} ${bounded(outcome.file)}`
        : '';
      const detail = outcome.detail ? `: ${bounded(outcome.detail)}` : '';
      return sentence(`${capital(subject)} ${op.verb}ed${to}${detail}`);
    }
    case 'cancelled':
      return `${noun} of ${subject} cancelled.`;
    case 'failed':
      return sentence(
        `${noun} of ${subject} failed: ${bounded(outcome.message) || 'unknown error'}`,
      );
  }
}
