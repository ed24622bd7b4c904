import type { Decision, DecisionInput } from '../model/decision';
import { decisionSchema } from '../model/decision';
import type { Note, NoteInput } from '../model/note';
import { noteSchema } from '../model/note';
import type { SampleContext } from './sampleContext';
import { scopedRecord } from './sampleContext';

/** The consultant's dated notes, oldest first (Markdown bodies). */
export function buildSampleNotes(ctx: SampleContext): Note[] {
  const { ids, clock } = ctx;
  const note = (id: string, date: string, fields: Omit<NoteInput, 'engagementId' | 'date'>) =>
    scopedRecord(ctx, noteSchema, id, { createdAt: date }, { ...fields, date });
  const lines = (...parts: string[]) => parts.join('\n');

  return [
    note(ids.noteKickoff, clock.at(-118, 10), {
      title: 'Kick-off with the CTO and Course Products',
      kind: 'meeting',
      participantIds: [ids.cto, ids.curriculumDirector],
      body: lines(
        '## Asked of me',
        '- Review database operations and monitoring.',
        '- Find out why publishing a new course takes so long.',
        '',
        '## Context',
        'Leadership changed recently. The Head of Operations and the Engineering Manager seats',
        'are both **empty**; the operations team reports to the CTO in practice.',
        '',
        'Helen wants her teams to publish courses themselves.',
      ),
      links: [
        { entity: 'stakeholder', id: ids.headOfOpsSeat },
        { entity: 'stakeholder', id: ids.engManagerSeat },
      ],
    }),
    note(ids.noteDiskAlerts, clock.at(-97, 15), {
      title: 'Disk alerts on the reporting server',
      kind: 'observation',
      participantIds: [ids.opsLead, ids.opsEngineer],
      body: lines(
        'Free space alerts started this morning; Tomasz and Nadia get them too.',
        '',
        '- Usage climbs a few percent a day.',
        '- Large archives outside the database directories: *not* the database itself.',
        '',
        'Next: list what writes there and who owns each writer.',
      ),
      links: [
        { entity: 'risk', id: ids.riskDisk },
        { entity: 'ownershipArea', id: ids.diskMonitoring },
      ],
    }),
    note(ids.noteBatchFailure, clock.at(-86, 9, 30), {
      title: 'Weekend batch jobs failed: reports are empty',
      kind: 'call',
      participantIds: [ids.curriculumDirector, ids.reportingAnalyst, ids.opsLead],
      body: lines(
        'Sam found blank columns in the weekly enrolment report; Helen called.',
        '',
        '1. The weekend jobs ran out of disk space on the reporting server.',
        '2. The jobs are not in monitoring: nobody was alerted.',
        '3. Nobody could say who owns them since Glen left.',
        '',
        '> Lots of emails flying around asking why this was not monitored.',
        '',
        'Action: write up the gap (owner + monitoring), not the blame.',
      ),
      links: [
        { entity: 'ownershipArea', id: ids.batchJobs },
        { entity: 'risk', id: ids.riskBatch },
        { entity: 'stakeholder', id: ids.formerHeadOfOps },
      ],
    }),
    note(ids.noteCtoReply, clock.at(-83, 8, 15), {
      title: 'CTO: send issues to him only',
      kind: 'observation',
      participantIds: [ids.cto],
      body: lines(
        'Reply to my email on the batch jobs: not to write to the team list again, and to bring',
        'issues to him directly.',
        '',
        'From now on: raise to the CTO, **keep dated copies**, and ask for an answer by a date.',
      ),
      links: [
        { entity: 'raisedIssue', id: ids.issueBatchJobs },
        { entity: 'acknowledgement', id: ids.ackBatchCto },
        { entity: 'decision', id: ids.decisionCtoOnly },
      ],
    }),
    note(ids.notePublishing, clock.at(-68, 13), {
      title: 'Working sessions with the DBA on publishing',
      kind: 'meeting',
      participantIds: [ids.dba],
      body: lines(
        'Three afternoons with Anton walking through the publishing scripts.',
        '',
        '- The process works, but only he can follow it: years of patches on patches.',
        '- He does not want non-technical teams running it: he is the one called at night',
        '  when a publish breaks. A fair worry.',
        '- Trust is growing; he now shares the scripts with me.',
      ),
      links: [
        { entity: 'ownershipArea', id: ids.publishing },
        { entity: 'stakeholder', id: ids.dba },
      ],
    }),
    note(ids.noteEdict, clock.at(-50, 10), {
      title: 'Delivery manager sets a two-week deadline',
      kind: 'meeting',
      participantIds: [ids.deliveryManager, ids.dba],
      body: lines(
        'Martin, sent by the CTO: publishing must be automated **within two weeks**.',
        'No plan, no dev environment discussed. He is on holiday from tomorrow.',
        '',
        'I will put the dev-testing condition in writing.',
      ),
      links: [
        { entity: 'risk', id: ids.riskPublishUntested },
        { entity: 'stakeholder', id: ids.deliveryManager },
      ],
    }),
    note(ids.noteCtoOffice, clock.at(-31, 15, 30), {
      title: 'Called into the CTO’s office',
      kind: 'meeting',
      participantIds: [ids.cto],
      body: lines(
        'Martin escalated the publishing delay on his return, with his own version of events.',
        'The CTO was angry at the start.',
        '',
        'Once things calmed down I went through it from the top:',
        '- the code is messy but can be automated;',
        '- I asked in writing for dev testing before push-button publishing;',
        '- the real blocker is ownership: an engineer who resists handing it over.',
        '',
        'He agreed and will appoint a project manager to rebuild publishing.',
      ),
      links: [
        { entity: 'raisedIssue', id: ids.issuePublishPeople },
        { entity: 'raisedIssue', id: ids.issuePublishTesting },
      ],
    }),
    note(ids.noteRebuildKickoff, clock.at(-8, 10), {
      title: 'Publishing rebuild kick-off',
      kind: 'meeting',
      participantIds: [ids.projectManager, ids.architect, ids.dba, ids.curriculumDirector],
      body: lines(
        'Imogen runs the rebuild; Rosa owns the architecture; Anton is consulted on every step.',
        '',
        '- [ ] Dev copy of the publishing data',
        '- [ ] Map the current scripts (with Anton)',
        '- [ ] First course published by Course Products on dev',
      ),
      links: [
        { entity: 'decision', id: ids.decisionRebuild },
        { entity: 'ownershipArea', id: ids.publishing },
      ],
    }),
  ];
}

