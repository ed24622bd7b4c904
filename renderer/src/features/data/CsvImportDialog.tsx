import { useEffect, useState } from 'react';
import { CSV_COLUMNS, guessMapping, type CsvEntity } from '@shared/csv/columns';
import type { CsvImportPlan } from '@shared/csv/importPlan';
import { useRecords } from '../../../db';
import { applyCsvPlan } from '../../../db/archive/csvApply';
import { Dialog } from '../../components/Dialog';
import { useWorkbench } from '../../app/WorkbenchContext';
import { announceOperation } from '../../lib/announceOperation';
import { errorMessage } from '../../lib/errorMessage';
import { readCsvFile, type CsvFile } from '../../lib/parsers';
import { useUiStore } from '../../state/uiStore';
import { CSV_ENTITY_LABELS } from './labels';

const ACTION_LABELS = { create: 'New', update: 'Update', unchanged: 'No change' } as const;
const PREVIEW_ROWS = 100;

/** The file read in a worker (null while reading), or why it could not be read. */
function useCsvFile(text: string): { file: CsvFile | null; error: string | null } {
  const [state, setState] = useState<{ file: CsvFile | null; error: string | null }>({
    file: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    let opened: CsvFile | null = null;
    readCsvFile(text).then(
      (file) => {
        if (live) {
          opened = file;
          setState({ file, error: null });
        } else file.close();
      },
      (error: unknown) => live && setState({ file: null, error: errorMessage(error) }),
    );
    return () => {
      live = false;
      opened?.close();
    };
  }, [text]);
  return state;
}

/**
 * Importing a spreadsheet: map the file's columns (guessed from their headers), see what will be
 * created or updated and which rows are refused and why, then import the good rows at once. The
 * file is read and checked in a worker (parsers.worker.ts), so no file freezes the window.
 */
export function CsvImportDialog({
  entity,
  engagementId,
  fileName,
  text,
  onClose,
}: {
  entity: CsvEntity;
  engagementId: string;
  fileName: string;
  text: string;
  onClose: () => void;
}) {
  const { db, store } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const { file, error: readError } = useCsvFile(text);
  const headers = file?.summary.headers ?? [];
  const [mapping, setMapping] = useState<(string | null)[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [plan, setPlan] = useState<CsvImportPlan | null>(null);
  const existing = useRecords(db, entity, engagementId);
  const stakeholders = useRecords(db, 'stakeholder', engagementId);
  useEffect(() => {
    if (file) setMapping(guessMapping(entity, file.summary.headers));
  }, [file, entity]);
  useEffect(() => {
    if (!file || !mapping || !existing || !stakeholders) return;
    let live = true;
    setPlan(null);
    file
      .plan(mapping, {
        entity,
        engagementId,
        existing: existing as unknown as (Record<string, unknown> & { id: string })[],
        stakeholders,
      })
      .then(
        (next) => live && setPlan(next),
        (error: unknown) =>
          live && setSaveError(`The file could not be checked: ${errorMessage(error)}`),
      );
    return () => {
      live = false;
    };
  }, [file, mapping, entity, engagementId, existing, stakeholders]);
  const columns = CSV_COLUMNS[entity];
  const toWrite = plan ? plan.counts.create + plan.counts.update : 0;

  const submit = async () => {
    if (!plan) return;
    setSaving(true);
    setSaveError(null);
    try {
      const label = CSV_ENTITY_LABELS[entity].label;
      const counts = await announceOperation(
        { verb: 'import', subject: `${label.toLowerCase()} from ${fileName}` },
        async () => {
          const result = await applyCsvPlan(store, plan, engagementId);
          return { ...result, detail: `${result.created} created, ${result.updated} updated` };
        },
      );
      if (counts)
        pushToast({ tone: 'success', message: `${label}: ${counts.detail}.`, announced: true });
      onClose();
    } catch (error) {
      setSaveError(`Nothing was imported: ${errorMessage(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={`Import ${CSV_ENTITY_LABELS[entity].label.toLowerCase()}`}
      description={`From “${fileName}”: ${file ? `${file.summary.rowCount + file.summary.problemCount} rows` : 'reading…'}. Rows are matched to existing records by the id column, otherwise by name.`}
      onClose={saving ? () => undefined : onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={saving}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={saving || toWrite === 0}
            onClick={() => void submit()}
          >
            {toWrite === 0
              ? 'Nothing to import'
              : `Import ${toWrite} ${toWrite === 1 ? 'row' : 'rows'}`}
          </button>
        </>
      }
    >
      {saveError ? (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      ) : null}
      <section aria-labelledby="csv-mapping-heading">
        <h3 id="csv-mapping-heading" className="data-subheading">
          Columns
        </h3>
        <p className="muted data-csv-rules">
          People columns (responsible, consulted, informed, raised to) list names separated by
          semicolons or new lines. A name that itself holds a semicolon, comma or quote is written
          in double quotes, with a quote inside doubled: <code>"Okafor, Amara"; Lee Novak</code>, as
          the export writes them. A vacancy (“(vacant)”, “Vacant”, “TBD”, “open position”, or an
          empty name next to a job title) becomes a vacant seat named “(vacant) job title”.
        </p>
        <div className="data-mapping">
          {headers.map((header, index) => (
            <label key={index} className="data-mapping-row">
              <span className="data-mapping-header">{header || `(column ${index + 1})`}</span>
              <select
                aria-label={`Column “${header}”`}
                value={mapping?.[index] ?? ''}
                onChange={(event) => {
                  const value = event.target.value || null;
                  setMapping((m) =>
                    (m ?? headers.map(() => null)).map((key, i) =>
                      i === index ? value : key === value ? null : key,
                    ),
                  );
                }}
              >
                <option value="">Ignore</option>
                {columns.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.key}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </section>

      {plan ? (
        <>
          <p className="data-plan-counts" role="status">
            {plan.counts.create} to create · {plan.counts.update} to update ·{' '}
            {plan.counts.unchanged} unchanged · {plan.counts.refusedRows} refused
          </p>
          {plan.refused.length > 0 ? (
            <section aria-labelledby="csv-refused-heading">
              <h3 id="csv-refused-heading" className="data-subheading">
                Refused rows (not imported)
              </h3>
              <table className="dataio-table data-refused">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.refused.map((r, i) => (
                    <tr key={i}>
                      <td>{r.row}</td>
                      <td>{r.column || '—'}</td>
                      <td>{r.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <section aria-labelledby="csv-preview-heading">
            <h3 id="csv-preview-heading" className="data-subheading">
              Preview
            </h3>
            <table className="dataio-table data-preview">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Action</th>
                  <th scope="col">Record</th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {plan.rows.slice(0, PREVIEW_ROWS).map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>
                      <span className={`data-action data-action-${r.action}`}>
                        {ACTION_LABELS[r.action]}
                      </span>
                    </td>
                    <td>{r.label}</td>
                    <td>{r.action === 'update' ? r.changedFields.join(', ') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.rows.length > PREVIEW_ROWS ? (
              <p className="muted">… and {plan.rows.length - PREVIEW_ROWS} more rows.</p>
            ) : null}
          </section>
        </>
      ) : (
        <p className="muted" role="status">
          {readError ? `The file could not be read: ${readError}` : 'Checking…'}
        </p>
      )}
    </Dialog>
  );
}
