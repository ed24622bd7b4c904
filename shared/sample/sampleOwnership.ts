import type { OwnershipArea, OwnershipAreaInput } from '../model/ownershipArea';
import { ownershipAreaSchema } from '../model/ownershipArea';
import type { SampleContext } from './sampleContext';
import { scopedRecord } from './sampleContext';

/**
 * The systems and processes someone should own. Two gaps are deliberate: nobody owns the
 * weekly batch jobs (the gap behind the empty reports), and backups answer to a vacant seat.
 */
export function buildSampleOwnership(ctx: SampleContext): OwnershipArea[] {
  const { ids, clock } = ctx;
  const area = (
    id: string,
    createdDaysAgo: number,
    updatedDaysAgo: number,
    fields: Omit<OwnershipAreaInput, 'engagementId'>,
  ) =>
    scopedRecord(
      ctx,
      ownershipAreaSchema,
      id,
      { createdAt: clock.at(createdDaysAgo, 11), updatedAt: clock.at(updatedDaysAgo, 12) },
      fields,
    );

  return [
    area(ids.diskMonitoring, -99, -42, {
      name: 'Disk space monitoring',
      kind: 'system',
      description: [
        'Alerting on free space for the database and reporting servers, and the response to',
        'those alerts. Alerts existed all along; what was missing was someone with the',
        'authority to act on them. The lead architect took this on when she arrived.',
      ].join(' '),
      raci: {
        accountableId: ids.architect,
        responsibleIds: [ids.opsLead, ids.opsEngineer],
        consultedIds: [ids.dba],
        informedIds: [ids.cto],
      },
    }),
    area(ids.batchJobs, -86, -86, {
      name: 'Weekly batch jobs',
      kind: 'process',
      description: [
        'The weekend jobs that load course and enrolment data into the business reports.',
        'Set up by the former Head of Operations; nobody took them over after he left, and',
        'they were never added to monitoring. **No owner yet.**',
      ].join(' '),
      raci: {
        accountableId: null,
        responsibleIds: [],
        consultedIds: [ids.opsLead],
        informedIds: [ids.curriculumDirector, ids.reportingAnalyst],
      },
    }),
    area(ids.publishing, -70, -10, {
      name: 'Publishing process',
      kind: 'process',
      description: [
        'Getting a new course or product from the business teams onto the website. Takes',
        'days, sometimes weeks, through hand-run database scripts. The goal is to hand it to',
        'the business units; it is being rebuilt under a project manager.',
      ].join(' '),
      raci: {
        accountableId: ids.dba,
        responsibleIds: [ids.dba],
        consultedIds: [ids.curriculumDirector, ids.architect, ids.projectManager],
        informedIds: [ids.cto],
      },
    }),
    area(ids.backups, -97, -97, {
      name: 'Backups',
      kind: 'system',
      description: [
        'Nightly database dumps and their retention. Several backup chains were writing to',
        'the reporting server, where they do not belong. Still answers to the vacant Head of',
        'Operations seat.',
      ].join(' '),
      raci: {
        accountableId: ids.headOfOpsSeat,
        responsibleIds: [ids.opsEngineer],
        consultedIds: [ids.dba],
        informedIds: [ids.architect],
      },
    }),
  ];
}
