import type { Risk, RiskInput } from '../model/risk';
import { riskSchema } from '../model/risk';
import type { SampleContext } from './sampleContext';
import { scopedRecord } from './sampleContext';

/** The risk register of the sample engagement. */
export function buildSampleRisks(ctx: SampleContext): Risk[] {
  const { ids, clock } = ctx;
  const risk = (
    id: string,
    createdDaysAgo: number,
    updatedDaysAgo: number,
    fields: Omit<RiskInput, 'engagementId'>,
  ) =>
    scopedRecord(
      ctx,
      riskSchema,
      id,
      { createdAt: clock.at(createdDaysAgo, 14), updatedAt: clock.at(updatedDaysAgo, 15) },
      fields,
    );

  return [
    risk(ids.riskDisk, -97, -40, {
      title: 'Reporting database server runs out of disk space',
      cause:
        'Processes and backup chains that belong elsewhere keep writing to the server, and nobody has the authority to move them.',
      event: 'The data volume fills up completely.',
      impact:
        'Database writes stop, scheduled jobs fail, and the reports the business relies on come out empty or stale.',
      category: 'Operations',
      likelihood: 4,
      impactScore: 4,
      residualLikelihood: 2,
      residualImpact: 3,
      ownerId: ids.architect,
      mitigation:
        'Move the stray backup chains to the backup host; alert at 80% and 90% with a named responder; weekly review of the largest directories.',
      treatment: 'mitigate',
      reviewDate: clock.day(14),
      status: 'mitigating',
      ownershipAreaIds: [ids.diskMonitoring, ids.backups],
    }),
    risk(ids.riskBatch, -95, -86, {
      title: 'Weekly batch jobs fail without anyone noticing',
      cause: 'The jobs are not monitored and have no owner since the change of leadership.',
      event: 'A weekly run fails (for example for lack of disk space) and nobody is alerted.',
      impact:
        'Business units find missing data in their reports days later; trust in the data and in IT suffers.',
      category: 'Operations',
      likelihood: 4,
      impactScore: 4,
      ownerId: null,
      mitigation: 'Add the jobs to monitoring with a success check; name an owner.',
      treatment: 'mitigate',
      reviewDate: clock.day(-60),
      status: 'occurred',
      ownershipAreaIds: [ids.batchJobs],
    }),
    risk(ids.riskPublishUntested, -47, -10, {
      title: 'Publishing automation goes live without testing on a dev environment',
      cause: 'Pressure to finish within a fixed two-week deadline.',
      event: 'Push-button publishing is switched on straight against production.',
      impact:
        'A faulty publish corrupts course data on the live site, out of hours, with only one person able to repair it.',
      category: 'Change',
      likelihood: 3,
      impactScore: 5,
      residualLikelihood: 1,
      residualImpact: 4,
      ownerId: ids.projectManager,
      mitigation:
        'Every automated step runs end to end on the dev environment, with sign-off, before it may touch production.',
      treatment: 'avoid',
      reviewDate: clock.day(21),
      status: 'open',
      ownershipAreaIds: [ids.publishing],
    }),
    risk(ids.riskKeyPerson, -26, -24, {
      title: 'Publishing depends on a single database administrator',
      cause: 'Only one person understands the tangled publishing scripts.',
      event: 'He is unavailable, leaves, or declines to make a change.',
      impact: 'No new courses can be published; fixes to failed publishes wait on one person.',
      category: 'People',
      likelihood: 3,
      impactScore: 4,
      ownerId: ids.cto,
      mitigation: 'The publishing rebuild documents the process and spreads the knowledge.',
      treatment: 'accept',
      reviewDate: clock.day(30),
      status: 'accepted',
      ownershipAreaIds: [ids.publishing],
      acceptedById: ids.cto,
      acceptedUntil: clock.day(66),
    }),
    risk(ids.riskNoDecisionMaker, -83, -42, {
      title: 'Escalations reach nobody who can decide',
      cause: 'Two key seats are vacant and issues must go to the CTO alone.',
      event: 'An issue waits unanswered while the problem grows.',
      impact: 'Preventable incidents happen; the consultant is blamed for not raising them.',
      category: 'Governance',
      likelihood: 4,
      impactScore: 3,
      residualLikelihood: 2,
      residualImpact: 3,
      ownerId: ids.cto,
      mitigation:
        'The lead architect triages escalations; keep a written record of every issue raised and every answer.',
      treatment: 'mitigate',
      reviewDate: clock.day(10),
      status: 'mitigating',
      ownershipAreaIds: [],
    }),
  ];
}
