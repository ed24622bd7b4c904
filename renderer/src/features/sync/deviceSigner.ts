import type { WorkbenchClient } from '@shared/ipc/client';
import { fromB64, type DeviceSigner } from '@shared/sync/identity';

/**
 * This installation's device key as the sync engine sees it: the public key, and signing done
 * by main (which keeps the secret and signs only this device's own sync files).
 */
export async function deviceSigner(
  client: WorkbenchClient,
  onProtection?: (protection: 'os' | 'file') => void,
): Promise<DeviceSigner> {
  const { publicKey, protection } = await client.call('sync.device.key', {});
  onProtection?.(protection);
  const key = fromB64(publicKey, 32);
  if (!key) throw new Error('main gave a malformed device key');
  return {
    publicKey: key,
    async signFile(path, sha256) {
      const { signature } = await client.call('sync.device.sign', { path, sha256 });
      const bytes = fromB64(signature, 64);
      if (!bytes) throw new Error('main gave a malformed signature');
      return bytes;
    },
  };
}
