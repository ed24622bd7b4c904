import { useMemo, useState } from 'react';
import type { Acknowledgement } from '@shared/model/acknowledgement';
import type { FollowUp, RaisedIssue } from '@shared/model/raisedIssue';
import { addresseeStates, unansweredAddressees } from '@shared/rules/addressees';
import { followUpCalendar } from '@shared/notebook/followUpCalendar';
import { saveTextFile } from '../data/fileIo';
import { localIsoDay } from '@shared/rules/dates';
import { useRecord, useRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { DataTable, type DataTableColumn } from '../../components/table/DataTable';
import { MasterDetail } from '../../components/layout/MasterDetail';
import { DeletedRecords, useRecordActions, useRecordKeys } from '../../components/records';
import type { EngagementScreenProps } from '../../app/screenProps';
import { useUiStore } from '../../state/uiStore';
import { AcknowledgementDialog } from './AcknowledgementDialog';
import { FollowUpDialog } from './FollowUpDialog';
import { RaisedIssueDetail } from './RaisedIssueDetail';
import { RaisedIssueFormDialog } from './RaisedIssueFormDialog';
import { describeEscalationPlan } from '@shared/notebook/escalationPlan';
import { proposeEscalation } from '@shared/notebook/escalationRoute';
import { choiceLabel } from './raisedIssueForm';
import { ackState, daysSinceRaised, type AckState } from '@shared/notebook/issueTimeline';
import './raisedIssues.css';
import { ConflictBadge } from '../sync/ConflictBadge';

/** One row of the list. */
interface IssueRow {
  issue: RaisedIssue;
  raisedTo: string;
  days: number;
  ack: AckState;
  /** Per addressee: "Victor Hale: no answer" or "Rosa Lind: answered". */
  ackText: string;
}

const SEVERITY_RANK = { high: 3, medium: 2, low: 1 } as const;

const COLUMNS: DataTableColumn<IssueRow>[] = [
  {
    id: 'title',
    header: 'Issue',
    width: '2.2fr',
    cell: (r) => (
      <>
        <ConflictBadge entity="raisedIssue" recordId={r.issue.id} />
        {r.issue.title}
      </>
    ),
    sortValue: (r) => r.issue.title,
    filterText: (r) => r.issue.title,
  },
  {
    id: 'status',
    header: 'Status',
    width: '112px',
    priority: 4,
    cell: (r) => (
      <span className={`badge badge-issue-${r.issue.status}`}>{choiceLabel(r.issue.status)}</span>
    ),
    sortValue: (r) => r.issue.status,
    filterText: (r) => r.issue.status,
  },
  {
    id: 'severity',
    header: 'Severity',
    width: '84px',
    priority: 2,
    cell: (r) => (
      <span className={`badge badge-severity-${r.issue.severity}`}>{r.issue.severity}</span>
    ),
    sortValue: (r) => SEVERITY_RANK[r.issue.severity],
    filterText: (r) => r.issue.severity,
  },
  {
    id: 'raisedTo',
    header: 'Raised to',
    width: '1.2fr',
    priority: 3,
    cell: (r) => r.raisedTo,
    sortValue: (r) => r.raisedTo,
    filterText: (r) => r.raisedTo,
  },
  {
    id: 'days',
    header: 'Days',
    width: '56px',
    priority: 1,
    align: 'end',
    cell: (r) => r.days,
    sortValue: (r) => r.days,
  },
  {
    id: 'ack',
    header: 'Acknowledged',
    width: '1.3fr',
    cell: (r) => (
      <span className={`ack-state ack-${r.ack.replace(' ', '-')}`} title={r.ackText}>
        {r.ack === 'acknowledged' ? 'yes, by all' : r.ack}
        <span className="ack-people">{r.ackText}</span>
      </span>
    ),
    sortValue: (r) => r.ack,
    filterText: (r) => `${r.ack} ${r.ackText}`,
  },
];

type DialogState =
  | { kind: 'new' }
  | { kind: 'edit'; issue: RaisedIssue }
  | { kind: 'escalate'; issue: RaisedIssue }
  | { kind: 'acknowledge'; issue: RaisedIssue }
  | { kind: 'follow-up'; issue: RaisedIssue; followUp?: FollowUp }
  | { kind: 'correct-ack'; issue: RaisedIssue; acknowledgement: Acknowledgement };

/** The issues raised in the engagement: the list, and the chosen one's finding and timeline. */
export function RaisedIssuesScreen({ engagement }: EngagementScreenProps) {
  const { db, client } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const issues = useRecords(db, 'raisedIssue', engagement.id);
  const stakeholders = useRecords(db, 'stakeholder', engagement.id);
  const acknowledgements = useRecords(db, 'acknowledgement', engagement.id);
  const areas = useRecords(db, 'ownershipArea', engagement.id);
  const risks = useRecords(db, 'risk', engagement.id);
  const selected = useUiStore((s) => s.selectedRecord);
  const selectRecord = useUiStore((s) => s.selectRecord);
  // An acknowledgement chosen elsewhere (a link) opens the issue it answers.
  const chosenAck = useRecord(
    db,
    'acknowledgement',
    selected?.entity === 'acknowledgement' ? selected.id : null,
  );
  const selectedId =
    selected?.entity === 'raisedIssue' ? selected.id : (chosenAck?.raisedIssueId ?? null);
  const selectedRecord = useRecord(db, 'raisedIssue', selectedId);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const { softDelete } = useRecordActions('raisedIssue', 'Raised issue');

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const s of stakeholders ?? []) map.set(s.id, s.name);
    return map;
  }, [stakeholders]);

  const rows = useMemo<IssueRow[]>(() => {
    const today = localIsoDay(new Date());
    const byIssue = new Map<string, Acknowledgement[]>();
    for (const a of acknowledgements ?? [])
      byIssue.set(a.raisedIssueId, [...(byIssue.get(a.raisedIssueId) ?? []), a]);
    const name = (id: string) => names.get(id) ?? 'unknown';
    return (issues ?? []).map((issue) => {
      const states = addresseeStates(issue, byIssue.get(issue.id) ?? []);
      const unanswered = states.filter((st) => st.answer === null).length;
      return {
        issue,
        raisedTo: issue.raisedToIds.map(name).join(', '),
        days: daysSinceRaised(issue.raisedAt, today),
        ack: ackState(issue, unanswered, today),
        ackText: states
          .map((st) =>
            st.answer === null
              ? `${name(st.addresseeId)}: no answer`
              : `${name(st.addresseeId)}: ${st.byDelegate ? `by ${name(st.answer.byId)}` : 'answered'}`,
          )
          .join('; '),
      };
    });
  }, [issues, acknowledgements, names]);

  const current =
    selectedRecord && selectedRecord.engagementId === engagement.id ? selectedRecord : null;

  useRecordKeys([
    { key: 'n', run: () => setDialog({ kind: 'new' }) },
    {
      key: 'e',
      run: () => current && !current.deletedAt && setDialog({ kind: 'edit', issue: current }),
    },
    {
      key: 'E',
      run: () => current && !current.deletedAt && setDialog({ kind: 'escalate', issue: current }),
    },
    {
      key: 'a',
      run: () =>
        current && !current.deletedAt && setDialog({ kind: 'acknowledge', issue: current }),
    },
    {
      key: 'f',
      run: () => current && !current.deletedAt && setDialog({ kind: 'follow-up', issue: current }),
    },
    {
      key: 'Delete',
      run: () => {
        if (current && !current.deletedAt) void softDelete(current.id, current.title);
      },
    },
  ]);

  const escalation = useMemo(() => {
    if (dialog?.kind !== 'escalate' || !stakeholders) return null;
    const route = proposeEscalation({
      issue: dialog.issue,
      stakeholders,
      areas: areas ?? [],
      risks: risks ?? [],
    });
    // One sentence why; the reporting line's skips only when the proposal came from it.
    const notice = [
      route.targets.length > 0
        ? `Proposed: ${route.targets.map((t) => `${t.name}${t.title ? `, ${t.title}` : ''}`).join(' and ')}. ${route.reason}`
        : route.reason,
      ...(route.basis === 'reporting-line' ? describeEscalationPlan(route.plan) : []),
    ];
    const source = dialog.issue;
    return {
      notice,
      prefill: {
        title: `Escalation: ${source.title}`.slice(0, 200),
        raisedToIds: route.targets.map((t) => t.id),
        escalatesId: source.id,
        severity: source.severity,
        criteria: source.criteria,
        condition: source.condition,
        cause: source.cause,
        effect: source.effect,
        recommendation: source.recommendation,
        evidence: source.evidence.map((e) => ({ ...e })),
        riskIds: source.riskIds,
        ownerId: source.ownerId ?? '',
      },
    };
  }, [dialog, stakeholders, areas, risks]);

  /** The follow-up days still awaiting someone, as an .ics calendar file. */
  const exportFollowUps = async () => {
    const events = (issues ?? [])
      .filter((i) => i.deletedAt === null && i.followUpDue !== null)
      .filter((i) => i.status === 'raised' || i.status === 'acknowledged')
      .map((i) => ({
        issue: i,
        waiting: unansweredAddressees(
          i,
          (acknowledgements ?? []).filter((a) => a.raisedIssueId === i.id),
        ),
      }))
      .filter(({ waiting }) => waiting.length > 0)
      .map(({ issue, waiting }) => ({
        uid: issue.id,
        day: issue.followUpDue ?? '',
        summary: `Follow up: ${issue.title}`,
        description: `${engagement.client}. No answer from ${waiting.map((id) => names.get(id) ?? 'unknown').join(', ')} (raised ${issue.raisedAt.slice(0, 10)}).`,
      }));
    try {
      const name = await saveTextFile(
        client,
        {
          purpose: 'calendar',
          title: 'Export follow-up dates',
          defaultName: `${engagement.code}-follow-ups.ics`,
        },
        followUpCalendar(events, new Date().toISOString()),
      );
      if (name)
        pushToast({
          tone: 'success',
          message: `Saved ${events.length} follow-up dates to “${name}”.`,
        });
    } catch (error) {
      pushToast({ tone: 'error', message: `Could not export: ${String(error)}` });
    }
  };

  const close = () => setDialog(null);
  const open = (issue: RaisedIssue) => selectRecord({ entity: 'raisedIssue', id: issue.id });

  return (
    <div className="stack">
      <MasterDetail
        listWidth="wide"
        detailLabel="Raised issue details"
        emptyDetail="Choose an issue to see its finding and timeline."
        list={
          <DataTable
            label="Raised issues"
            rows={rows}
            columns={COLUMNS}
            rowKey={(r) => r.issue.id}
            selectedKey={selectedId}
            onSelect={(r) => open(r.issue)}
            filterPlaceholder="Filter issues…"
            emptyMessage="No issues raised yet."
            rowClassName={(r) => (r.ack === 'overdue' ? 'row-overdue' : undefined)}
            toolbar={
              <>
                <button type="button" className="button" onClick={() => void exportFollowUps()}>
                  Export follow-ups (.ics)
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => setDialog({ kind: 'new' })}
                  title="New raised issue (N)"
                >
                  New raised issue
                </button>
              </>
            }
          />
        }
        detail={
          current ? (
            <RaisedIssueDetail
              issue={current}
              issues={issues ?? []}
              acknowledgements={acknowledgements ?? []}
              names={names}
              onEdit={() => setDialog({ kind: 'edit', issue: current })}
              onAcknowledge={() => setDialog({ kind: 'acknowledge', issue: current })}
              onFollowUp={() => setDialog({ kind: 'follow-up', issue: current })}
              onCorrectFollowUp={(followUp) =>
                setDialog({ kind: 'follow-up', issue: current, followUp })
              }
              onCorrectAcknowledgement={(acknowledgement) =>
                setDialog({ kind: 'correct-ack', issue: current, acknowledgement })
              }
              onEscalate={() => setDialog({ kind: 'escalate', issue: current })}
              onDeleted={() => undefined}
            />
          ) : null
        }
      />
      <DeletedRecords
        entity="raisedIssue"
        engagementId={engagement.id}
        noun="Raised issue"
        plural="raised issues"
        labelOf={(i) => i.title}
      />
      <DeletedRecords
        entity="acknowledgement"
        engagementId={engagement.id}
        noun="Acknowledgement"
        plural="acknowledgements"
        labelOf={(a) =>
          `answer of ${names.get(a.byId) ?? 'someone removed'} (${a.at.slice(0, 10)})`
        }
      />
      {dialog?.kind === 'new' || dialog?.kind === 'edit' ? (
        <RaisedIssueFormDialog
          engagementId={engagement.id}
          issue={dialog.kind === 'edit' ? dialog.issue : null}
          title={dialog.kind === 'edit' ? 'Edit raised issue' : 'New raised issue'}
          stakeholders={stakeholders ?? []}
          issues={issues ?? []}
          onClose={close}
          onSaved={(saved) => {
            close();
            open(saved);
          }}
        />
      ) : null}
      {dialog?.kind === 'escalate' && escalation ? (
        <RaisedIssueFormDialog
          engagementId={engagement.id}
          issue={null}
          title="Escalate issue"
          prefill={escalation.prefill}
          notice={escalation.notice}
          stakeholders={stakeholders ?? []}
          issues={issues ?? []}
          onClose={close}
          onSaved={(saved) => {
            close();
            open(saved);
          }}
        />
      ) : null}
      {dialog?.kind === 'follow-up' ? (
        <FollowUpDialog
          issue={dialog.issue}
          followUp={dialog.followUp}
          stakeholders={stakeholders ?? []}
          acknowledgements={(acknowledgements ?? []).filter(
            (a) => a.raisedIssueId === dialog.issue.id,
          )}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'correct-ack' ? (
        <AcknowledgementDialog
          issue={dialog.issue}
          stakeholders={stakeholders ?? []}
          acknowledgement={dialog.acknowledgement}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'acknowledge' ? (
        <AcknowledgementDialog
          issue={dialog.issue}
          stakeholders={stakeholders ?? []}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
