import { useMemo, useState } from 'react';
import type { Risk } from '@shared/model/risk';
import { inherentRiskScore, residualRiskScore, riskBand } from '@shared/model/risk';
import { isInCell, type HeatCellKey, type HeatMapMode } from '@shared/notebook/heatmap';
import { localIsoDay } from '@shared/rules/dates';
import { isReviewOverdue } from '@shared/rules/risk';
import { useRecord, useRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { MasterDetail } from '../../components/layout/MasterDetail';
import { DeletedRecords } from '../../components/records';
import { DataTable, type DataTableColumn } from '../../components/table/DataTable';
import { formatDate } from '../../lib/formatDate';
import { useUiStore } from '../../state/uiStore';
import type { EngagementScreenProps } from '../../app/screenProps';
import { ofEngagement, useSelectedId } from '../../app/openRecord';
import { HeatMap } from './HeatMap';
import { RiskDetail } from './RiskDetail';
import { RiskFormDialog } from './RiskFormDialog';
import '../../styles/notebook.css';
import './risks.css';
import { ConflictBadge } from '../../components/conflicts/ConflictBadge';

function ScoreChip({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">—</span>;
  return <span className={`score score-${riskBand(value)}`}>{value}</span>;
}

function columnsFor(names: Map<string, string>, today: string): DataTableColumn<Risk>[] {
  return [
    {
      id: 'title',
      header: 'Risk',
      width: '2fr',
      cell: (r) => (
        <>
          <ConflictBadge entity="risk" recordId={r.id} />
          {r.title}
        </>
      ),
      sortValue: (r) => r.title,
      filterText: (r) =>
        `${r.title} ${r.category} ${r.cause} ${r.event} ${r.mitigation} ${r.ownerId ? (names.get(r.ownerId) ?? '') : ''}`,
    },
    {
      id: 'before',
      header: 'Before',
      width: '78px',
      priority: 2,
      align: 'end',
      cell: (r) => <ScoreChip value={inherentRiskScore(r)} />,
      sortValue: (r) => inherentRiskScore(r),
    },
    {
      id: 'after',
      header: 'After',
      width: '66px',
      align: 'end',
      cell: (r) => <ScoreChip value={residualRiskScore(r)} />,
      sortValue: (r) => residualRiskScore(r),
    },
    {
      id: 'status',
      header: 'Status',
      width: '104px',
      cell: (r) => r.status,
      sortValue: (r) => r.status,
      filterText: (r) => `${r.status} ${r.treatment}`,
    },
    {
      id: 'review',
      header: 'Review',
      width: '116px',
      priority: 1,
      cell: (r) =>
        isReviewOverdue(r, today) ? (
          <span className="text-danger" title="Review overdue">
            {formatDate(r.reviewDate)} !
          </span>
        ) : (
          formatDate(r.reviewDate)
        ),
      sortValue: (r) => r.reviewDate,
      filterText: (r) => (isReviewOverdue(r, today) ? 'overdue' : ''),
    },
  ];
}

/** Risks: the register, the 5x5 heat map (click a cell to filter), before/after controls. */
export function RisksScreen({ engagement }: EngagementScreenProps) {
  const { db } = useWorkbench();
  const risks = ofEngagement(useRecords(db, 'risk', engagement.id), engagement.id);
  const stakeholders = ofEngagement(useRecords(db, 'stakeholder', engagement.id), engagement.id);
  const areas = ofEngagement(useRecords(db, 'ownershipArea', engagement.id), engagement.id);
  const selectedId = useSelectedId('risk');
  const selected = useRecord(db, 'risk', selectedId);
  const selectRecord = useUiStore((s) => s.selectRecord);
  const [mode, setMode] = useState<HeatMapMode>('inherent');
  const [cell, setCell] = useState<HeatCellKey | null>(null);
  const [editing, setEditing] = useState<{ risk: Risk | null } | null>(null);
  const [today] = useState(() => localIsoDay(new Date()));

  const people = useMemo(() => stakeholders ?? [], [stakeholders]);
  const names = useMemo(() => new Map(people.map((s) => [s.id, s.name])), [people]);
  const columns = useMemo(() => columnsFor(names, today), [names, today]);
  const all = useMemo(() => risks ?? [], [risks]);
  const shown = useMemo(
    () => (cell ? all.filter((r) => isInCell(r, cell, mode)) : all),
    [all, cell, mode],
  );

  if (!risks || !stakeholders || !areas) return <p className="muted">Loading risks…</p>;

  return (
    <div className="stack">
      <div className="screen-toolbar">
        <div className="segmented" role="group" aria-label="Scores shown">
          {(
            [
              ['inherent', 'Before controls'],
              ['residual', 'After controls'],
            ] as const
          ).map(([id, label]) => (
            <button
              key={id}
              type="button"
              className="segmented-button"
              aria-pressed={mode === id}
              onClick={() => {
                setMode(id);
                setCell(null);
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setEditing({ risk: null })}
        >
          New risk
        </button>
      </div>
      <MasterDetail
        listWidth="wide"
        detailLabel="Risk details"
        emptyDetail="Choose a risk to see its scores, treatment, review and history."
        list={
          <div className="stack">
            <HeatMap risks={all} mode={mode} cell={cell} onCell={setCell} />
            {cell ? (
              <p className="heatmap-filter" role="status">
                Showing likelihood {cell.likelihood}, impact {cell.impact}{' '}
                {mode === 'inherent' ? 'before' : 'after'} controls.{' '}
                <button type="button" className="text-link" onClick={() => setCell(null)}>
                  Show all risks
                </button>
              </p>
            ) : null}
            <DataTable
              label="Risk register"
              rows={shown}
              columns={columns}
              rowKey={(r) => r.id}
              selectedKey={selectedId}
              onSelect={(r) => selectRecord({ entity: 'risk', id: r.id })}
              initialSort={{ columnId: 'before', direction: 'descending' }}
              filterPlaceholder="Filter by title, status, owner…"
              emptyMessage={cell ? 'No risk in this cell.' : 'No risks yet.'}
              height="min(460px, 50vh)"
            />
            <DeletedRecords
              entity="risk"
              engagementId={engagement.id}
              noun="Risk"
              plural="risks"
              labelOf={(r) => r.title}
            />
          </div>
        }
        detail={
          selected && selected.engagementId === engagement.id ? (
            <RiskDetail
              risk={selected}
              stakeholders={people}
              areas={areas}
              today={today}
              onEdit={() => setEditing({ risk: selected })}
            />
          ) : null
        }
      />
      {editing ? (
        <RiskFormDialog
          engagementId={engagement.id}
          risk={editing.risk}
          stakeholders={people}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            selectRecord({ entity: 'risk', id: saved.id });
          }}
        />
      ) : null}
    </div>
  );
}
