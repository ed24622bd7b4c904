import { isTrustedSender } from './trustedSender';

/**
 * The only permission the app's own page gets: persistent storage, so that Chromium never evicts
 * the IndexedDB database that holds all of the user's data (renderer/db/persistence.ts asks for it).
 * Everything else (camera, microphone, notifications, geolocation, clipboard read, HID, serial,
 * USB, ...) is denied, and nothing at all is granted to any other origin or to sub-frames.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/** Whether a permission may be granted to a page at the given URL. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  trustedOrigins: readonly string[],
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedSender(requestingUrl, trustedOrigins);
}

/** What Electron tells a permission handler about the request (PermissionRequest and check details). */
export interface PermissionDetails {
  /** URL of the frame asking. */
  requestingUrl?: string;
  /** Whether the frame asking is the top-level frame. */
  isMainFrame?: boolean;
}

/** The session's permission handlers. */
export interface PermissionHandlers {
  /** For session.setPermissionRequestHandler. */
  permissionRequestHandler(
    webContents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details?: PermissionDetails,
  ): void;
  /** For session.setPermissionCheckHandler. */
  permissionCheckHandler(
    webContents: unknown,
    permission: string,
    requestingOrigin: string,
    details?: PermissionDetails,
  ): boolean;
  /** For session.setDevicePermissionHandler: no device (HID, serial, USB) access, ever. */
  devicePermissionHandler(): boolean;
}

/** Permission handlers that grant ALLOWED_PERMISSIONS to the app's own top-level page only. */
export function createPermissionHandlers(trustedOrigins: readonly string[]): PermissionHandlers {
  const urlOf = (url: string | undefined, details: PermissionDetails | undefined) =>
    details?.isMainFrame === false ? undefined : url;
  return {
    permissionRequestHandler(_webContents, permission, callback, details) {
      callback(
        isPermissionAllowed(permission, urlOf(details?.requestingUrl, details), trustedOrigins),
      );
    },
    permissionCheckHandler(_webContents, permission, requestingOrigin, details) {
      return isPermissionAllowed(permission, urlOf(requestingOrigin, details), trustedOrigins);
    },
    devicePermissionHandler: () => false,
  };
}
