/**
 * How far ahead a peer's clock may be before its time is clamped.
 */
import type { EngineCtx } from './context';

/**
 * How far ahead a remote HLC may be before it is clamped. Normally `maxDriftMs`. But when at
 * least two other devices are all ahead of this one by more than that, and agree with each
 * other (within maxDriftMs), it is THIS device's clock that is behind: their time is adopted
 * (so an edit made here after seeing theirs still wins) and this device is flagged instead.
 */
export function clockPolicy(
  ctx: EngineCtx,
  changes: unknown[],
): { maxDriftMs: number; localBehindMs: number | null } {
  const latest = new Map<string, number>();
  for (const c of changes) {
    const { deviceId, hlc } = (c ?? {}) as { deviceId?: unknown; hlc?: unknown };
    if (typeof deviceId !== 'string' || typeof hlc !== 'string' || deviceId === ctx.me) continue;
    const wall = Date.parse(hlc.slice(0, 24));
    if (Number.isNaN(wall)) continue;
    latest.set(deviceId, Math.max(latest.get(deviceId) ?? 0, wall));
  }
  const local = ctx.now().getTime();
  const walls = [...latest.values()];
  const ahead = walls.filter((w) => w - local > ctx.maxDriftMs);
  if (walls.length >= 2 && ahead.length === walls.length) {
    const spread = Math.max(...ahead) - Math.min(...ahead);
    if (spread <= ctx.maxDriftMs) {
      return { maxDriftMs: Number.POSITIVE_INFINITY, localBehindMs: Math.min(...ahead) - local };
    }
  }
  return { maxDriftMs: ctx.maxDriftMs, localBehindMs: null };
}
