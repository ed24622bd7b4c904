import { MasterDetail } from '../../components/layout/MasterDetail';
import { DeletedRecords } from '../../components/records';
import { DataTable } from '../../components/table/DataTable';
import type { EngagementScreenProps } from '../../app/screenProps';
import { ISSUE_COLUMNS } from './issueColumns';
import { RaisedIssueDetail } from './RaisedIssueDetail';
import { RaisedIssueDialogs } from './RaisedIssueDialogs';
import { useRaisedIssuesScreen } from './useRaisedIssuesScreen';
import './raisedIssues.css';

/** The issues raised in the engagement: the list, and the chosen one's finding and timeline. */
export function RaisedIssuesScreen({ engagement }: EngagementScreenProps) {
  const {
    issues,
    stakeholders,
    acknowledgements,
    selectedId,
    dialog,
    setDialog,
    names,
    rows,
    current,
    escalation,
    exportFollowUps,
    close,
    open,
  } = useRaisedIssuesScreen(engagement);

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
            columns={ISSUE_COLUMNS}
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
      <RaisedIssueDialogs
        dialog={dialog}
        escalation={escalation}
        engagement={engagement}
        stakeholders={stakeholders}
        issues={issues}
        acknowledgements={acknowledgements}
        close={close}
        open={open}
      />
    </div>
  );
}
