// SHA-256 of an attachment off the window's thread: Chromium's WebCrypto digest holds the thread
// that calls it for its whole run (about half a second for 100 MB), so the window would freeze.
// The Blob crosses by reference; its bytes are read here.
import { sha256Hex } from '@shared/canonical/sha256';

interface WorkerScope {
  postMessage(message: { id: number; sha256?: string; error?: string }): void;
  onmessage: ((event: MessageEvent<{ id: number; blob: Blob }>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, blob } = event.data;
  blob
    .arrayBuffer()
    .then((buffer) => sha256Hex(new Uint8Array(buffer)))
    .then(
      (sha256) => scope.postMessage({ id, sha256 }),
      (error: unknown) => scope.postMessage({ id, error: String(error) }),
    );
};
