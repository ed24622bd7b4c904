import type { Acknowledgement } from '@shared/model/acknowledgement';
import type { RaisedIssue } from '@shared/model/raisedIssue';
import type { Stakeholder } from '@shared/model/stakeholder';
import { AcknowledgementDialog } from './AcknowledgementDialog';
import { FollowUpDialog } from './FollowUpDialog';
import { RaisedIssueFormDialog } from './RaisedIssueFormDialog';
import type { DialogState, EscalationProposal } from './useRaisedIssuesScreen';

/** The Raised issues tab's open dialog: new, edit, escalate, follow-up, acknowledge, correct. */
export function RaisedIssueDialogs({
  dialog,
  escalation,
  engagement,
  stakeholders,
  issues,
  acknowledgements,
  close,
  open,
}: {
  dialog: DialogState | null;
  escalation: EscalationProposal | null;
  engagement: { id: string };
  stakeholders: Stakeholder[] | undefined;
  issues: RaisedIssue[] | undefined;
  acknowledgements: Acknowledgement[] | undefined;
  close: () => void;
  open: (issue: RaisedIssue) => void;
}) {
  return (
    <>
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
    </>
  );
}
