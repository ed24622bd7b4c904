import type { WorkbenchClient } from '@shared/ipc/client';
import type { ComposedMemo } from '@shared/memo/compose';
import {
  appendSignatureBlock,
  issueManifest,
  withSignatureNote,
  type SignedManifest,
} from '@shared/memo/signedManifest';
import { knownDeviceKeys } from '@shared/memo/rosterDevices';
import type { KnownDevice } from '@shared/memo/verifySigned';
import type { MemoRecord } from '@shared/model/memo';
import { syncRosterOf } from '../../lib/syncRoster';

/**
 * The Markdown of a memo being issued, signed: the body (with the note about the signature),
 * its manifest signed by main with this device's key, then the signature block.
 */
export async function signIssuedMemo(
  client: WorkbenchClient,
  final: ComposedMemo,
  issuedAt: string,
  previous: MemoRecord | null,
): Promise<{ markdown: string; signed: SignedManifest }> {
  const body = withSignatureNote(final.markdown);
  const manifest = await issueManifest({
    memo: final.memo,
    fingerprint: final.fingerprint,
    body,
    issuedAt,
    previousFingerprint: previous?.fingerprint ?? null,
  });
  const signed = await client.call('memo.sign', { manifest });
  return { markdown: appendSignatureBlock(body, signed), signed };
}

/**
 * The device keys Verify names (knownDeviceKeys): the sync roster's as this window's engine
 * verified it, this device's own key, and the devices that issued this engagement's memos.
 */
export async function knownDevices(
  client: WorkbenchClient,
  engagementId: string,
  memos: readonly MemoRecord[],
): Promise<KnownDevice[]> {
  let ownKey: string | null = null;
  try {
    ownKey = (await client.call('sync.device.key', {})).publicKey;
  } catch {
    // no key here (a runtime without main): only the roster's and the record's devices are named
  }
  return knownDeviceKeys(await syncRosterOf(engagementId), ownKey, memos);
}
