/**
 * What is kept of a peer's lines, and how its files are trusted: each line goes through the
 * line filter (`../lineFilter.ts`: right device, in scope, not past a removal) and what is
 * refused is reported naming the device and the file.
 */
import { type Refused, acceptLine, refusedWarnings } from '../lineFilter';
import type { EngineCtx } from './context';
import { deviceLabel } from './peerFiles';
import type { SyncWarning } from './types';

/** What was read of one peer this round (applied by the round). */
export interface PeerRead {
  changes: unknown[];
  positions: Set<number>;
  read: boolean;
}

/** How a peer's files are checked. */
export interface PeerTrust {
  /** The key that must have signed its files (null in an unsigned folder). */
  key: Uint8Array | null;
  /** A removed device: positions after this one are ignored. */
  upTo?: number;
}

/** Keeps the lines of one file that may be applied (lineFilter.ts). */
export const accept = (
  ctx: EngineCtx,
  peer: string,
  p: number | null,
  c: unknown,
  trust: PeerTrust,
  out: PeerRead,
  refused: Refused,
): void =>
  acceptLine(
    peer,
    p,
    c,
    { scope: ctx.scope, ...(trust.upTo !== undefined ? { upTo: trust.upTo } : {}) },
    out,
    refused,
  );

export const reportRefused = (
  ctx: EngineCtx,
  peer: string,
  path: string,
  refused: Refused,
  warnings: SyncWarning[],
  quietForeign = false,
): void => {
  warnings.push(...refusedWarnings(peer, deviceLabel(ctx, peer), path, refused, quietForeign));
};
