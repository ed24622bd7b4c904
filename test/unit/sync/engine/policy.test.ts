import { afterEach, describe, expect, it } from 'vitest';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createWorkspaceKey } from '../../../../shared/sync/crypto';
import { setUpKeys } from '../../../../shared/sync/engine/policy';
import { sha256Hex, toBytes } from '../../../../shared/sync/format';
import type { FolderPin } from '../../../../shared/sync/pin';
import { closeCtxs, testCtx } from './ctx';

afterEach(closeCtxs);

const PASS = 'correct horse battery staple';

async function withKeys() {
  const made = await testCtx();
  const keys = await createWorkspaceKey(PASS, 100_000);
  const text = JSON.stringify(keys.file);
  await writeFile(join(made.root, 'keys.json'), text);
  const pin: FolderPin = { folderId: 'f', version: 3, encrypted: false };
  return { ...made, text, pin };
}

describe('setUpKeys', () => {
  it('plain folder: ok; keys.json gone where the pin says encrypted: stops, marked for a decision', async () => {
    const { ctx } = await testCtx();
    expect(await setUpKeys(ctx, undefined)).toEqual({ ok: true });
    const gone = await setUpKeys(ctx, {
      folderId: 'f',
      version: 3,
      encrypted: true,
      keyCheck: 'K',
    });
    expect(gone).toMatchObject({ ok: false, status: 'keys-missing', keysGone: true });
  });

  it('locked without a passphrase; unlocked: the key check for the pin; another key refused', async () => {
    const { ctx, pin } = await withKeys();
    expect(await setUpKeys(ctx, pin)).toMatchObject({ ok: false, status: 'locked' });
    ctx.passphrase = 'not it at all';
    expect(await setUpKeys(ctx, pin)).toMatchObject({ ok: false, status: 'wrong-passphrase' });
    ctx.passphrase = PASS;
    const ok = await setUpKeys(ctx, pin);
    expect(ok).toMatchObject({ ok: true, check: expect.any(String) });
    expect(ctx.key).not.toBeNull();
    expect(ctx.retired).toBe(false);
    ctx.key = null;
    const other = await setUpKeys(ctx, { ...pin, encrypted: true, keyCheck: 'another' });
    expect(other).toMatchObject({ ok: false, status: 'keys-missing' });
    expect((other as { message: string }).message).toMatch(/replaced/);
  });

  it('the key retired by a decision: still unlocked to open old files, retired; without the passphrase, plain', async () => {
    const { ctx, pin, text } = await withKeys();
    ctx.passphrase = PASS;
    const first = await setUpKeys(ctx, pin);
    const check = (first as { check: string }).check;
    const off: FolderPin = {
      ...pin,
      offKeyCheck: check,
      offKeysHash: await sha256Hex(toBytes(text)),
    };
    ctx.key = null;
    expect(await setUpKeys(ctx, off)).toEqual({ ok: true }); // no check: the pin stays plain
    expect(ctx.key).not.toBeNull();
    expect(ctx.retired).toBe(true);
    // no passphrase: the retired keys.json (same bytes) leaves the folder plain
    ctx.key = null;
    ctx.passphrase = null;
    expect(await setUpKeys(ctx, off)).toEqual({ ok: true });
    expect(ctx.retired).toBe(true);
    expect(ctx.key).toBeNull();
  });

  it('a new key after encryption was turned off is not the retired one: encrypted again', async () => {
    const { ctx, root, pin } = await withKeys();
    await rm(join(root, 'keys.json'));
    const fresh = await createWorkspaceKey('a whole new passphrase', 100_000);
    await writeFile(join(root, 'keys.json'), JSON.stringify(fresh.file));
    const off: FolderPin = { ...pin, offKeyCheck: 'old', offKeysHash: 'old-hash' };
    expect(await setUpKeys(ctx, off)).toMatchObject({ ok: false, status: 'locked' });
    ctx.passphrase = 'a whole new passphrase';
    expect(await setUpKeys(ctx, off)).toMatchObject({ ok: true, check: expect.any(String) });
    expect(ctx.retired).toBe(false);
  });
});
