/**
 * What this device remembers per folder (its own publication, each peer) and the keys it is kept under.
 */
import type { ChangeRecord } from '../../model/change';
import type { FolderEntry } from '../folder';
import { DEVICES_DIR } from '../format';
import type { EngineCtx, OwnState, PeerState } from './context';

export const inScope = (ctx: EngineCtx, c: ChangeRecord): boolean =>
  ctx.scope === null || ctx.scope.has(c.engagementId);

export const ownKey = (ctx: EngineCtx, folderId: string): string => `own:${folderId}:${ctx.me}`;
export const peerKey = (ctx: EngineCtx, folderId: string, peer: string): string =>
  `peer:${folderId}:${ctx.me}:${peer}`;

export async function loadOwn(ctx: EngineCtx, folderId: string): Promise<OwnState> {
  return (
    (await ctx.db.getState<OwnState>(ownKey(ctx, folderId))) ?? {
      lastP: 0,
      writtenSeq: 0,
      segments: [],
      tokens: [],
      nextSegment: 1,
      nextSnapshot: 1,
    }
  );
}

export async function loadPeer(ctx: EngineCtx, folderId: string, peer: string): Promise<PeerState> {
  return (
    (await ctx.db.getState<PeerState>(peerKey(ctx, folderId, peer))) ?? {
      p: 0,
      hashes: {},
      copies: [],
      published: 0,
    }
  );
}

export const rosterStateKey = (ctx: EngineCtx, folderId: string): string =>
  `roster:${folderId}:${ctx.me}`;

/** The other devices' folders (named by a device id) and what this device remembers of each. */
export async function listPeers(
  ctx: EngineCtx,
  folderId: string,
): Promise<{ dirs: FolderEntry[]; states: Map<string, PeerState> }> {
  const dirs = (await ctx.folder.list(DEVICES_DIR)).filter(
    (e) => e.kind === 'dir' && e.name !== ctx.me && /^[0-9a-f-]{36}$/i.test(e.name),
  );
  const states = new Map<string, PeerState>();
  for (const dir of dirs) states.set(dir.name, await loadPeer(ctx, folderId, dir.name));
  return { dirs, states };
}
