import { fileExtension } from './fileName';

/** The longest text kept for search from one file. */
export const MAX_SEARCH_TEXT = 200_000;

const TEXT_EXTENSIONS = new Set(['txt', 'md', 'csv', 'log', 'json', 'xml', 'tsv', 'yaml', 'yml']);

/** Whether a file is plain text whose words search should find. */
export function isPlainTextFile(fileName: string, mediaType: string): boolean {
  return mediaType.startsWith('text/') || TEXT_EXTENSIONS.has(fileExtension(fileName));
}

/** The searchable text of a plain-text file: UTF-8 decoded (bad bytes replaced), bounded. */
export function plainTextForSearch(bytes: Uint8Array): string {
  const head = bytes.subarray(0, MAX_SEARCH_TEXT * 4);
  return new TextDecoder('utf-8', { fatal: false }).decode(head).slice(0, MAX_SEARCH_TEXT);
}

/** What kind of preview a file gets: an image, a PDF, or none (open with the system). */
export function previewKind(fileName: string, mediaType: string): 'image' | 'pdf' | null {
  const ext = fileExtension(fileName);
  if (mediaType === 'application/pdf' || ext === 'pdf') return 'pdf';
  const images = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'];
  if (images.includes(ext) || /^image\/(?:png|jpeg|gif|webp|bmp)$/.test(mediaType)) return 'image';
  return null;
}
