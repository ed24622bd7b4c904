import {
  ATTACHMENT_MUTABLE_FIELDS,
  type Attachment,
  type AttachmentTarget,
  type EmailFacts,
} from '@shared/model/attachment';
import Dexie from 'dexie';
import { sizeProblem } from '@shared/attachments/limits';
import { sha256Hex } from '@shared/canonical/sha256';
import { entityTables } from '@shared/model/registry';
import { DeletedRecordError, isQuotaError, RecordNotFoundError, ValidationError } from '../errors';
import { claimStagedBytes } from '../attachmentBlobs';
import type { WriteContext } from './context';
import { AttachmentStorageFullError, discardStagedBytes, stageBytes } from './stagedBytes';
import type { Repository } from './types';

export { AttachmentStorageFullError } from './stagedBytes';

/** A file to attach: the bytes and what is known about them. */
export interface AttachFileInput {
  /** The record the file is attached to (same engagement). */
  target: AttachmentTarget;
  /** The file's name as given. */
  fileName: string;
  /** Its media type ('' when unknown). */
  mediaType: string;
  /**
   * The bytes, exactly as read: in memory, or the dropped File itself (a Blob), which is then
   * never copied on the window's thread: the hash worker reads it and IndexedDB stores it as is.
   */
  bytes: Uint8Array | Blob;
  /** Text for search (extracted by the caller), or ''. */
  searchText?: string;
  /** What was read from an email file, or null. */
  email?: EmailFacts | null;
  /** The attachment this one replaces, or null. */
  supersedes?: string | null;
}

/** Bytes hashed and staged by the repository ahead of a wider transaction (see prepare()). */
export interface PreparedFile {
  /** Size in bytes. */
  readonly size: number;
  readonly sha256: string;
  /** The bytes as the Blob that was stored (the File itself when a File was given). */
  readonly blob: Blob;
  /** Where the bytes were staged while they were hashed (stagedBytes.ts). */
  readonly dataId: string;
}

/** Prepared files this module hashed itself: attachPrepared() accepts no other. */
const genuine = new WeakSet<PreparedFile>();

/** The attachment writer: the generic one guarded, plus attach(). */
export interface AttachmentRepository extends Repository<'attachment'> {
  /**
   * Checks the size, then hashes the bytes and stores them under a staging id at the same time,
   * outside any transaction (a digest inside an IndexedDB transaction would let it commit early).
   * Throws ValidationError for the size, AttachmentStorageFullError.
   */
  prepare(bytes: Uint8Array | Blob): Promise<PreparedFile>;
  /** Deletes a prepared file's staged bytes when it will not be attached (best effort). */
  discard(file: PreparedFile): Promise<void>;
  /**
   * Like attach(), for bytes prepared with prepare(): joins a wider transaction
   * (store.atomically) so an email's acknowledgement and its original are stored together.
   */
  attachPrepared(file: PreparedFile, input: Omit<AttachFileInput, 'bytes'>): Promise<Attachment>;
  /**
   * prepare() then attachPrepared(): the record, its change and the row that makes the bytes
   * this SHA-256's (once per SHA-256) are ONE transaction; on any failure (a full disk included)
   * no record is stored and the staged bytes are deleted.
   * Throws ValidationError (size, target), AttachmentStorageFullError.
   */
  attach(input: AttachFileInput): Promise<Attachment>;
}

/** SHA-256 on this thread (no worker: Node and unit tests). */
async function hashHere(bytes: Uint8Array | Blob): Promise<string> {
  return sha256Hex(bytes instanceof Blob ? new Uint8Array(await bytes.arrayBuffer()) : bytes);
}

/** Refuses a target that does not exist, is deleted, or belongs to another engagement. */
async function assertTarget(ctx: WriteContext, target: AttachmentTarget): Promise<string> {
  const row = (await ctx.db.table(entityTables[target.entity]).get(target.id)) as
    { id: string; engagementId?: string; deletedAt: string | null } | undefined;
  if (!row) throw new RecordNotFoundError(target.entity, target.id);
  if (row.deletedAt !== null) throw new DeletedRecordError(target.entity, target.id);
  return target.entity === 'engagement' ? row.id : String(row.engagementId);
}

