import { displayFileName } from '@shared/attachments/fileName';
import { sizeProblem } from '@shared/attachments/limits';

/** A file the person dropped or picked, read after its size was checked. */
export interface ReadFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

/**
 * Reads a File's bytes, refusing an empty one or one over 100 MB from its size alone (a 2 GB
 * file is never read). Throws an Error with a sentence for the person.
 */
export async function readDroppedFile(file: File): Promise<ReadFile> {
  refuseBadSize(file);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name, mediaType: file.type, bytes };
}

/** Throws an Error with a sentence for the person when a file is empty or over 100 MB. */
export function refuseBadSize(file: File): void {
  const problem = sizeProblem(file.size);
  if (problem) throw new Error(`${displayFileName(file.name)}: ${problem}`);
}
