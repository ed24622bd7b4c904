import type { WorkbenchClient } from '@shared/ipc/client';
import type { ComposedMemo } from '@shared/memo/compose';
import {
  appendSignatureBlock,
  issueManifest,
  parseManifest,
  withSignatureNote,
  type SignedManifest,
} from '@shared/memo/signedManifest';
import type { KnownDevice } from '@shared/memo/verifySigned';
import type { MemoRecord } from '@shared/model/memo';

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

/** The device keys Verify names: this device, and the devices that issued this engagement's memos. */
export async function knownDevices(
  client: WorkbenchClient,
  memos: readonly MemoRecord[],
): Promise<KnownDevice[]> {
  const out: KnownDevice[] = [];
  try {
    const { publicKey } = await client.call('sync.device.key', {});
    out.push({ publicKey, label: 'this device' });
  } catch {
    // no key here (a runtime without main): only the record's devices are named
  }
  for (const m of memos) {
    const manifest = m.signed ? parseManifest(m.signed.text) : null;
    if (manifest && !out.some((d) => d.publicKey === manifest.device.publicKey)) {
      out.push({
        publicKey: manifest.device.publicKey,
        label: `device ${manifest.device.id}, which issued ${m.memoId} v${m.version} of this engagement`,
      });
    }
  }
  return out;
}
