import { useEffect, useState, type FormEvent } from 'react';
import { useWorkbench } from '../../app/WorkbenchContext';
import { formatDateTime } from '../../lib/formatDate';
import { useUiStore } from '../../state/uiStore';
import type { EngagementScreenProps } from '../../app/screenProps';
import { ConflictList } from './ConflictList';
import { EncryptionOffButton } from './EncryptionOff';
import { ParkedChanges } from './ParkedChanges';
import { ChangePassphraseForm, DeviceRoster, RecoveryKeyPanel } from './DeviceRoster';
import {
  PasswordField,
  STATUS_TEXT,
  SyncProgressLine,
  UnlockFolderForm,
  needsPassphrase,
  useSyncAction,
} from './SyncParts';
import { useSyncSession } from './useSyncSession';
import './sync.css';

/** The Sync tab: folder, devices and people, last sync, progress, conflicts and encryption. */
export function SyncScreen({ engagement }: EngagementScreenProps) {
  const { settings } = useWorkbench();
  const { session, state } = useSyncSession(engagement.id);
  const pushToast = useUiStore((s) => s.pushToast);
  const [newPassphrase, setNewPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');

  useEffect(() => {
    session.start();
  }, [session]);

  const act = useSyncAction();

  const report = state.report;
  const unlock = (passphrase: string) => act('Unlock', () => session.unlock(passphrase));
  const encrypt = (event: FormEvent) => {
    event.preventDefault();
    if (newPassphrase.length < 10 || newPassphrase !== confirm) return;
    void act('Encryption', async () => {
      const result = await session.enableEncryption(newPassphrase);
      if (result?.status === 'ok') {
        pushToast({ tone: 'success', message: 'The sync folder is now encrypted.' });
        setNewPassphrase('');
        setConfirm('');
      }
    });
  };

  return (
    <div className="sync-screen stack">
      <section className="card" aria-labelledby="sync-folder-heading">
        <h2 id="sync-folder-heading">Sync folder</h2>
        {state.folder === undefined ? (
          <p className="muted">Loading…</p>
        ) : state.folder === null ? (
          <p className="muted">
            No sync folder chosen. Pick a folder that Dropbox, OneDrive, Google Drive, Syncthing or
            a network share keeps in step; each device writes only its own files there.
          </p>
        ) : (
          <p>
            <span className="sync-path" title={state.folder.path}>
              {state.folder.path}
            </span>{' '}
            <span className="muted">
              ({state.folder.scope === 'all' ? 'used by all engagements' : 'this engagement only'})
            </span>
          </p>
        )}
        <div className="sync-actions">
          <button
            type="button"
            className="button"
            onClick={() =>
              void act('Choosing the folder', () => session.chooseFolder('engagement'))
            }
          >
            Choose folder for this engagement…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void act('Choosing the folder', () => session.chooseFolder('all'))}
          >
            Use one folder for all engagements…
          </button>
          {state.folder ? (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => void act('Stopping sync', () => session.forgetFolder())}
            >
              Stop syncing
            </button>
          ) : null}
        </div>
      </section>

      {state.folder ? (
        <section className="card" aria-labelledby="sync-status-heading">
          <h2 id="sync-status-heading">Status</h2>
          <div className="sync-status-row">
            <p role="status" aria-live="polite" className="sync-status">
              {state.running
                ? 'Syncing…'
                : report
                  ? STATUS_TEXT[report.status]
                  : 'Not synced yet in this session'}
              {report?.encrypted ? <span className="sync-badge">Encrypted</span> : null}
            </p>
            <button
              type="button"
              className="button button-primary"
              disabled={state.running}
              onClick={() => void act('Sync', () => session.syncNow())}
            >
              Sync now
            </button>
          </div>
          {state.running ? <SyncProgressLine progress={state.progress} /> : null}
          <p className="muted">
            Last sync: {state.lastSyncAt ? formatDateTime(state.lastSyncAt) : 'never'}
            {report && report.status === 'ok'
              ? ` · ${report.received} change(s) received, ${report.sent} sent`
              : ''}
            {report?.attachments && report.attachments.referenced > 0
              ? ` · attached files on this device: ${report.attachments.held} of ${report.attachments.referenced}` +
                (report.attachments.fetched > 0
                  ? ` (${report.attachments.fetched} arrived this round)`
                  : '') +
                (report.attachments.waiting > 0 ? '; the rest are on their way' : '')
              : ''}
          </p>
          {report?.message ? <p className="sync-message">{report.message}</p> : null}
          {state.error ? <p className="sync-message">{state.error}</p> : null}
          {report && report.warnings.length > 0 ? (
            <ul className="sync-warnings" aria-label="Sync warnings">
              {report.warnings.slice(0, 8).map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {state.folder && state.recoveryKey ? (
        <RecoveryKeyPanel session={session} value={state.recoveryKey} />
      ) : null}

      {state.folder && needsPassphrase(report) ? (
        <section className="card" aria-labelledby="sync-unlock-heading">
          <h2 id="sync-unlock-heading">Unlock the encrypted folder</h2>
          <UnlockFolderForm onUnlock={unlock} />
        </section>
      ) : null}

      {state.folder && report?.status === 'ok' && report.signed === false ? (
        <section className="card" aria-labelledby="sync-upgrade-heading">
          <h2 id="sync-upgrade-heading">Signed devices</h2>
          <p className="muted">
            This folder was set up by an older version: anyone who can write to it can add changes
            that look like a device’s. Upgrade it so that every device signs what it writes and only
            devices approved here are read. Devices still on an older version stop syncing (nothing
            is lost) until they are updated and approved here.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => void act('Upgrading the folder', () => session.upgradeFolder())}
          >
            Upgrade to signed devices
          </button>
        </section>
      ) : null}

      {state.folder && report?.status === 'ok' && report.encrypted ? (
        <section className="card" aria-labelledby="sync-passphrase-heading">
          <h2 id="sync-passphrase-heading">Passphrase</h2>
          <p className="muted">
            The folder stays encrypted with the same key; only the passphrase that unlocks it
            changes. The other devices ask for the new one on their next sync.
          </p>
          <ChangePassphraseForm session={session} />
          {report.signed ? (
            <>
              <h3>Turn encryption off</h3>
              <p className="muted">
                Every device of this folder then writes its files unencrypted. Only a device
                approved here can decide it.
              </p>
              <EncryptionOffButton session={session} />
            </>
          ) : null}
        </section>
      ) : null}

      {state.folder &&
      report?.status === 'ok' &&
      !report.encrypted &&
      !report.waitingForApproval ? (
        <section className="card" aria-labelledby="sync-encrypt-heading">
          <h2 id="sync-encrypt-heading">Encryption</h2>
          <p className="muted">
            Encrypt the folder so the cloud provider sees only ciphertext. Every device will need
            the passphrase; it cannot be recovered if lost.
          </p>
          <form className="sync-form" onSubmit={encrypt}>
            <PasswordField
              label="New passphrase (10 characters or more)"
              autoComplete="new-password"
              value={newPassphrase}
              onChange={setNewPassphrase}
            />
            <PasswordField
              label="Repeat the passphrase"
              autoComplete="new-password"
              value={confirm}
              onChange={setConfirm}
            />
            <button
              type="submit"
              className="button"
              disabled={newPassphrase.length < 10 || newPassphrase !== confirm}
            >
              Encrypt folder
            </button>
          </form>
        </section>
      ) : null}

      {state.folder && report && report.peers.length > 0 ? (
        <DeviceRoster
          session={session}
          state={state}
          report={report}
          consultantName={settings.consultantName}
          withRecoveryKey={false}
        />
      ) : null}

      <ConflictList engagementId={engagement.id} />
      <ParkedChanges engagementId={engagement.id} />
    </div>
  );
}
