import { afterEach, describe, expect, it } from 'vitest';
import { ownStatements } from '../../../../shared/sync/engine/roster';
import type { SyncWarning } from '../../../../shared/sync/engine';
import type { FormatFile } from '../../../../shared/sync/format';
import { closeCtxs, testCtx } from './ctx';

afterEach(closeCtxs);

const format: FormatFile = {
  format: 'engagement-workbench-sync',
  version: 3,
  minReaderVersion: 3,
  folderId: 'f1',
  createdAt: '2026-03-02T09:00:00.000Z',
};

describe('ownStatements', () => {
  it('turns the user’s requests into statements once, kept; a look without taking leaves them', async () => {
    const { ctx } = await testCtx();
    const peer = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    ctx.lastDevices.set(peer, { key: 'K1' });
    ctx.pendingActions.push({ op: 'approve', deviceId: peer });
    const warnings: SyncWarning[] = [];
    const look = await ownStatements(ctx, 'f1', format, new Map(), warnings, false);
    expect(look).toEqual({ statements: [], changed: false });
    expect(ctx.pendingActions).toHaveLength(1);
    const taken = await ownStatements(ctx, 'f1', format, new Map(), warnings);
    expect(taken.changed).toBe(true);
    expect(taken.statements).toEqual([
      { op: 'approve', key: 'K1', deviceId: peer, at: expect.any(String) },
    ]);
    expect(ctx.pendingActions).toEqual([]);
    const again = await ownStatements(ctx, 'f1', format, new Map(), warnings);
    expect(again).toEqual({ statements: taken.statements, changed: false });
    expect(warnings).toEqual([]);
  });

  it('refuses: an unknown device, itself, and encryption off without an unlocked key', async () => {
    const { ctx } = await testCtx();
    ctx.lastDevices.set(ctx.me, { key: ctx.myKey ?? '' });
    ctx.pendingActions.push(
      { op: 'remove', deviceId: 'nobody' },
      { op: 'approve', deviceId: ctx.me },
      { op: 'encryption-off', deviceId: ctx.me },
    );
    const warnings: SyncWarning[] = [];
    const out = await ownStatements(ctx, 'f1', format, new Map(), warnings);
    expect(out.statements).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual([
      'device-waiting',
      'device-waiting',
      'encryption-off-refused',
    ]);
  });

  it('encryption off names this device’s key and the key check in use', async () => {
    const { ctx } = await testCtx();
    ctx.keyCheck = 'c'.repeat(64);
    ctx.pendingActions.push({ op: 'encryption-off', deviceId: ctx.me });
    const out = await ownStatements(ctx, 'f1', format, new Map(), []);
    expect(out.statements).toEqual([
      {
        op: 'encryption-off',
        key: ctx.myKey,
        deviceId: ctx.me,
        at: expect.any(String),
        keyCheck: 'c'.repeat(64),
      },
    ]);
  });
});