/** Decisions taken (or proposed) along the way. */
export function buildSampleDecisions(ctx: SampleContext): Decision[] {
  const { ids, clock } = ctx;
  const decision = (
    id: string,
    createdAt: string,
    updatedAt: string,
    fields: Omit<DecisionInput, 'engagementId'>,
  ) => scopedRecord(ctx, decisionSchema, id, { createdAt, updatedAt }, fields);

  return [
    decision(ids.decisionCtoOnly, clock.at(-83, 8, 20), clock.at(-42, 12), {
      title: 'Issues go to the CTO only, not to the team',
      decidedById: ids.cto,
      decidedAt: clock.at(-83, 7, 55),
      rationale: 'The CTO wanted to stop group emails after the batch job failure.',
      status: 'superseded',
      supersededById: ids.decisionArchitect,
      links: [{ entity: 'acknowledgement', id: ids.ackBatchCto }],
    }),
    decision(ids.decisionArchitect, clock.at(-42, 12), clock.at(-42, 12), {
      title: 'The lead architect owns the products overall and triages escalations',
      decidedById: ids.cto,
      decidedAt: clock.at(-42, 11),
      rationale:
        'With the operations and engineering manager seats vacant, one person with a view across teams sets priorities. Escalations go to her; she brings what needs the CTO to him.',
      status: 'accepted',
      links: [
        { entity: 'stakeholder', id: ids.architect },
        { entity: 'ownershipArea', id: ids.diskMonitoring },
        { entity: 'risk', id: ids.riskNoDecisionMaker },
      ],
    }),
    decision(ids.decisionRebuild, clock.at(-12, 17), clock.at(-12, 17), {
      title: 'Rebuild publishing from scratch under a project manager, for the business units',
      decidedById: ids.cto,
      decidedAt: clock.at(-12, 16),
      rationale:
        'Patching the current scripts keeps publishing in one person’s hands. A rebuild, run by a project manager with the business units, can hand publishing over; dev testing comes before every go-live.',
      status: 'accepted',
      links: [
        { entity: 'ownershipArea', id: ids.publishing },
        { entity: 'raisedIssue', id: ids.issuePublishPeople },
        { entity: 'risk', id: ids.riskPublishUntested },
        { entity: 'risk', id: ids.riskKeyPerson },
      ],
    }),
    decision(ids.decisionBatchOwner, clock.at(-39, 10), clock.at(-39, 10), {
      title: 'Operations owns the weekly batch jobs once a Head of Operations is hired',
      decidedById: null,
      decidedAt: null,
      rationale:
        'Proposed by the consultant; waiting for the CTO. Until then the jobs have no owner.',
      status: 'proposed',
      links: [
        { entity: 'ownershipArea', id: ids.batchJobs },
        { entity: 'raisedIssue', id: ids.issueBatchJobs },
      ],
    }),
  ];
}
