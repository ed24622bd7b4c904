/** The largest file the app attaches: 100 MB (decimal, as file managers show it). */
export const MAX_ATTACHMENT_BYTES = 100_000_000;

/** Why a file cannot be attached, in words for the person attaching it; null when it can. */
export function sizeProblem(size: number): string | null {
  if (!Number.isSafeInteger(size) || size < 0) return 'The file size could not be read.';
  if (size === 0) return 'This file is empty (0 bytes): there is nothing to attach.';
  if (size > MAX_ATTACHMENT_BYTES) {
    const mb = Math.ceil(size / 1_000_000).toLocaleString('en-GB');
    return `This file is ${mb} MB; attachments are limited to 100 MB.`;
  }
  return null;
}
