import { useState } from 'react';
import { CSV_ENTITIES, type CsvEntity } from '@shared/csv/columns';
import { exportCsv } from '@shared/csv/exportCsv';
import { exportEngagementArchive } from '../../../db/archive';
import { listRecords } from '../../../db/queries/records';
import { useWorkbench } from '../../app/WorkbenchContext';
import { announceOperation, failureAnnounced } from '../../lib/announceOperation';
import { errorMessage } from '../../lib/errorMessage';
import { formatDateTime } from '../../lib/formatDate';
import { useUiStore } from '../../state/uiStore';
import type { EngagementScreenProps } from '../../app/screenProps';
import { backUpEngagement, getAppVersion } from './backups';
import { useDataDialogs } from './dataDialogs';
import { pickFile, readWholeFile, saveTextFile } from '../../lib/fileIo';
import { exportZipFile } from './exportZipFile';
import { CSV_ENTITY_LABELS } from './labels';
import { formatBytes } from '../../lib/formatBytes';
import { ProgressBar } from './ProgressBar';
import { useBackups } from './useBackups';
import { serializeInWorker } from './archiveReader';
import './data.css';

type Busy = { what: string; fraction: number | null } | null;

/** The Data tab: archive export/import, spreadsheets in and out, and the backups. */
export function DataScreen({ engagement }: EngagementScreenProps) {
  const { db, client } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const openDialog = useDataDialogs((s) => s.open);
  const { backups } = useBackups(engagement.id);
  const [busy, setBusy] = useState<Busy>(null);

  const run = async (what: string, task: () => Promise<void>) => {
    setBusy({ what, fraction: null });
    try {
      await task();
    } catch (error) {
      pushToast({
        tone: 'error',
        message: `${what} failed: ${errorMessage(error)}`,
        announced: failureAnnounced(error),
      });
    } finally {
      setBusy(null);
    }
  };

  const exportArchive = () =>
    run('Export', async () => {
      const saved = await announceOperation(
        { verb: 'export', subject: 'the engagement archive' },
        async () => {
          const exported = await exportEngagementArchive(db, engagement.id, {
            appVersion: await getAppVersion(client),
            serialize: serializeInWorker,
          });
          const name = await saveTextFile(
            client,
            {
              purpose: 'archive',
              title: 'Export engagement archive',
              defaultName: exported.fileName,
            },
            exported.text,
            (done, total) => setBusy({ what: 'Export', fraction: done / total }),
          );
          return name ? { file: name } : null;
        },
      );
      if (saved)
        pushToast({ tone: 'success', message: `Exported to “${saved.file}”.`, announced: true });
    });

  const exportZip = () =>
    run('Export', async () => {
      const saved = await announceOperation(
        { verb: 'export', subject: 'the engagement archive with its attachments' },
        () =>
          exportZipFile(db, client, engagement.id, (fraction) =>
            setBusy({ what: 'Export', fraction }),
          ),
      );
      if (!saved) return;
      const { zip, file: name } = saved;
      const missing =
        zip.missing.length > 0
          ? ` ${zip.missing.length} attached file(s) are not on this device yet and were left out.`
          : '';
      pushToast({
        tone: missing ? 'info' : 'success',
        message: `Exported to “${name}” with ${zip.attachments} attached file(s).${missing}`,
        announced: true,
      });
    });

  const exportSpreadsheet = (entity: CsvEntity) =>
    run('CSV export', async () => {
      const [records, stakeholders] = await Promise.all([
        listRecords(db, entity, engagement.id),
        listRecords(db, 'stakeholder', engagement.id),
      ]);
      const text = exportCsv(entity, records as unknown as Record<string, unknown>[], stakeholders);
      const label = CSV_ENTITY_LABELS[entity].label.toLowerCase();
      const saved = await announceOperation(
        { verb: 'export', subject: `${label} as CSV` },
        async () => {
          const name = await saveTextFile(
            client,
            {
              purpose: 'csv',
              title: `Export ${label}`,
              defaultName: `${engagement.code}-${CSV_ENTITY_LABELS[entity].file}.csv`,
            },
            text,
          );
          return name ? { file: name } : null;
        },
      );
      if (saved) pushToast({ tone: 'success', message: `Saved “${saved.file}”.`, announced: true });
    });

  const importSpreadsheet = (entity: CsvEntity) =>
    run('CSV import', async () => {
      const file = await pickFile(
        client,
        'csv',
        `Import ${CSV_ENTITY_LABELS[entity].label.toLowerCase()}`,
      );
      if (!file) return;
      const text = await readWholeFile(client, file.token);
      openDialog({
        kind: 'csv-import',
        entity,
        engagementId: engagement.id,
        fileName: file.name,
        text,
      });
    });

  const backUpNow = () =>
    run('Backup', async () => {
      await backUpEngagement(client, db, engagement.id);
      pushToast({ tone: 'success', message: 'Backup written.' });
    });

  return (
    <div className="data-screen stack">
      {busy ? <ProgressBar stage="writing" fraction={busy.fraction} /> : null}
      <section className="card" aria-labelledby="data-archive-heading">
        <h2 id="data-archive-heading">Engagement archive</h2>
        <p className="muted">
          One file with every record of this engagement, deleted ones and issued memos included, and
          its full history. Import it on another computer or profile, or merge a copy back.
          {engagement.archivedAt ? ' Archived engagements export like any other.' : ''}
        </p>
        <div className="data-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== null}
            onClick={() => void exportArchive()}
          >
            Export archive…
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void exportZip()}
          >
            Export with attachments (zip)…
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => openDialog({ kind: 'import-archive', intoEngagementId: engagement.id })}
          >
            Merge an archive into this engagement…
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => openDialog({ kind: 'import-archive' })}
          >
            Import another engagement…
          </button>
        </div>
      </section>

      <section className="card" aria-labelledby="data-csv-heading">
        <h2 id="data-csv-heading">Spreadsheets (CSV)</h2>
        <p className="muted">
          Bring a client’s lists in, or take them out to a spreadsheet. On import you choose which
          column is which, see what will be created or updated, and which rows are refused and why.
        </p>
        <table className="dataio-table data-csv-table">
          <tbody>
            {CSV_ENTITIES.map((entity) => (
              <tr key={entity}>
                <th scope="row">{CSV_ENTITY_LABELS[entity].label}</th>
                <td className="data-row-actions">
                  <button
                    type="button"
                    className="button"
                    disabled={busy !== null}
                    aria-label={`Export ${CSV_ENTITY_LABELS[entity].label} as CSV`}
                    onClick={() => void exportSpreadsheet(entity)}
                  >
                    Export CSV
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy !== null}
                    aria-label={`Import ${CSV_ENTITY_LABELS[entity].label} from CSV`}
                    onClick={() => void importSpreadsheet(entity)}
                  >
                    Import CSV…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="data-backups-heading">
        <h2 id="data-backups-heading">Backups</h2>
        <p className="muted">
          Written every day to this computer’s app data folder: the last 7 days, plus one a week for
          4 more weeks.
        </p>
        {backups && backups.length > 0 ? (
          <table className="dataio-table" aria-label="Backups of this engagement">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Records</th>
                <th scope="col">Size</th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.id}>
                  <td>{formatDateTime(b.takenAt)}</td>
                  <td>
                    {b.summary
                      ? Object.values(b.summary.counts).reduce((sum, n) => sum + n, 0)
                      : '—'}
                  </td>
                  <td>{formatBytes(b.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{backups ? 'No backup of this engagement yet.' : 'Loading…'}</p>
        )}
        <div className="data-actions">
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void backUpNow()}
          >
            Back up now
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => openDialog({ kind: 'restore-backup' })}
          >
            Restore from backup…
          </button>
        </div>
      </section>
    </div>
  );
}
