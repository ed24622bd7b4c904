import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useUiStore } from '../../state/uiStore';
import type { SyncSession } from './syncSession';
import { useSyncAction } from './SyncParts';

/**
 * "Turn encryption off": an explicit act, behind a dialog that says what it means. The engine
 * publishes this device's signed decision; every device honours it only from an approved device.
 */
export function EncryptionOffButton({ session }: { session: SyncSession }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const act = useSyncAction();
  const pushToast = useUiStore((s) => s.pushToast);

  const confirm = async () => {
    setBusy(true);
    const report = await act('Turning encryption off', () => session.disableEncryption());
    setBusy(false);
    setOpen(false);
    if (report?.status === 'ok' && !report.encrypted) {
      pushToast({ tone: 'success', message: 'Encryption of the sync folder is now off.' });
    }
  };

  return (
    <>
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        Turn encryption off…
      </button>
      {open ? (
        <Dialog
          title="Turn encryption off?"
          description="This cannot be limited to this computer: every device syncing this folder follows."
          onClose={() => setOpen(false)}
          footer={
            <>
              <button
                type="button"
                className="button"
                data-autofocus
                onClick={() => setOpen(false)}
              >
                Keep encryption on
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={busy}
                onClick={() => void confirm()}
              >
                Turn encryption off
              </button>
            </>
          }
        >
          <ul className="sync-off-warning">
            <li>
              From now on this device writes its files in the sync folder unencrypted: client names,
              notes, risks and memos become readable by anyone who can open the folder (the cloud
              provider, the client’s IT, anyone it is shared with).
            </li>
            <li>
              Every other device of this folder reads this decision, signed by this device, and
              rewrites its own files unencrypted on its next sync.
            </li>
            <li>
              Files written before stay encrypted until their device rewrites them, and keys.json
              stays in the folder. You can encrypt the folder again later, with a new passphrase.
            </li>
          </ul>
        </Dialog>
      ) : null}
    </>
  );
}
