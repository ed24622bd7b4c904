/**
 * Attachment bytes this device published before its folder was encrypted: each sits in its
 * blobs folder unsealed, under its plain SHA-256, and would stay there for whoever can read the
 * share (blob files are written once). In an encrypted folder the step removes them, once it
 * can name the sealed copies: the bytes are still in this device's store and are published
 * again sealed (in this round or, past the byte budget, the next). Only this device's own files
 * can be removed (main refuses any other path); another device's unsealed copies go when that
 * device next syncs with the key.
 */
import type { FolderEntry } from '../folder';
import { blobPath } from '../blobs';
import type { EngineCtx } from './context';

/**
 * Removes from `own` (and the folder) every file named by the plain SHA-256 of a referenced
 * blob whose sealed name differs. Returns how many were removed.
 */
export async function removePlainOwnBlobs(
  ctx: EngineCtx,
  own: Map<string, FolderEntry>,
  refs: ReadonlyArray<{ sha256: string; name: string }>,
): Promise<number> {
  let removed = 0;
  for (const ref of refs) {
    if (ref.name === ref.sha256 || !own.has(ref.sha256)) continue;
    await ctx.folder.remove(blobPath(ctx.me, ref.sha256));
    own.delete(ref.sha256);
    removed += 1;
  }
  return removed;
}