/** Refuses every change but a DKIM check of an email (pending → checked, or a re-check). */
function guardUpdate(current: Attachment, patch: Record<string, unknown>): void {
  const mutable: readonly string[] = ATTACHMENT_MUTABLE_FIELDS;
  const issues: Array<{ field: string; message: string }> = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined || mutable.includes(field)) continue;
    if (JSON.stringify(value) !== JSON.stringify((current as Record<string, unknown>)[field])) {
      issues.push({ field, message: 'cannot change on an attachment: attach a new file instead' });
    }
  }
  const email = patch.email as EmailFacts | null | undefined;
  if (email !== undefined) {
    const { dkim: _newDkim, ...facts } = email ?? ({} as EmailFacts);
    const { dkim: _oldDkim, ...oldFacts } = current.email ?? ({} as EmailFacts);
    if (current.email === null || JSON.stringify(facts) !== JSON.stringify(oldFacts)) {
      issues.push({ field: 'email', message: 'only its DKIM check may change' });
    }
  }
  if (issues.length > 0) throw new ValidationError('attachment', issues);
}

/** Wraps the generic attachment writer. */
export function createAttachmentRepository(
  ctx: WriteContext,
  inner: Repository<'attachment'>,
): AttachmentRepository {
  const { db } = ctx;
  const repository: AttachmentRepository = {
    entity: inner.entity,
    create: () =>
      Promise.reject(
        new ValidationError('attachment', [
          {
            field: '',
            message: 'attach files with attach(): the bytes are stored with the record',
          },
        ]),
      ),
    update: (id, patchOrUpdater) =>
      inner.update(id, (current, at) => {
        const patch =
          typeof patchOrUpdater === 'function' ? patchOrUpdater(current, at) : patchOrUpdater;
        guardUpdate(current, patch);
        return patch;
      }),
    softDelete: (id) => inner.softDelete(id),
    restore: (id) => inner.restore(id),

    async prepare(bytes) {
      const size = bytes instanceof Blob ? bytes.size : bytes.byteLength;
      const problem = sizeProblem(size);
      if (problem) throw new ValidationError('attachment', [{ field: 'size', message: problem }]);
      // The Blob that is stored (a File as given, never copied); the app hashes it in a worker
      // while IndexedDB stores it (the browser process writes it: neither is the window's work).
      const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
      const hashing = ctx.hashBlob ? ctx.hashBlob(blob) : hashHere(bytes);
      // Its own transaction even if called inside another (which would commit while the worker
      // hashes): the staged bytes are claimed by attachPrepared's transaction later.
      const staging = Dexie.ignoreTransaction(() => stageBytes(db, blob, ctx.now()));
      const [hashed, staged] = await Promise.allSettled([hashing, staging]);
      if (hashed.status === 'rejected' || staged.status === 'rejected') {
        if (staged.status === 'fulfilled') await discardStagedBytes(db, staged.value);
        throw staged.status === 'rejected'
          ? staged.reason
          : (hashed as PromiseRejectedResult).reason;
      }
      const file: PreparedFile = { size, sha256: hashed.value, blob, dataId: staged.value };
      genuine.add(file);
      return file;
    },

    discard: (file) => discardStagedBytes(db, file.dataId),

    async attachPrepared(file, input) {
      if (!genuine.has(file)) throw new Error('attachPrepared takes files from prepare() only');
      const tables = [
        'attachments',
        'attachmentBlobs',
        'attachmentData',
        'engagements',
        'changes',
        'meta',
      ];
      const scope = [...new Set([...tables, entityTables[input.target.entity]])];
      const nested = Dexie.currentTransaction !== null;
      try {
        return await db.transaction('rw', scope, async () => {
          const engagementId = await assertTarget(ctx, input.target);
          const record = await inner.create({
            engagementId,
            target: input.target,
            fileName: input.fileName,
            mediaType: input.mediaType || 'application/octet-stream',
            size: file.size,
            sha256: file.sha256,
            addedBy: ctx.actor ?? '',
            addedAt: ctx.now().toISOString(),
            supersedes: input.supersedes ?? null,
            searchText: input.searchText ?? '',
            email: input.email ?? null,
          });
          await claimStagedBytes(db, file.sha256, file.size, file.dataId);
          return record;
        });
      } catch (error) {
        // Nested in a wider transaction (an email's import), its caller discards them.
        if (!nested) await discardStagedBytes(db, file.dataId);
        if (isQuotaError(error)) throw new AttachmentStorageFullError();
        throw error;
      }
    },

    async attach(input) {
      const { bytes, ...rest } = input;
      return repository.attachPrepared(await repository.prepare(bytes), rest);
    },
  };
  return repository;
}
