import { useCallback, useState, type FormEvent } from 'react';
import type { SyncProgress, SyncReport } from '@shared/sync/engine';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';

const PHASES: Record<SyncProgress['phase'], string> = {
  checking: 'Checking the folder',
  reading: 'Reading other devices',
  applying: 'Applying their changes',
  writing: 'Publishing this device’s changes',
  compacting: 'Tidying up',
  attachments: 'Fetching attached files',
};

/** What a round's outcome says on screen. */
export const STATUS_TEXT: Record<SyncReport['status'], string> = {
  ok: 'Up to date',
  offline: 'Folder not available',
  locked: 'Encrypted: passphrase needed',
  'wrong-passphrase': 'Wrong passphrase',
  'unsupported-format': 'Needs a newer app version',
  'keys-missing': 'Stopped: encryption keys missing or replaced',
  'folder-changed': 'Stopped: the folder changed under this device',
  failed: 'Last sync failed',
};

/**
 * Runs a sync action of the user's; a failure becomes an error toast ("<what> failed: …") and
 * resolves to null, so a click never leaves an unhandled rejection.
 */
export function useSyncAction(): <T>(what: string, task: () => Promise<T>) => Promise<T | null> {
  const pushToast = useUiStore((s) => s.pushToast);
  return useCallback(
    async <T,>(what: string, task: () => Promise<T>): Promise<T | null> => {
      try {
        return await task();
      } catch (error) {
        pushToast({ tone: 'error', message: `${what} failed: ${errorMessage(error)}` });
        return null;
      }
    },
    [pushToast],
  );
}

/** True when the folder is encrypted and this device has no (right) passphrase yet. */
export function needsPassphrase(report: SyncReport | null): boolean {
  return report?.status === 'locked' || report?.status === 'wrong-passphrase';
}

/** The running round's phase and a progress bar (indeterminate until a total is known). */
export function SyncProgressLine({ progress }: { progress: SyncProgress | null }) {
  return (
    <div className="sync-progress">
      <span>{progress ? PHASES[progress.phase] : 'Starting'}…</span>
      <progress
        aria-label="Sync progress"
        max={1}
        {...(progress && progress.total > 0
          ? { value: Math.min(1, progress.done / progress.total) }
          : {})}
      />
    </div>
  );
}

/** A labelled password input (passphrases of the sync folder). */
export function PasswordField({
  label,
  autoComplete,
  value,
  onChange,
}: {
  label: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** The passphrase form of an encrypted folder; cleared once a round with it reached the folder. */
export function UnlockFolderForm({
  onUnlock,
}: {
  onUnlock: (passphrase: string) => Promise<SyncReport | null | undefined>;
}) {
  const [passphrase, setPassphrase] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onUnlock(passphrase).then((result) => {
      if (result?.status === 'ok') setPassphrase('');
    });
  };
  return (
    <form className="sync-form" onSubmit={submit}>
      <PasswordField
        label="Passphrase"
        autoComplete="current-password"
        value={passphrase}
        onChange={setPassphrase}
      />
      <button type="submit" className="button button-primary" disabled={!passphrase}>
        Unlock
      </button>
    </form>
  );
}
