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
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';
import { DossierRow, type DossierKind } from './DossierRow';

/** Dossiers: "what did they know, and when" for one stakeholder or one risk, as Markdown or PDF. */
export function DossierPanel({ source, pageSize }: { source: MemoSource; pageSize: PageSize }) {
  const { client } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const [chosen, setChosen] = useState<Record<DossierKind, string>>({ stakeholder: '', risk: '' });
  const [busy, setBusy] = useState(false);

  const exportDossier = async (kind: DossierKind, format: 'md' | 'pdf') => {
    const id = chosen[kind];
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

  const choices = {
    stakeholder: source.stakeholders
      .filter((x) => x.deletedAt === null)
      .map((x) => ({ id: x.id, label: x.name })),
    risk: source.risks
      .filter((x) => x.deletedAt === null)
      .map((x) => ({ id: x.id, label: x.title })),
  };
  return (
    <section className="card memo-dossiers" aria-labelledby="memo-dossiers-heading">
      <h2 id="memo-dossiers-heading">Dossiers: what did they know, and when</h2>
      {(['stakeholder', 'risk'] as const).map((kind) => (
        <DossierRow
          key={kind}
          kind={kind}
          choices={choices[kind]}
          value={chosen[kind]}
          onChange={(id) => setChosen((now) => ({ ...now, [kind]: id }))}
          busy={busy}
          onExport={(format) => void exportDossier(kind, format)}
        />
      ))}
    </section>
  );
}
