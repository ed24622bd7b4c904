// An engine context over real parts (a temporary folder, a fake-indexeddb Dexie database, a
// device key), for the tests of single engine steps.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { newId } from '../../../../shared/ids';
import { createEngineContext, type EngineCtx } from '../../../../shared/sync/engine/context';
import type { SyncTuning } from '../../../../shared/sync/engine';
import { createNodeFolder } from '../../../../electron/main/sync/nodeFolder';
import { openWorkbenchDb } from '../../../../renderer/db/open';
import type { WorkbenchDB } from '../../../../renderer/db/database';
import { createStore, type WorkbenchStore } from '../../../../renderer/db/repositories/store';
import { createDexieSyncDatabase } from '../../../../renderer/db/sync/dexieSyncDatabase';
import { manualClock, tempDir, testSigner } from '../harness';

const opened: WorkbenchDB[] = [];

/** A context of a new engine on a new temporary folder, with its store to make changes. */
export async function testCtx(
  tuning: SyncTuning = {},
): Promise<{ ctx: EngineCtx; root: string; store: WorkbenchStore; db: WorkbenchDB }> {
  const root = await tempDir('ews-step-');
  const clock = manualClock('2026-03-02T09:00:00.000Z');
  const result = await openWorkbenchDb({
    name: `step-${newId()}`,
    deps: { indexedDB, IDBKeyRange },
  });
  if (!result.ok) throw new Error('cannot open db');
  opened.push(result.db);
  const deviceId = newId();
  const ctx = createEngineContext({
    db: createDexieSyncDatabase({ db: result.db, deviceId: () => deviceId, now: clock.now }),
    folder: createNodeFolder(root),
    deviceId,
    deviceName: 'Step',
    signer: await testSigner(),
    now: clock.now,
    ...tuning,
  });
  const store = createStore({ db: result.db, deviceId, deviceName: 'Step', now: clock.now });
  return { ctx, root, store, db: result.db };
}

/** Closes the databases opened by testCtx. */
export function closeCtxs(): void {
  for (const db of opened.splice(0)) db.close();
}
