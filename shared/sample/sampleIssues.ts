import type { Acknowledgement, AcknowledgementInput } from '../model/acknowledgement';
import { acknowledgementSchema } from '../model/acknowledgement';
import type { RaisedIssue, RaisedIssueInput } from '../model/raisedIssue';
import { raisedIssueSchema } from '../model/raisedIssue';
import type { SampleContext } from './sampleContext';
import { scopedRecord } from './sampleContext';

/**
 * The issues the consultant raised. The disk-space issue sent to the CTO alone is never
 * acknowledged and its follow-up day is long past: the overview's acknowledgement gap.
 */
export function buildSampleIssues(ctx: SampleContext): RaisedIssue[] {
  const { ids, clock } = ctx;
  const issue = (
    id: string,
    raisedAt: string,
    updatedAt: string,
    fields: Omit<RaisedIssueInput, 'engagementId' | 'raisedAt'>,
  ) =>
    scopedRecord(
      ctx,
      raisedIssueSchema,
      id,
      { createdAt: raisedAt, updatedAt },
      { ...fields, raisedAt },
    );

  return [
    issue(ids.issueDiskAlerts, clock.at(-96, 10, 20), clock.at(-96, 11, 10), {
      title: 'Free space on the reporting database server is dropping fast',
      criteria: 'Production database servers keep at least 20% free space on their data volume.',
      condition:
        'Alerts since Monday: the data volume of the reporting server went from 78% to 91% used in five days.',
      cause:
        'Not yet known. First look: large files outside the database directories, some of them backup archives.',
      effect:
        'At this rate the volume is full within two weeks, and every job writing to it will fail.',
      recommendation:
        'Identify what is writing outside the database directories this week and stop anything that does not belong on this server.',
      severity: 'medium',
      raisedToIds: [ids.opsLead, ids.opsEngineer],
      channel: 'chat',
      evidence: [
        {
          kind: 'reference',
          text: 'Monitoring: disk alert on the reporting server, warning then critical.',
        },
      ],
      followUpDue: clock.day(-93),
      status: 'acknowledged',
      riskIds: [ids.riskDisk],
    }),
    issue(ids.issueBatchJobs, clock.at(-84, 8, 40), clock.at(-40, 17), {
      title: 'The weekly batch jobs are not monitored and have no owner',
      criteria:
        'Every scheduled job that feeds business reports is monitored, and a named person answers for it.',
      condition:
        'Last weekend the batch jobs failed for lack of disk space. Nobody was alerted; the business found the gaps in Monday’s reports.',
      cause:
        'The jobs were set up by the former Head of Operations. Since he left, the seat is empty and the jobs fell between teams.',
      effect:
        'Missing report data, lost confidence in the figures, and the same failure can recur unseen any weekend.',
      recommendation:
        'Name an accountable owner for the weekly jobs, add a success check to monitoring, and rerun the failed loads once space is freed.',
      severity: 'high',
      raisedToIds: [ids.cto, ids.curriculumDirector, ids.opsLead],
      channel: 'email',
      evidence: [
        {
          kind: 'reference',
          text: 'Scheduler log of the weekend run: three jobs ended with "no space left on device".',
        },
        {
          kind: 'quote',
          text: 'Half of the enrolment columns are blank this week. — Sam Whitcombe',
        },
      ],
      followUpDue: clock.day(-80),
      status: 'acknowledged',
      riskIds: [ids.riskBatch, ids.riskNoDecisionMaker],
    }),
    issue(ids.issueDiskToCto, clock.at(-80, 9, 30), clock.at(-80, 9, 30), {
      title:
        'Disk on the reporting server is filled by processes and backups that do not belong there',
      criteria:
        'A server holds only the data and processes of its own role; backups live on the backup host.',
      condition:
        'A chain of export processes and two backup rotations write to the reporting server. Together they use about 40% of its data volume.',
      cause:
        'Nobody with authority over operations has decided where these processes belong since the Head of Operations left.',
      effect:
        'The server has already filled once and broke the weekly batch jobs; it will fill again within weeks.',
      recommendation:
        'Decide an owner for the server’s disk, move the backup rotations to the backup host, and retire the export chain or give it its own volume.',
      severity: 'high',
      raisedToIds: [ids.cto],
      channel: 'email',
      evidence: [
        { kind: 'reference', text: 'Disk usage report by directory, attached to the email.' },
      ],
      // No answer by the follow-up day (recorded), one chaser with no answer, a new follow-up day.
      followUpDue: clock.day(-66),
      followUps: [
        {
          kind: 'silence',
          at: `${clock.day(-73)}T23:59:59.999Z`,
          toIds: [ids.cto],
          channel: 'email',
          outcome: 'no_answer',
          day: clock.day(-73),
          note: '',
        },
        {
          kind: 'chaser',
          at: clock.at(-72, 9, 15),
          toIds: [ids.cto],
          channel: 'email',
          outcome: 'no_answer',
          day: null,
          note: 'Resent with the disk usage report attached.',
        },
      ],
      status: 'raised',
      riskIds: [ids.riskDisk],
      escalatesId: ids.issueDiskAlerts,
      ownerId: null,
      targetDate: null,
    }),
    issue(ids.issuePublishTesting, clock.at(-46, 15, 10), clock.at(-45, 9, 20), {
      title: 'Publishing automation must run on dev before it runs on production',
      criteria: 'Changes to production processes are tested on a dev environment first.',
      condition:
        'Part of the publishing process is scripted; the request is to switch on full push-button publishing against production within the two-week deadline.',
      cause:
        'The deadline leaves no time planned for a dev run, and no dev copy of the publishing data exists yet.',
      effect: 'A faulty run could damage live course data, with a single person able to repair it.',
      recommendation:
        'Keep the manual approval step until each automated step has run end to end on dev; build the dev copy first.',
      severity: 'high',
      raisedToIds: [ids.deliveryManager, ids.dba],
      channel: 'email',
      followUpDue: clock.day(-39),
      status: 'acknowledged',
      riskIds: [ids.riskPublishUntested],
    }),
    issue(ids.issuePublishPeople, clock.at(-31, 14, 0), clock.at(-10, 16), {
      title: 'Publishing is held back by ownership and trust, not only by its code',
      criteria:
        'A process the business depends on has an owner who wants it to succeed and a plan the teams agree on.',
      condition:
        'The scripts are tangled but automatable. The engineer who owns them resists handing publishing to the business units, and the dev-testing request went unanswered.',
      cause:
        'Publishing failures have landed on one person for years; a deadline was set without a plan or a sponsor who stayed involved.',
      effect: 'Publishing keeps taking days or weeks, and new products wait.',
      recommendation:
        'Appoint a project manager to rebuild publishing from scratch with the business units, keep the DBA consulted, and test on dev before every go-live.',
      severity: 'high',
      raisedToIds: [ids.cto],
      channel: 'meeting',
      evidence: [
        {
          kind: 'reference',
          text: 'Earlier email asking for dev testing before automation (unanswered by the delivery manager).',
        },
      ],
      followUpDue: clock.day(-24),
      status: 'actioned',
      riskIds: [ids.riskPublishUntested],
      escalatesId: ids.issuePublishTesting,
      ownerId: ids.projectManager,
      targetDate: clock.day(60),
    }),
    issue(ids.issueKeyPerson, clock.at(-26, 10, 0), clock.at(-24, 16, 30), {
      title: 'Publishing depends on one database administrator',
      criteria: 'No business-critical process depends on the knowledge of a single person.',
      condition:
        'Only the senior DBA can run, repair or change the publishing scripts; nothing is written down.',
      cause: 'The scripts grew piece by piece over years, always maintained by the same person.',
      effect: 'His absence stops publishing; any disagreement with him stalls the business.',
      recommendation:
        'Until the rebuild is live: pair a second engineer with him on every publish and record each step.',
      severity: 'medium',
      raisedToIds: [ids.cto],
      channel: 'memo',
      followUpDue: clock.day(-19),
      status: 'risk_accepted',
      riskIds: [ids.riskKeyPerson],
    }),
    issue(ids.issueManagerAccount, clock.at(-30, 11, 0), clock.at(-30, 11, 0), {
      title: 'The delivery manager’s account of the delay leaves out the testing request',
      criteria: 'Escalations describe what was asked, by whom, and what was answered.',
      condition:
        'The account given to the CTO presents the delay as the consultant’s; it omits the written request to test on dev.',
      cause: 'The manager was away for most of the two weeks and reported from memory.',
      effect: 'Decisions are made on an incomplete picture.',
      recommendation: 'Share the dated record of issues and answers with the lead architect.',
      severity: 'low',
      raisedToIds: [ids.architect],
      channel: 'call',
      status: 'raised',
      internalOnly: true,
    }),
  ];
}

