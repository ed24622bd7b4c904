import type { RequestOf, ResponseOf } from './contract';
import type { Envelope } from './envelope';
import type { Channel, MenuCommand } from './names';

/**
 * The whole renderer-facing API, exposed as `window.workbench` by the Electron preload and by the
 * browser test harness alike. Deliberately tiny: one generic invoke and one event subscription.
 */
export interface WorkbenchApi {
  /** Sends a request on a channel; resolves with the envelope (never rejects for handler errors). */
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}
