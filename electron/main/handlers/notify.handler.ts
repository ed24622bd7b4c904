import type { IpcHandlers } from '@shared/ipc/contract';

/** One OS notification: plain title and text. */
export interface NotificationText {
  title: string;
  body: string;
}

/** Shows a notification; resolves false when the OS offers none. */
export type ShowNotification = (notification: NotificationText) => Promise<boolean>;

/** Handlers of the notify.* channels (no notifier given: nothing is shown, and it says so). */
export function createNotifyHandlers(
  showNotification?: ShowNotification,
): Pick<IpcHandlers, 'notify.show'> {
  return {
    'notify.show': async ({ title, body }) => ({
      shown: showNotification ? await showNotification({ title, body }) : false,
    }),
  };
}
