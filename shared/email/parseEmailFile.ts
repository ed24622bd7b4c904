import { sizeProblem } from '../attachments/limits';
import { fileExtension } from '../attachments/fileName';
import { parseEml } from './parseEml';
import { parseMsg } from './parseMsg';
import { EmailRefusedError, type ParsedEmail } from './types';

export { isEmailFileName } from './emailFileName';

/**
 * Reads an email file by its extension (.eml or .msg), within the attachment size limit. Throws
 * EmailRefusedError with a sentence for the user.
 */
export async function parseEmailFile(name: string, bytes: Uint8Array): Promise<ParsedEmail> {
  const problem = sizeProblem(bytes.byteLength);
  if (problem) throw new EmailRefusedError(problem);
  const ext = fileExtension(name);
  if (ext === 'msg') return parseMsg(bytes);
  if (ext === 'eml') return parseEml(bytes);
  throw new EmailRefusedError('Only .eml and .msg emails can be imported.');
}
