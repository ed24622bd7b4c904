/** The names of every record of the sample, in the order their ids are drawn. */
const sampleKeys = [
  'engagement',
  // stakeholders
  'ceo',
  'cto',
  'headOfOpsSeat',
  'engManagerSeat',
  'formerHeadOfOps',
  'opsLead',
  'opsEngineer',
  'dba',
  'architect',
  'deliveryManager',
  'projectManager',
  'curriculumDirector',
  'reportingAnalyst',
  // ownership areas
  'diskMonitoring',
  'batchJobs',
  'publishing',
  'backups',
  // risks
  'riskDisk',
  'riskBatch',
  'riskPublishUntested',
  'riskKeyPerson',
  'riskNoDecisionMaker',
  // raised issues
  'issueDiskAlerts',
  'issueDiskToCto',
  'issueBatchJobs',
  'issuePublishTesting',
  'issuePublishPeople',
  'issueKeyPerson',
  'issueManagerAccount',
  // acknowledgements
  'ackDiskAlerts',
  'ackBatchCto',
  'ackBatchArchitect',
  'ackPublishTesting',
  'ackPublishPeople',
  'ackKeyPerson',
  // notes
  'noteKickoff',
  'noteDiskAlerts',
  'noteBatchFailure',
  'noteCtoReply',
  'notePublishing',
  'noteEdict',
  'noteCtoOffice',
  'noteRebuildKickoff',
  // decisions
  'decisionCtoOnly',
  'decisionArchitect',
  'decisionRebuild',
  'decisionBatchOwner',
] as const;

export type SampleKey = (typeof sampleKeys)[number];
export type SampleIds = Record<SampleKey, string>;

/** Draws one id per sample record, always in the same order (so a seeded generator repeats). */
export function allocateSampleIds(newId: () => string): SampleIds {
  const ids = {} as SampleIds;
  for (const key of sampleKeys) ids[key] = newId();
  return ids;
}