/** The answers received, with the stakeholders' words. */
export function buildSampleAcknowledgements(ctx: SampleContext): Acknowledgement[] {
  const { ids, clock } = ctx;
  const ack = (id: string, at: string, fields: Omit<AcknowledgementInput, 'engagementId' | 'at'>) =>
    scopedRecord(ctx, acknowledgementSchema, id, { createdAt: at }, { ...fields, at });

  return [
    ack(ids.ackDiskAlerts, clock.at(-96, 11, 5), {
      raisedIssueId: ids.issueDiskAlerts,
      byId: ids.opsLead,
      channel: 'chat',
      response: 'received',
      quote:
        'Seen it, same alerts here. Some of those archives are not ours, but I can’t move them without someone signing it off.',
    }),
    ack(ids.ackBatchCto, clock.at(-83, 7, 55), {
      raisedIssueId: ids.issueBatchJobs,
      byId: ids.cto,
      channel: 'email',
      response: 'received',
      quote:
        'Please don’t send this kind of email to the whole team. Bring issues straight to me from now on.',
      conditions: 'Issues to be sent to the CTO only.',
    }),
    ack(ids.ackBatchArchitect, clock.at(-40, 16, 30), {
      raisedIssueId: ids.issueBatchJobs,
      byId: ids.architect,
      channel: 'meeting',
      response: 'accepted',
      quote:
        'Agreed, the weekly jobs need an owner and a check. I’ll get them into monitoring first and sort out who owns them with Victor.',
    }),
    ack(ids.ackPublishTesting, clock.at(-45, 9, 12), {
      raisedIssueId: ids.issuePublishTesting,
      byId: ids.dba,
      channel: 'email',
      response: 'accepted',
      quote: 'Yes. Nothing goes to production on a button until I have watched it work on dev.',
    }),
    ack(ids.ackPublishPeople, clock.at(-31, 14, 45), {
      raisedIssueId: ids.issuePublishPeople,
      byId: ids.cto,
      channel: 'meeting',
      response: 'accepted',
      quote:
        'All right, I see it. I will put a proper project manager on publishing and we rebuild it.',
    }),
    ack(ids.ackKeyPerson, clock.at(-24, 16, 20), {
      raisedIssueId: ids.issueKeyPerson,
      byId: ids.cto,
      channel: 'email',
      response: 'risk_accepted',
      quote:
        'I accept that risk for now. The rebuild is the answer; I don’t want to spend time on interim workarounds.',
      conditions:
        'Until the rebuilt publishing process is live; the project manager reports progress every two weeks.',
      expiresOn: clock.day(66),
    }),
  ];
}
