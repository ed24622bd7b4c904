// Request and response schemas of the sync.* IPC channels (see shared/ipc/contract.ts).
import { z } from 'zod';
import { idSchema } from '../model/base';
import { MAX_READ_BYTES } from './limits';

/** Which folder: the one chosen for this engagement, or the one for all engagements. */
export const syncScopeSchema = z.enum(['engagement', 'all']);
export type SyncScope = z.infer<typeof syncScopeSchema>;

/** Request of sync.folder.get. */
export const syncFolderGetRequestSchema = z.strictObject({
  /** The engagement whose folder is asked for (its own one, else the one for all). */
  engagementId: idSchema,
});

/** Response of sync.folder.get / sync.folder.choose. */
export const syncFolderInfoSchema = z.strictObject({
  /** The chosen folder's absolute path, or null when none is chosen. */
  path: z.string().nullable(),
  /** Whether the folder is this engagement's own or the one for all; null when none. */
  scope: syncScopeSchema.nullable(),
});

/** Request of sync.folder.choose: shows the native open-folder dialog. */
export const syncFolderChooseRequestSchema = z.strictObject({
  /** The engagement the folder is chosen for. */
  engagementId: idSchema,
  /** Remember it for this engagement only, or for all engagements. */
  scope: syncScopeSchema,
});

/** Response of sync.folder.choose. */
export const syncFolderChooseResponseSchema = z.discriminatedUnion('canceled', [
  z.strictObject({
    /** The user cancelled. */
    canceled: z.literal(true),
  }),
  z.strictObject({
    /** A folder was chosen. */
    canceled: z.literal(false),
    /** Its absolute path. */
    path: z.string(),
    /** How it is remembered. */
    scope: syncScopeSchema,
  }),
]);

/** Request of sync.folder.forget: stop syncing (nothing is deleted anywhere). */
export const syncFolderForgetRequestSchema = z.strictObject({
  /** The engagement. */
  engagementId: idSchema,
  /** Forget the engagement's own folder, or the one for all. */
  scope: syncScopeSchema,
});

/** Response of sync.folder.forget. */
export const syncFolderForgetResponseSchema = z.strictObject({
  /** True when a folder was remembered and is now forgotten. */
  forgotten: z.boolean(),
});

/** A folder-relative path as the engine uses it (main checks it again, strictly). */
const relPath = z.string().max(1024);
/** File contents, base64 (works over Electron IPC and the browser harness alike). */
const base64 = z.string().max(Math.ceil(MAX_READ_BYTES / 3) * 4);

/** Request of sync.fs: one file operation inside the engagement's chosen folder. */
export const syncFsRequestSchema = z.discriminatedUnion('op', [
  z.strictObject({
    /** Whether the folder exists. */
    op: z.literal('available'),
    /** The engagement whose folder is used. */
    engagementId: idSchema,
  }),
  z.strictObject({
    /** List a folder. */
    op: z.literal('list'),
    /** The engagement whose folder is used. */
    engagementId: idSchema,
    /** The folder, relative ('' for the root). */
    path: relPath,
  }),
  z.strictObject({
    /** Read a file. */
    op: z.literal('read'),
    /** The engagement whose folder is used. */
    engagementId: idSchema,
    /** The file, relative. */
    path: relPath,
    /** Refuse (SYNC_TOOBIG) a file larger than this, before reading it. */
    maxBytes: z.number().int().min(0).max(MAX_READ_BYTES).optional(),
  }),
  z.strictObject({
    /** Write a file atomically. */
    op: z.literal('write'),
    /** The engagement whose folder is used. */
    engagementId: idSchema,
    /** The file, relative. */
    path: relPath,
    /** Its new contents (base64). */
    data: base64,
  }),
  z.strictObject({
    /** Remove one of this device's own files. */
    op: z.literal('remove'),
    /** The engagement whose folder is used. */
    engagementId: idSchema,
    /** The file, relative; must be under devices/<this device id>/. */
    path: relPath,
  }),
  z.strictObject({
    /** Size and time of a file. */
    op: z.literal('stat'),
    /** The engagement whose folder is used. */
    engagementId: idSchema,
    /** The file, relative. */
    path: relPath,
  }),
]);
export type SyncFsRequest = z.infer<typeof syncFsRequestSchema>;

/** Response of sync.fs (fields present according to the operation). */
export const syncFsResponseSchema = z.strictObject({
  /** available: whether the folder exists. */
  available: z.boolean().optional(),
  /** list: the entries. */
  entries: z
    .array(
      z.strictObject({
        /** Entry name. */
        name: z.string(),
        /** file or dir. */
        kind: z.enum(['file', 'dir']),
        /** Size in bytes. */
        size: z.number(),
        /** Modification time (ms). */
        mtimeMs: z.number(),
      }),
    )
    .optional(),
  /** read: the contents (base64), or null when the file does not exist. */
  data: base64.nullable().optional(),
  /** stat: size and time, or null when missing. */
  stat: z.strictObject({ size: z.number(), mtimeMs: z.number() }).nullable().optional(),
});
export type SyncFsResponse = z.infer<typeof syncFsResponseSchema>;

/** Request of sync.device.regenerate: nothing. */
export const syncDeviceRegenerateRequestSchema = z.strictObject({});

/** Response of sync.device.regenerate. */
export const syncDeviceRegenerateResponseSchema = z.strictObject({
  /** The new device id (already saved in settings). */
  deviceId: idSchema,
});

/** Request of sync.device.key: nothing. */
export const syncDeviceKeyRequestSchema = z.strictObject({});

/** Response of sync.device.key: this installation's public key, and how its secret is kept. */
export const syncDeviceKeyResponseSchema = z.strictObject({
  /** The Ed25519 public key (base64, 32 bytes). */
  publicKey: z.string().max(64),
  /** os: protected by the OS (safeStorage); file: a file readable by this user only. */
  protection: z.enum(['os', 'file']),
});

/** Request of sync.device.sign: main signs "this own file has this SHA-256". */
export const syncDeviceSignRequestSchema = z.strictObject({
  /** The file, relative: must be one of this device's own engine files. */
  path: relPath,
  /** SHA-256 of the file's inner bytes (64 lowercase hex digits). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Response of sync.device.sign. */
export const syncDeviceSignResponseSchema = z.strictObject({
  /** The signature (base64, 64 bytes). */
  signature: z.string().max(128),
});
