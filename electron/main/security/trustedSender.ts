import { originOf } from './origin';

/**
 * Whether an IPC message comes from a page the app trusts: the sender frame's URL must have exactly
 * one of the trusted origins (the app's own app://workbench, the electron-vite dev server in
 * development, or the test harness's 127.0.0.1 origin). Anything else, including a missing URL,
 * file:, about:blank, data: and look-alike hosts, is refused.
 */
export function isTrustedSender(
  url: string | null | undefined,
  trustedOrigins: readonly string[],
): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  return trustedOrigins.some((trusted) => originOf(trusted) === origin);
}

/** The parts of Electron's WebFrameMain that sender checks need. */
export interface SenderFrameLike {
  /** The frame's current URL. */
  readonly url: string;
  /** The parent frame; null for a top-level frame. */
  readonly parent: unknown;
}

/**
 * The URL to check for an IPC event's sender frame, or undefined when there is no frame (it was
 * destroyed or navigated away) or the message comes from a sub-frame: only top-level frames may talk
 * to the main process.
 */
export function senderUrlOfFrame(frame: SenderFrameLike | null | undefined): string | undefined {
  if (!frame || frame.parent !== null) return undefined;
  return frame.url;
}
