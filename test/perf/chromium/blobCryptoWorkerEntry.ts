// The app's sync blob worker, bundled on its own for the attach bench's page.
import '../../../renderer/src/features/sync/blobCrypto.worker';
