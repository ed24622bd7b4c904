import type { EngagementData } from '../model/engagementData';
import { engagementSchema } from '../model/engagement';
import type { Engagement } from '../model/engagement';
import { buildSampleAcknowledgements, buildSampleIssues } from './sampleIssues';
import { buildSampleDecisions, buildSampleNotes } from './sampleNotes';
import { buildSampleOwnership } from './sampleOwnership';
import { buildSamplePeople } from './samplePeople';
import { buildSampleRisks } from './sampleRisks';
import { sampleClock } from './sampleClock';
import type { SampleContext } from './sampleContext';
import { allocateSampleIds } from './sampleIds';

/** The sample engagement with all its records. */
export type SampleData = EngagementData;

/** The fixed code of the sample engagement. */
export const SAMPLE_ENGAGEMENT_CODE = 'NWL';

/** Options of the sample builder. */
export interface SampleOptions {
  /** The story is dated relative to this instant (it started about four months before). */
  now: Date;
  /** Id generator; called a fixed number of times in a fixed order. */
  newId: () => string;
}

/**
 * A fictional engagement with an online-education company (Northwind Learning): disk space
 * alerts and unmonitored weekly jobs, a CTO who wants issues sent to him only, two vacant key
 * seats, a publishing process held by one DBA, a hands-off manager's deadline, and the lead
 * architect and project manager who arrive later. Every record is complete (system fields
 * included) and valid against its registry schema. Cross-record rules pass, except the gaps
 * shown on purpose: the weekly batch jobs have no owner (no Accountable, nobody Responsible),
 * backups answer to a vacant seat, and the disk-space issue sent to the CTO awaits an
 * acknowledgement long past its follow-up day.
 */
export function buildSampleEngagement(opts: SampleOptions): SampleData {
  const ctx: SampleContext = { clock: sampleClock(opts.now), ids: allocateSampleIds(opts.newId) };
  const { clock, ids } = ctx;
  const engagement: Engagement = engagementSchema.parse({
    id: ids.engagement,
    createdAt: clock.at(-121, 18),
    updatedAt: clock.at(-118, 17),
    deletedAt: null,
    client: 'Northwind Learning',
    title: 'Database operations and publishing review',
    scope: [
      'Review database operations and monitoring for the online course platform, and find',
      'why publishing new courses takes days or weeks. Advice and escalation only: changes',
      'are made by the client’s teams.',
    ].join(' '),
    startDate: clock.day(-120),
    endDate: null,
    status: 'active',
    code: SAMPLE_ENGAGEMENT_CODE,
    consultantName: 'Alex Morgan',
    consultantFirm: 'Morgan Advisory',
    archivedAt: null,
  });

  return {
    engagement,
    stakeholders: buildSamplePeople(ctx),
    ownershipAreas: buildSampleOwnership(ctx),
    risks: buildSampleRisks(ctx),
    raisedIssues: buildSampleIssues(ctx),
    acknowledgements: buildSampleAcknowledgements(ctx),
    notes: buildSampleNotes(ctx),
    decisions: buildSampleDecisions(ctx),
  };
}
