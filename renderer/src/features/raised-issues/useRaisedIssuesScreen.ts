import { useMemo, useState } from 'react';
import type { Acknowledgement } from '@shared/model/acknowledgement';
import type { Engagement } from '@shared/model/engagement';
import type { FollowUp, RaisedIssue } from '@shared/model/raisedIssue';
import { addresseeStates } from '@shared/rules/addressees';
import { followUpCalendar } from '@shared/notebook/followUpCalendar';
import { localIsoDay } from '@shared/rules/dates';
import { ackState, daysSinceRaised } from '@shared/notebook/issueTimeline';
import { useRecord, useRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { announceOperation, failureAnnounced } from '../../lib/announceOperation';
import { useRecordActions, useRecordKeys } from '../../components/records';
import { countOf } from '../../lib/countOf';
import { saveTextFile } from '../../lib/fileIo';
import { useUiStore } from '../../state/uiStore';
import { escalationProposal } from './escalationProposal';
import { followUpEvents } from './followUpEvents';
import type { IssueRow } from './issueColumns';

export type DialogState =
  | { kind: 'new' }
  | { kind: 'edit'; issue: RaisedIssue }
  | { kind: 'escalate'; issue: RaisedIssue }
  | { kind: 'acknowledge'; issue: RaisedIssue }
  | { kind: 'follow-up'; issue: RaisedIssue; followUp?: FollowUp }
  | { kind: 'correct-ack'; issue: RaisedIssue; acknowledgement: Acknowledgement };

/** The escalation proposed for an issue: why, and the new issue's fields. */
export type EscalationProposal = NonNullable<
  ReturnType<typeof useRaisedIssuesScreen>['escalation']
>;

/**
 * The Raised issues tab's state: the engagement's records, the chosen issue (an acknowledgement
 * chosen elsewhere opens its issue), the list's rows, the open dialog with its keys, the
 * escalation proposal and the follow-up calendar export.
 */
export function useRaisedIssuesScreen(engagement: Engagement) {
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
    return escalationProposal(dialog.issue, stakeholders, areas ?? [], risks ?? []);
  }, [dialog, stakeholders, areas, risks]);

  /** The follow-up days still awaiting someone, as an .ics calendar file. */
  const exportFollowUps = async () => {
    const events = followUpEvents(issues ?? [], acknowledgements ?? [], names, engagement.client);
    try {
      const saved = await announceOperation(
        { verb: 'export', subject: `${countOf(events.length, 'follow-up date')} (.ics)` },
        async () => {
          const name = await saveTextFile(
            client,
            {
              purpose: 'calendar',
              title: 'Export follow-up dates',
              defaultName: `${engagement.code}-follow-ups.ics`,
            },
            followUpCalendar(events, new Date().toISOString()),
          );
          return name ? { file: name } : null;
        },
      );
      if (saved)
        pushToast({
          tone: 'success',
          message: `Saved ${events.length} follow-up dates to “${saved.file}”.`,
          announced: true,
        });
    } catch (error) {
      pushToast({
        tone: 'error',
        message: `Could not export: ${String(error)}`,
        announced: failureAnnounced(error),
      });
    }
  };

  const close = () => setDialog(null);
  const open = (issue: RaisedIssue) => selectRecord({ entity: 'raisedIssue', id: issue.id });

  return {
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
  };
}
