import { useState, type FormEvent } from 'react';
import type { PeerInfo, SyncReport } from '@shared/sync/engine';
import { useWorkbench } from '../../app/WorkbenchContext';
import { formatDateTime } from '../../lib/formatDate';
import { PasswordField, useSyncAction } from './SyncParts';
import type { SyncSession, SyncSessionState } from './syncSession';

/** The device name settings give a device nobody named. */
const DEFAULT_DEVICE_NAME = 'This device';

/** A device's name; devices left with the default name are told apart by their id. */
export function deviceLabel(peer: PeerInfo): string {
  const name = peer.deviceName?.trim();
  if (name && (peer.self || name !== DEFAULT_DEVICE_NAME)) return name;
  return `Unnamed device ${peer.deviceId.slice(-6)}`;
}

/** What a device's standing says in the table. */
function standingText(peer: PeerInfo): string {
  if (peer.standing === 'pending') return 'Waiting for approval';
  if (peer.standing === 'removed') return 'Removed (later writes ignored)';
  if (peer.standing === 'approved') {
    return peer.approvedBy && peer.approvedBy.length > 0
      ? `Approved by ${peer.approvedBy.join(', ')}`
      : 'Approved';
  }
  return '—';
}

interface Props {
  session: SyncSession;
  state: SyncSessionState;
  report: SyncReport;
  consultantName: string;
  /** Show the recovery key panel here (false where the screen shows it higher up). */
  withRecoveryKey?: boolean;
}

/**
 * The devices of a signed folder: who may write (approved), who asks to (waiting, with the short
 * fingerprint of its key to compare with the one shown on that device), who was removed; and
 * the recovery key shown once after setting the folder up.
 */
export function DeviceRoster({
  session,
  state,
  report,
  consultantName,
  withRecoveryKey = true,
}: Props) {
  const act = useSyncAction();
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const self = report.peers.find((p) => p.self);
  return (
    <>
      {withRecoveryKey && state.recoveryKey ? (
        <RecoveryKeyPanel session={session} value={state.recoveryKey} />
      ) : null}
      {report.waitingForApproval ? (
        <section className="card sync-waiting" aria-labelledby="sync-waiting-heading">
          <h2 id="sync-waiting-heading">Waiting for approval</h2>
          <p>
            Nothing this device writes is applied elsewhere until a device already in this folder
            approves it. On that device, open Sync and approve this one; check that the key it shows
            is <code className="sync-fingerprint">{self?.fingerprint ?? '…'}</code>.
          </p>
          <RecoveryApproveForm session={session} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="sync-devices-heading">
        <h2 id="sync-devices-heading">Devices and people</h2>
        {state.keyProtection === 'file' ? (
          <p className="muted">
            This computer offers no protected key store, so this device’s signing key is kept in a
            file that only your user account can read.
          </p>
        ) : null}
        <table className="sync-table" aria-label="Devices syncing in this folder">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Person</th>
              {report.signed ? <th scope="col">Key</th> : null}
              {report.signed ? <th scope="col">Standing</th> : null}
              <th scope="col">Changes published</th>
              <th scope="col">Read here</th>
              <th scope="col">Last write</th>
              {report.signed ? <th scope="col">Action</th> : null}
            </tr>
          </thead>
          <tbody>
            {report.peers.map((peer) => (
              <tr key={peer.deviceId}>
                <td>
                  {deviceLabel(peer)}
                  {peer.self ? <span className="sync-badge">this device</span> : null}
                </td>
                <td>{peer.actor || (peer.self ? consultantName : '') || '—'}</td>
                {report.signed ? (
                  <td>
                    <code className="sync-fingerprint">{peer.fingerprint ?? '—'}</code>
                  </td>
                ) : null}
                {report.signed ? <td>{standingText(peer)}</td> : null}
                <td className="num">{peer.published}</td>
                <td className="num">{peer.read}</td>
                <td>{peer.writtenAt ? formatDateTime(peer.writtenAt) : '—'}</td>
                {report.signed ? (
                  <td>
                    {!peer.self && peer.standing === 'pending' && !report.waitingForApproval ? (
                      <button
                        type="button"
                        className="button"
                        aria-label={`Approve ${deviceLabel(peer)} (key ${peer.fingerprint ?? ''})`}
                        onClick={() =>
                          void act('Approving', () => session.approveDevice(peer.deviceId))
                        }
                      >
                        Approve
                      </button>
                    ) : null}
                    {!peer.self && peer.standing === 'approved' && !report.waitingForApproval ? (
                      confirmRemove === peer.deviceId ? (
                        <button
                          type="button"
                          className="button"
                          aria-label={`Confirm: remove ${deviceLabel(peer)}`}
                          onClick={() => {
                            setConfirmRemove(null);
                            void act('Removing', () => session.removeDevice(peer.deviceId));
                          }}
                        >
                          Confirm removal
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button button-ghost"
                          aria-label={`Remove ${deviceLabel(peer)}`}
                          onClick={() => setConfirmRemove(peer.deviceId)}
                        >
                          Remove…
                        </button>
                      )
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** The recovery key of a folder just set up, to copy or write down; then forgotten. */
export function RecoveryKeyPanel({ session, value }: { session: SyncSession; value: string }) {
  const act = useSyncAction();
  const { client } = useWorkbench();
  return (
    <section className="card sync-recovery" aria-labelledby="sync-recovery-heading">
      <h2 id="sync-recovery-heading">Recovery key of this folder</h2>
      <p>
        Print it or store it in your password manager now: it approves a new device when none of
        yours is left (a lost or dead laptop). The app does not keep it; anyone holding it can
        approve devices in this folder.
      </p>
      <p>
        <code className="sync-recovery-key" aria-label="Recovery key">
          {value}
        </code>
      </p>
      <div className="sync-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            void act('Copying', () => client.call('clipboard.writeText', { text: value }))
          }
        >
          Copy
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          Print…
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => session.dismissRecoveryKey()}
        >
          I have stored it
        </button>
      </div>
    </section>
  );
}

/** Approving this device with the folder's recovery key. */
function RecoveryApproveForm({ session }: { session: SyncSession }) {
  const act = useSyncAction();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act('Approving with the recovery key', async () => {
      const report = await session.approveWithRecoveryKey(value);
      if (report && !report.waitingForApproval) setValue('');
      return report;
    });
  };
  return (
    <form className="sync-form" onSubmit={submit}>
      <PasswordField
        label="Or the folder’s recovery key"
        autoComplete="current-password"
        value={value}
        onChange={setValue}
      />
      <button type="submit" className="button" disabled={value.trim().length < 64}>
        Approve this device
      </button>
    </form>
  );
}

/** Changing the passphrase of an encrypted folder (the folder's key is re-wrapped, not changed). */
export function ChangePassphraseForm({ session }: { session: SyncSession }) {
  const act = useSyncAction();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const ok = current.length > 0 && next.length >= 10 && next === repeat;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ok) return;
    void act('Changing the passphrase', async () => {
      const report = await session.changePassphrase(current, next);
      if (report?.status === 'ok') {
        setCurrent('');
        setNext('');
        setRepeat('');
      }
      return report;
    });
  };
  return (
    <form className="sync-form" onSubmit={submit} aria-label="Change the passphrase">
      <PasswordField
        label="Current passphrase"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <PasswordField
        label="New passphrase (10 characters or more)"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
      />
      <PasswordField
        label="Repeat the new passphrase"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
      />
      <button type="submit" className="button" disabled={!ok}>
        Change passphrase
      </button>
    </form>
  );
}
