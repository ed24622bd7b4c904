import { createBlobHasher } from './blobHasher';

/** The app's hasher: the bundled hash worker. */
export const hashBlobInWorker = createBlobHasher(
  () => new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' }),
);
