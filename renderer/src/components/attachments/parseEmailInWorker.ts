import { EmailRefusedError, type ParsedEmail } from '@shared/email/types';
import type { EmailWorkerResponse } from './emailParse.worker';

/** Parses an email file in a worker; rejects with EmailRefusedError carrying the reason. */
export function parseEmailInWorker(name: string, bytes: Uint8Array): Promise<ParsedEmail> {
  const worker = new Worker(new URL('./emailParse.worker.ts', import.meta.url), {
    type: 'module',
  });
  return new Promise<ParsedEmail>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<EmailWorkerResponse>) => {
      const answer = event.data;
      if (answer.ok) resolve(answer.email);
      else reject(new EmailRefusedError(answer.message));
    };
    worker.onerror = () =>
      reject(new EmailRefusedError('This email could not be read; it was not imported.'));
    // a copy: the caller keeps its bytes to store them
    worker.postMessage({ name, bytes: bytes.slice() });
  }).finally(() => worker.terminate());
}
