import { useWorkbench } from '../../app/WorkbenchContext';
import { countOf } from '../../lib/countOf';
import { DeviceRoster } from './DeviceRoster';
import {
  STATUS_TEXT,
  SyncProgressLine,
  UnlockFolderForm,
  needsPassphrase,
  useSyncAction,
} from './SyncParts';
import { ALL_ENGAGEMENTS_SESSION } from './syncSession';
import { useSyncSession } from './useSyncSession';
import './sync.css';

/**
 * "Join a sync folder…" on a device with no engagement yet: a new laptop, or a teammate's first
 * start. The folder becomes the one for all engagements, a round runs at once (with its progress
 * bar), and every engagement in the folder arrives; an encrypted folder asks for its passphrase.
 * Once engagements exist the panel stays only to report how the join went.
 */
export function JoinSyncFolder({ hasEngagements }: { hasEngagements: boolean }) {
  const { session, state } = useSyncSession(ALL_ENGAGEMENTS_SESSION);
  const { settings } = useWorkbench();
  const act = useSyncAction();
  const report = state.report;
  const used = state.running || report !== null || state.error !== null;
  if (hasEngagements && !used) return null;

  const choose = () => void act('Choosing the folder', () => session.chooseFolder('all'));

  return (
    <section className="join-sync" aria-label="Join a sync folder">
      {state.folder ? (
        <p className="join-sync-folder">
          {state.running ? 'Joining ' : 'Syncing with '}
          <span className="sync-path" title={state.folder.path}>
            {state.folder.path}
          </span>
        </p>
      ) : (
        <p className="muted">
          Already working on another computer, or joining a colleague? Choose the folder your
          engagements sync through (Dropbox, OneDrive, a network share) to bring them here.
        </p>
      )}
      {state.running ? <SyncProgressLine progress={state.progress} /> : null}
      {!state.running && report ? (
        <p role="status" className="sync-status join-sync-status">
          {report.status === 'ok'
            ? `${STATUS_TEXT.ok}: ${countOf(report.received, 'change')} received`
            : STATUS_TEXT[report.status]}
        </p>
      ) : null}
      {!state.running && report?.status === 'ok' && !hasEngagements ? (
        <p className="muted">
          No engagement is in this folder yet; they appear here as soon as another device syncs one.
        </p>
      ) : null}
      {report?.message ? <p className="sync-message">{report.message}</p> : null}
      {state.error ? <p className="sync-message">{state.error}</p> : null}
      {!state.running && report && report.warnings.length > 0 ? (
        <ul className="sync-warnings" aria-label="Sync warnings">
          {report.warnings.slice(0, 3).map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
      ) : null}
      {state.folder && needsPassphrase(report) ? (
        <UnlockFolderForm onUnlock={(p) => act('Unlock', () => session.unlock(p))} />
      ) : null}
      {state.folder && report?.signed && (!hasEngagements || state.recoveryKey) ? (
        // A device with no engagement yet still approves the devices that join after it, and
        // shows the recovery key of a folder it set up.
        <DeviceRoster
          session={session}
          state={state}
          report={report}
          consultantName={settings.consultantName}
        />
      ) : null}
      {hasEngagements ? null : (
        // Once engagements exist, their Sync tabs own the folder (changing it here would
        // silently re-point every engagement).
        <div className="sync-actions join-sync-actions">
          <button type="button" className="button" onClick={choose} disabled={state.running}>
            {state.folder ? 'Choose another folder…' : 'Join a sync folder…'}
          </button>
          {state.folder &&
          !state.running &&
          !needsPassphrase(report) &&
          (state.error || (report && report.status !== 'ok')) ? (
            <button
              type="button"
              className="button"
              onClick={() => void act('Sync', () => session.syncNow())}
            >
              Try again
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
