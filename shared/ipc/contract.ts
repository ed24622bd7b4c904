// The IPC contract: one map from channel name to request and response schema, shared by the main
// process (which validates both directions) and the renderer (which gets the types).
import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../model/settings';
import * as files from '../archive/ipcSchemas';
import * as backupBlobs from '../archive/backupBlobSchemas';
import * as memos from '../memo/ipcSchemas';
import * as sync from '../sync/ipcSchemas';
import * as email from '../email/ipcSchemas';
import type { Channel } from './names';

/** Request of app.info: nothing. */
export const appInfoRequestSchema = z.strictObject({});

/** What the renderer may know about the running app. */
export const appInfoSchema = z.strictObject({
  /** Product name, for example "Engagement Workbench". */
  name: z.string().min(1),
  /** App version from package.json, for example "0.1.0". */
  version: z.string().min(1),
  /** Operating system as Node names it: darwin, win32, linux. */
  platform: z.string().min(1),
  /** Whether the app runs inside Electron or inside the browser test harness. */
  runtime: z.enum(['electron', 'browser-harness']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Request of settings.get: nothing. */
export const settingsGetRequestSchema = z.strictObject({});

/** Request of settings.update: only the fields to change (omitted fields stay as they are). */
export const settingsUpdateRequestSchema = settingsPatchSchema;

/** Request of shell.openExternal. */
export const openExternalRequestSchema = z.strictObject({
  /** The link to open in the user's browser; only http and https links are opened. */
  url: z.string().min(1, 'is required').max(2048, 'must be at most 2048 characters'),
});

/** Response of shell.openExternal. */
export const openExternalResponseSchema = z.strictObject({
  /** Whether the operating system accepted the link. */
  opened: z.boolean(),
});

/** Request of notify.show: one OS notification (plain text; the OS shows it, never as markup). */
export const notifyShowRequestSchema = z.strictObject({
  /** Its title, for example "3 things came due". */
  title: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
  /** Its text. */
  body: z.string().trim().max(500, 'must be at most 500 characters'),
});

/** Response of notify.show. */
export const notifyShowResponseSchema = z.strictObject({
  /** False when the operating system offers no notifications. */
  shown: z.boolean(),
});

/** The contract: channel name -> request and response schema. */
export const ipcContract = {
  'app.info': { request: appInfoRequestSchema, response: appInfoSchema },
  'settings.get': { request: settingsGetRequestSchema, response: settingsSchema },
  'settings.update': { request: settingsUpdateRequestSchema, response: settingsSchema },
  'shell.openExternal': {
    request: openExternalRequestSchema,
    response: openExternalResponseSchema,
  },
  'file.openDialog': {
    request: files.fileOpenDialogRequestSchema,
    response: files.fileOpenDialogResponseSchema,
  },
  'file.read': { request: files.fileReadRequestSchema, response: files.fileReadResponseSchema },
  'file.saveDialog': {
    request: files.fileSaveDialogRequestSchema,
    response: files.fileSaveDialogResponseSchema,
  },
  'file.write': { request: files.fileWriteRequestSchema, response: files.fileWriteResponseSchema },
  'file.close': { request: files.fileCloseRequestSchema, response: files.fileCloseResponseSchema },
  'backup.write': {
    request: files.backupWriteRequestSchema,
    response: files.backupWriteResponseSchema,
  },
  'backup.list': {
    request: files.backupListRequestSchema,
    response: files.backupListResponseSchema,
  },
  'backup.open': {
    request: files.backupOpenRequestSchema,
    response: files.backupOpenResponseSchema,
  },
  'backup.blob': {
    request: backupBlobs.backupBlobRequestSchema,
    response: backupBlobs.backupBlobResponseSchema,
  },
  'memo.exportPdf': {
    request: memos.memoExportPdfRequestSchema,
    response: memos.memoExportResponseSchema,
  },
  'memo.exportMarkdown': {
    request: memos.memoExportMarkdownRequestSchema,
    response: memos.memoExportResponseSchema,
  },
  'memo.preparePdf': {
    request: memos.memoPreparePdfRequestSchema,
    response: memos.memoPreparePdfResponseSchema,
  },
  'memo.verifyFile': {
    request: memos.memoVerifyFileRequestSchema,
    response: memos.memoVerifyFileResponseSchema,
  },
  'memo.sign': {
    request: memos.memoSignRequestSchema,
    response: memos.memoSignResponseSchema,
  },
  'memo.exportExhibits': {
    request: memos.memoExportExhibitsRequestSchema,
    response: memos.memoExportExhibitsResponseSchema,
  },
  'clipboard.writeText': {
    request: memos.clipboardWriteRequestSchema,
    response: memos.clipboardWriteResponseSchema,
  },
  'sync.folder.get': {
    request: sync.syncFolderGetRequestSchema,
    response: sync.syncFolderInfoSchema,
  },
  'sync.folder.choose': {
    request: sync.syncFolderChooseRequestSchema,
    response: sync.syncFolderChooseResponseSchema,
  },
  'sync.folder.forget': {
    request: sync.syncFolderForgetRequestSchema,
    response: sync.syncFolderForgetResponseSchema,
  },
  'sync.fs': { request: sync.syncFsRequestSchema, response: sync.syncFsResponseSchema },
  'sync.device.regenerate': {
    request: sync.syncDeviceRegenerateRequestSchema,
    response: sync.syncDeviceRegenerateResponseSchema,
  },
  'sync.device.key': {
    request: sync.syncDeviceKeyRequestSchema,
    response: sync.syncDeviceKeyResponseSchema,
  },
  'sync.device.sign': {
    request: sync.syncDeviceSignRequestSchema,
    response: sync.syncDeviceSignResponseSchema,
  },
  'email.checkDkim': {
    request: email.emailCheckDkimRequestSchema,
    response: email.emailCheckDkimResponseSchema,
  },
  'attachment.openWithSystem': {
    request: email.attachmentOpenRequestSchema,
    response: email.attachmentOpenResponseSchema,
  },
  'notify.show': { request: notifyShowRequestSchema, response: notifyShowResponseSchema },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

type Contract = typeof ipcContract;

/** What a caller sends on channel C. */
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives on channel C, after validation (trimmed, defaults applied). */
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
/** What channel C answers with. */
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

/** One handler per channel; the main process and the browser test harness both provide this map. */
export type IpcHandlers = {
  [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};
