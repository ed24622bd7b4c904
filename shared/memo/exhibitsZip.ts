/**
 * "Export with exhibits" (issue 16, item 6): one zip with the memo file, the original bytes of
 * every attachment it cites (one file per SHA-256, named after its first exhibit reference and
 * its cleaned name), `exhibits.json` (each exhibit's reference, file and SHA-256) and
 * `SHA256SUMS` (the format `sha256sum -c` reads: anyone can check the files without the app).
 * The memo's own signed manifest lists the exhibits' hashes too, so a verifier ties each file to
 * the signature (tools/verify-memo.mjs does, given the zip).
 */
import { zipSync, type Zippable } from 'fflate';
import { displayFileName } from '../attachments/fileName';

/** The kind tag of exhibits.json. */
export const EXHIBITS_KIND = 'ews-memo-exhibits-v1';

/** One cited file. */
export interface ZipExhibit {
  /** E1, E2... */
  ref: string;
  /** The file name as stored (cleaned here). */
  name: string;
  /** SHA-256 of the bytes, as recorded when it was attached. */
  sha256: string;
  /** The original bytes. */
  bytes: Uint8Array;
}

/** What the zip says about its files. */
export interface ExhibitsListing {
  /** The tag. */
  kind: typeof EXHIBITS_KIND;
  /** The memo file. */
  memo: { file: string; sha256: string };
  /** One row per exhibit reference (several references may share a file). */
  exhibits: Array<{ ref: string; name: string; file: string; sha256: string; size: number }>;
}

/** Exhibit bytes whose hash is not the one recorded: refused, nothing is written. */
export class ExhibitHashError extends Error {
  constructor(ref: string) {
    super(`Exhibit ${ref} does not have the SHA-256 recorded when it was attached.`);
    this.name = 'ExhibitHashError';
  }
}

/** Builds the zip. `hash` is SHA-256 hex of bytes (main's node:crypto or WebCrypto). */
export async function buildExhibitsZip(
  memo: { fileName: string; bytes: Uint8Array },
  exhibits: readonly ZipExhibit[],
  hash: (bytes: Uint8Array) => Promise<string> | string,
): Promise<{ zip: Uint8Array; listing: ExhibitsListing }> {
  const memoName = displayFileName(memo.fileName);
  const files: Zippable = { [memoName]: memo.bytes };
  const byHash = new Map<string, string>();
  const listing: ExhibitsListing = {
    kind: EXHIBITS_KIND,
    memo: { file: memoName, sha256: await hash(memo.bytes) },
    exhibits: [],
  };
  for (const e of exhibits) {
    if ((await hash(e.bytes)) !== e.sha256) throw new ExhibitHashError(e.ref);
    const name = displayFileName(e.name);
    let file = byHash.get(e.sha256);
    if (file === undefined) {
      file = `exhibits/${displayFileName(`${e.ref} ${name}`)}`;
      byHash.set(e.sha256, file);
      files[file] = e.bytes;
    }
    listing.exhibits.push({ ref: e.ref, name, file, sha256: e.sha256, size: e.bytes.length });
  }
  const sums = [
    `${listing.memo.sha256}  ${memoName}`,
    ...[...byHash].map(([sha, file]) => `${sha}  ${file}`),
  ];
  const enc = new TextEncoder();
  files['exhibits.json'] = enc.encode(`${JSON.stringify(listing, null, 2)}\n`);
  files['SHA256SUMS'] = enc.encode(`${sums.join('\n')}\n`);
  return { zip: zipSync(files, { level: 6 }), listing };
}
