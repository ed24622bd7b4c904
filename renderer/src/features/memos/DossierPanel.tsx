import { useState } from 'react';
import type { MemoSource } from '@shared/memo/buildMemo';
import {
  buildRiskDossier,
  buildStakeholderDossier,
  renderDossierHtml,
  renderDossierMarkdown,
} from '@shared/memo/dossier';
import { contentFingerprint } from '@shared/memo/fingerprint';
import type { PageSize } from '@shared/memo/printCss';
import { localIsoDay } from '@shared/rules/dates';
import { engagementDisplay } from '@shared/time/display';
import { useWorkbench } from '../../app/WorkbenchContext';
import { announceOperation, failureAnnounced } from '../../lib/announceOperation';
import { softDisabled } from '../../lib/softDisabled';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';

/** Dossiers: "what did they know, and when" for one stakeholder or one risk, as Markdown or PDF. */
export function DossierPanel({ source, pageSize }: { source: MemoSource; pageSize: PageSize }) {
  const { client } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const [stakeholderId, setStakeholderId] = useState('');
  const [riskId, setRiskId] = useState('');
  const [busy, setBusy] = useState(false);

  const exportDossier = async (kind: 'stakeholder' | 'risk', format: 'md' | 'pdf') => {
    const id = kind === 'stakeholder' ? stakeholderId : riskId;
    if (id === '') return;
    setBusy(true);
    try {
      const date = localIsoDay(new Date());
      const dossier =
        kind === 'stakeholder'
          ? buildStakeholderDossier(source, id, { date })
          : buildRiskDossier(source, id, { date });
      const fingerprint = await contentFingerprint(dossier);
      const display = engagementDisplay(source.engagement);
      const slug = kind === 'stakeholder' ? 'stakeholder' : 'risk';
      const base = `${dossier.dossierId}-${slug}-${id.slice(-6)}`;
      const subject = `the ${kind} dossier ${dossier.dossierId} (${format === 'md' ? 'Markdown' : 'PDF'})`;
      const result = await announceOperation({ verb: 'export', subject }, async () => {
        const saved = await (format === 'md'
          ? client.call('memo.exportMarkdown', {
              markdown: renderDossierMarkdown(dossier, fingerprint, display),
              suggestedName: `${base}.md`,
            })
          : client.call('memo.exportPdf', {
              html: renderDossierHtml(dossier, fingerprint, display),
              pageSize,
              suggestedName: `${base}.pdf`,
              footer: {
                memoId: dossier.dossierId,
                version: 1,
                fingerprint,
                headerText: source.engagement.client,
              },
            }));
        return saved.saved ? { file: saved.fileName ?? 'the dossier' } : null;
      });
      if (result) pushToast({ tone: 'success', message: `Saved ${result.file}.`, announced: true });
    } catch (error) {
      pushToast({
        tone: 'error',
        message: errorMessage(error),
        announced: failureAnnounced(error),
      });
    } finally {
      setBusy(false);
    }
  };

  const live = <T extends { deletedAt: string | null }>(list: T[]) =>
    list.filter((x) => x.deletedAt === null);
  return (
    <section className="card memo-dossiers" aria-labelledby="memo-dossiers-heading">
      <h2 id="memo-dossiers-heading">Dossiers: what did they know, and when</h2>
      <div className="memo-dossier-row">
        <label>
          Stakeholder{' '}
          <select
            aria-label="Dossier stakeholder"
            value={stakeholderId}
            onChange={(e) => setStakeholderId(e.target.value)}
          >
            <option value="">Choose…</option>
            {live(source.stakeholders).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-ghost"
          disabled={stakeholderId === ''}
          {...softDisabled(busy, () => void exportDossier('stakeholder', 'md'))}
        >
          Stakeholder dossier (Markdown)
        </button>
        <button
          type="button"
          className="button button-ghost"
          disabled={stakeholderId === ''}
          {...softDisabled(busy, () => void exportDossier('stakeholder', 'pdf'))}
        >
          Stakeholder dossier (PDF)
        </button>
      </div>
      <div className="memo-dossier-row">
        <label>
          Risk{' '}
          <select
            aria-label="Dossier risk"
            value={riskId}
            onChange={(e) => setRiskId(e.target.value)}
          >
            <option value="">Choose…</option>
            {live(source.risks).map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-ghost"
          disabled={riskId === ''}
          {...softDisabled(busy, () => void exportDossier('risk', 'md'))}
        >
          Risk dossier (Markdown)
        </button>
        <button
          type="button"
          className="button button-ghost"
          disabled={riskId === ''}
          {...softDisabled(busy, () => void exportDossier('risk', 'pdf'))}
        >
          Risk dossier (PDF)
        </button>
      </div>
    </section>
  );
}
