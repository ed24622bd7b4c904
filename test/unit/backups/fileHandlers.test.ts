import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../electron/main/handlers';
import { createScriptedDialogs } from '../../../electron/main/dialogs';
import { createIpcDispatcher } from '../../../electron/main/ipc/dispatcher';

const APP = 'app://workbench/index.html';
const ENGAGEMENT = '0195a000-0000-7000-8000-0000000000e1';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real handlers behind the real dispatcher (requests and responses validated). */
function setup() {
  const dialogs = createScriptedDialogs();
  const handlers = createHandlers({
    settingsDir: dir,
    appName: 'Engagement Workbench',
    appVersion: '0.1.0',
    platform: 'linux',
    runtime: 'browser-harness',
    openExternal: vi.fn(async () => {}),
    showSaveDialog: dialogs.showSaveDialog,
    showOpenDialog: dialogs.showOpenDialog,
    now: () => new Date('2026-11-26T02:00:00.000Z'),
  });
  const dispatcher = createIpcDispatcher({ handlers, isTrustedSender: (url) => url === APP });
  const call = async (channel: string, payload: unknown) => {
    const envelope = await dispatcher.dispatch(APP, channel, payload);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value as Record<string, unknown>;
  };
  return { dialogs, call };
}

describe('file.* and backup.* over the dispatcher', () => {
  it('saves through the save dialog in pieces, then reads it back through the open dialog', async () => {
    const { dialogs, call } = setup();
    const target = join(dir, 'out.engagement.json');
    dialogs.answerNextSave(target);
    const saved = await call('file.saveDialog', {
      purpose: 'archive',
      title: 'Export engagement archive',
      defaultName: 'NWL.engagement.json',
    });
    expect(saved).toMatchObject({ canceled: false, name: 'out.engagement.json' });
    await call('file.write', { token: saved.token, text: '{"a":', final: false });
    await call('file.write', { token: saved.token, text: '"é"}', final: true });
    expect(await readFile(target, 'utf8')).toBe('{"a":"é"}');
    expect(dialogs.saveRequests[0]?.filters[0]?.extensions).toEqual(['json', 'zip']);

    dialogs.answerNextOpen(target);
    const opened = await call('file.openDialog', { purpose: 'archive', title: 'Import' });
    expect(opened).toMatchObject({ canceled: false, size: 10 });
    const piece = await call('file.read', { token: opened.token });
    expect(piece).toEqual({ text: '{"a":"é"}', bytesRead: 10, size: 10, done: true });
    // A cancelled dialog answers canceled; a path never crosses to the renderer.
    expect(await call('file.openDialog', { purpose: 'csv', title: 'Import' })).toEqual({
      canceled: true,
    });
    await expect(call('file.read', { token: '../../etc/passwd' })).rejects.toThrow(
      /INVALID_REQUEST/,
    );
  });

  it('writes, lists and opens a backup', async () => {
    const { call } = setup();
    const summary = {
      engagementId: ENGAGEMENT,
      client: 'Northwind Learning',
      title: 'Review',
      archived: false,
      counts: { engagement: 1, stakeholder: 2 },
      deleted: { engagement: 0, stakeholder: 0 },
      changes: 3,
    };
    const written = await call('backup.write', {
      engagementId: ENGAGEMENT,
      text: '{"format":"engagement-workbench-archive"}',
      summary,
    });
    expect(written.entry).toMatchObject({ id: `${ENGAGEMENT}/2026-11-26`, summary });
    const { backups } = (await call('backup.list', {})) as { backups: { id: string }[] };
    expect(backups.map((b) => b.id)).toEqual([`${ENGAGEMENT}/2026-11-26`]);
    const opened = await call('backup.open', { id: `${ENGAGEMENT}/2026-11-26` });
    const piece = await call('file.read', { token: opened.token });
    expect(piece.text).toBe('{"format":"engagement-workbench-archive"}');
    await expect(call('backup.open', { id: '../settings' })).rejects.toThrow(/no such backup/);
  });
});
