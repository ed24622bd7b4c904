import { useMemo, useState } from 'react';
import type { OwnershipArea } from '@shared/model/ownershipArea';
import type { Stakeholder } from '@shared/model/stakeholder';
import { ownershipGapText } from '@shared/notebook/ownershipText';
import { indexById } from '@shared/rules/lookup';
import { ownershipGaps, type OwnershipGap } from '@shared/rules/ownership';
import { useRecord, useRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { MasterDetail } from '../../components/layout/MasterDetail';
import { DeletedRecords } from '../../components/records';
import { DataTable, type DataTableColumn } from '../../components/table/DataTable';
import { useUiStore } from '../../state/uiStore';
import type { EngagementScreenProps } from '../../app/screenProps';
import { ofEngagement, useSelectedId } from '../../app/openRecord';
import { OwnershipDetail } from './OwnershipDetail';
import { OwnershipFormDialog } from './OwnershipFormDialog';
import '../../styles/notebook.css';
import './ownership.css';
import { ConflictBadge } from '../../components/conflicts/ConflictBadge';

interface AreaRow {
  area: OwnershipArea;
  gaps: OwnershipGap[];
}

function columnsFor(byId: Map<string, Stakeholder>): DataTableColumn<AreaRow>[] {
  const nameOf = (id: string | null) => (id ? (byId.get(id)?.name ?? '') : '');
  return [
    {
      id: 'name',
      header: 'Area',
      width: '1.2fr',
      cell: (r) => (
        <>
          <ConflictBadge entity="ownershipArea" recordId={r.area.id} />
          {r.area.name}
        </>
      ),
      sortValue: (r) => r.area.name,
      filterText: (r) => `${r.area.name} ${r.area.kind} ${r.area.description}`,
    },
    {
      id: 'accountable',
      header: 'Accountable',
      width: '1fr',
      cell: (r) => nameOf(r.area.raci.accountableId) || <span className="muted">nobody</span>,
      sortValue: (r) => nameOf(r.area.raci.accountableId),
      filterText: (r) => nameOf(r.area.raci.accountableId),
    },
    {
      id: 'responsible',
      header: 'Responsible',
      width: '1fr',
      cell: (r) =>
        r.area.raci.responsibleIds.map(nameOf).filter(Boolean).join(', ') || (
          <span className="muted">nobody</span>
        ),
      filterText: (r) => r.area.raci.responsibleIds.map(nameOf).join(' '),
    },
    {
      id: 'gaps',
      header: 'Gaps',
      width: '1.6fr',
      cell: (r) =>
        r.gaps.length === 0 ? (
          <span className="badge badge-ok">owned</span>
        ) : (
          <span className="text-danger" title={r.gaps.map((g) => ownershipGapText[g]).join(', ')}>
            {r.gaps.map((g) => ownershipGapText[g]).join(', ')}
          </span>
        ),
      sortValue: (r) => r.gaps.length,
      filterText: (r) =>
        r.gaps.length ? `gap ${r.gaps.map((g) => ownershipGapText[g]).join(' ')}` : 'owned',
    },
  ];
}

/** Ownership: areas with their RACI, gaps flagged with the reason. */
export function OwnershipScreen({ engagement }: EngagementScreenProps) {
  const { db } = useWorkbench();
  const areas = ofEngagement(useRecords(db, 'ownershipArea', engagement.id), engagement.id);
  const stakeholders = ofEngagement(useRecords(db, 'stakeholder', engagement.id), engagement.id);
  const selectedId = useSelectedId('ownershipArea');
  const selected = useRecord(db, 'ownershipArea', selectedId);
  const selectRecord = useUiStore((s) => s.selectRecord);
  const [onlyGaps, setOnlyGaps] = useState(false);
  const [editing, setEditing] = useState<{ area: OwnershipArea | null } | null>(null);

  const people = useMemo(() => stakeholders ?? [], [stakeholders]);
  const byId = useMemo(() => indexById(people), [people]);
  const rows = useMemo(
    () => (areas ?? []).map((area) => ({ area, gaps: ownershipGaps(area, byId) })),
    [areas, byId],
  );
  const shown = useMemo(
    () => (onlyGaps ? rows.filter((r) => r.gaps.length > 0) : rows),
    [rows, onlyGaps],
  );
  const columns = useMemo(() => columnsFor(byId), [byId]);
  const gapCount = rows.filter((r) => r.gaps.length > 0).length;

  if (!areas || !stakeholders) return <p className="muted">Loading ownership…</p>;

  return (
    <div className="stack">
      <div className="screen-toolbar">
        <p className="muted screen-summary">
          {rows.length} {rows.length === 1 ? 'area' : 'areas'},{' '}
          <strong className={gapCount ? 'text-danger' : undefined}>
            {gapCount} with an ownership gap
          </strong>
        </p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setEditing({ area: null })}
        >
          New area
        </button>
      </div>
      <MasterDetail
        listWidth="wide"
        detailLabel="Ownership area details"
        emptyDetail="Choose an area to see its RACI, its gaps and its history."
        list={
          <div className="stack">
            <DataTable
              label="Ownership areas"
              rows={shown}
              columns={columns}
              rowKey={(r) => r.area.id}
              selectedKey={selectedId}
              onSelect={(r) => selectRecord({ entity: 'ownershipArea', id: r.area.id })}
              initialSort={{ columnId: 'gaps', direction: 'descending' }}
              filterPlaceholder="Filter by area, person, gap…"
              emptyMessage={
                onlyGaps
                  ? 'No ownership gaps.'
                  : 'No areas yet: add the systems and processes someone should own.'
              }
              rowClassName={(r) => (r.gaps.length > 0 ? 'row-gap' : undefined)}
              height="min(520px, 58vh)"
              toolbar={
                <button
                  type="button"
                  className="button"
                  aria-pressed={onlyGaps}
                  onClick={() => setOnlyGaps((v) => !v)}
                >
                  Only gaps
                </button>
              }
            />
            <DeletedRecords
              entity="ownershipArea"
              engagementId={engagement.id}
              noun="Area"
              plural="areas"
              labelOf={(a) => a.name}
            />
          </div>
        }
        detail={
          selected && selected.engagementId === engagement.id ? (
            <OwnershipDetail
              area={selected}
              stakeholders={people}
              onEdit={() => setEditing({ area: selected })}
            />
          ) : null
        }
      />
      {editing ? (
        <OwnershipFormDialog
          engagementId={engagement.id}
          area={editing.area}
          stakeholders={people}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            selectRecord({ entity: 'ownershipArea', id: saved.id });
          }}
        />
      ) : null}
    </div>
  );
}
