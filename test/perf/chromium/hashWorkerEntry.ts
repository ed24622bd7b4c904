// The app's hash worker, bundled on its own for the attach bench's page.
import '../../../renderer/src/components/attachments/hash.worker';
