import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Stakeholder } from '@shared/model/stakeholder';
import { buildChainGraph } from '@shared/notebook/chainGraph';
import { useRecord, useRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { DataTable, type DataTableColumn } from '../../components/table/DataTable';
import { MasterDetail } from '../../components/layout/MasterDetail';
import { DeletedRecords } from '../../components/records';
import { useUiStore } from '../../state/uiStore';
import type { EngagementScreenProps } from '../../app/screenProps';
import { ofEngagement, useSelectedId } from '../../app/openRecord';
import { ChainChart } from './ChainChart';
import { prewarmChainLayout } from './chainLayoutCache';
import { PowerGrid } from './PowerGrid';
import { StakeholderDetail } from './StakeholderDetail';
import { StakeholderFormDialog } from './StakeholderFormDialog';
import { AUTHORITY_LABEL, STANCE_LABEL } from './labels';
import { presenceOf } from '../../lib/presenceOf';
import '../../styles/notebook.css';
import './stakeholders.css';
import { ConflictBadge } from '../../components/conflicts/ConflictBadge';

type View = 'table' | 'chart' | 'grid';

const VIEWS: readonly { id: View; label: string }[] = [
  { id: 'table', label: 'Table' },
  { id: 'chart', label: 'Chain of command' },
  { id: 'grid', label: 'Power/interest grid' },
];

function columnsFor(names: Map<string, string>): DataTableColumn<Stakeholder>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      width: '1.4fr',
      cell: (s) => (
        <>
          {s.isVacant || s.status === 'departed' ? (
            <span className={`badge badge-presence-${presenceOf(s)} cell-badge-start`}>
              {presenceOf(s)}
            </span>
          ) : null}
          <ConflictBadge entity="stakeholder" recordId={s.id} />
          {s.name}
        </>
      ),
      sortValue: (s) => s.name,
      filterText: (s) => `${s.name} ${presenceOf(s)}`,
    },
    {
      id: 'title',
      header: 'Title',
      width: '1.3fr',
      cell: (s) => s.title,
      sortValue: (s) => s.title,
      filterText: (s) =>
        `${s.title} ${s.orgUnit} ${s.contact} ${s.reportsToId ? (names.get(s.reportsToId) ?? '') : ''}`,
    },
    {
      id: 'authority',
      header: 'Authority',
      width: '96px',
      priority: 1,
      cell: (s) => AUTHORITY_LABEL[s.decisionAuthority],
      sortValue: (s) =>
        ['decides', 'approves', 'influences', 'informed'].indexOf(s.decisionAuthority),
      filterText: (s) => s.decisionAuthority,
    },
    {
      id: 'stance',
      header: 'Stance',
      width: '112px',
      priority: 2,
      cell: (s) => (
        <>
          <span className={`stance-dot stance-${s.stance}`} aria-hidden="true" />{' '}
          {STANCE_LABEL[s.stance]}
        </>
      ),
      sortValue: (s) =>
        ['champion', 'supporter', 'neutral', 'skeptic', 'blocker'].indexOf(s.stance),
      filterText: (s) => s.stance,
    },
  ];
}

/** Stakeholders: a table with a detail pane, the chain-of-command chart, the power/interest grid. */
export function StakeholdersScreen({ engagement }: EngagementScreenProps) {
  const { db } = useWorkbench();
  const stakeholders = ofEngagement(useRecords(db, 'stakeholder', engagement.id), engagement.id);
  const selectedId = useSelectedId('stakeholder');
  const selected = useRecord(db, 'stakeholder', selectedId);
  const selectRecord = useUiStore((s) => s.selectRecord);
  const [view, setView] = useState<View>('table');
  const [editing, setEditing] = useState<{ stakeholder: Stakeholder | null } | null>(null);

  const live = useMemo(() => stakeholders ?? [], [stakeholders]);
  // A large chain of command is laid out in the background, ready when the chart is opened.
  useEffect(() => prewarmChainLayout(() => buildChainGraph(live), live.length), [live]);
  const names = useMemo(() => new Map(live.map((s) => [s.id, s.name])), [live]);
  const columns = useMemo(() => columnsFor(names), [names]);
  const select = useCallback(
    (id: string) => selectRecord({ entity: 'stakeholder', id }),
    [selectRecord],
  );
  const showInTable = useCallback(
    (id: string) => {
      select(id);
      setView('table');
    },
    [select],
  );

  if (!stakeholders) return <p className="muted">Loading stakeholders…</p>;

  const detail =
    selected && selected.engagementId === engagement.id ? (
      <StakeholderDetail
        stakeholder={selected}
        stakeholders={live}
        onEdit={() => setEditing({ stakeholder: selected })}
        onSelect={select}
        onDeleted={() => undefined}
      />
    ) : null;

  return (
    <div className="stack">
      <div className="screen-toolbar">
        <div className="segmented" role="group" aria-label="Stakeholder view">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              className="segmented-button"
              aria-pressed={view === v.id}
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setEditing({ stakeholder: null })}
        >
          New stakeholder
        </button>
      </div>

      {view === 'table' ? (
        <MasterDetail
          listWidth="wide"
          detailLabel="Stakeholder details"
          emptyDetail="Choose a stakeholder to see their details and history."
          list={
            <div className="stack">
              <DataTable
                label="Stakeholders"
                rows={live}
                columns={columns}
                rowKey={(s) => s.id}
                selectedKey={selectedId}
                onSelect={(s) => select(s.id)}
                initialSort={{ columnId: 'name', direction: 'ascending' }}
                filterPlaceholder="Filter by name, title, stance, departed…"
                emptyMessage="No stakeholders yet: add the people you work with."
                rowClassName={(s) =>
                  s.isVacant || s.status === 'departed' ? 'row-faded' : undefined
                }
                height="min(560px, 60vh)"
              />
              <DeletedRecords
                entity="stakeholder"
                engagementId={engagement.id}
                noun="Stakeholder"
                plural="stakeholders"
                labelOf={(s) => s.name}
              />
            </div>
          }
          detail={detail}
        />
      ) : view === 'chart' ? (
        <ChainChart stakeholders={live} onSelect={showInTable} />
      ) : (
        <PowerGrid stakeholders={live} onSelect={showInTable} />
      )}

      {editing ? (
        <StakeholderFormDialog
          engagementId={engagement.id}
          stakeholder={editing.stakeholder}
          stakeholders={live}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            select(saved.id);
          }}
        />
      ) : null}
    </div>
  );
}
