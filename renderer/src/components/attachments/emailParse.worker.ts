// Parses a dropped email off the window's thread: postal-mime / msgreader on a hostile file must
// never freeze the window. One file per worker; the worker is ended after the answer.
import { parseEmailFile } from '@shared/email/parseEmailFile';
import { EmailRefusedError, type ParsedEmail } from '@shared/email/types';

export type EmailWorkerRequest = { name: string; bytes: Uint8Array };
export type EmailWorkerResponse = { ok: true; email: ParsedEmail } | { ok: false; message: string };

interface WorkerScope {
  postMessage(message: EmailWorkerResponse): void;
  onmessage: ((event: MessageEvent<EmailWorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { name, bytes } = event.data;
  parseEmailFile(name, bytes).then(
    (email) => scope.postMessage({ ok: true, email }),
    (error: unknown) =>
      scope.postMessage({
        ok: false,
        message:
          error instanceof EmailRefusedError
            ? error.message
            : 'This email could not be read; it was not imported.',
      }),
  );
};
