import type { Acknowledgement } from './acknowledgement';
import type { Decision } from './decision';
import type { Engagement } from './engagement';
import type { Note } from './note';
import type { OwnershipArea } from './ownershipArea';
import type { RaisedIssue } from './raisedIssue';
import type { Risk } from './risk';
import type { Stakeholder } from './stakeholder';

/**
 * One engagement with all its records, keyed like the Dexie tables (see entityTables).
 * Used by the sample engagement, by whole-engagement rule checks, and by export/import.
 */
export interface EngagementData {
  engagement: Engagement;
  stakeholders: Stakeholder[];
  ownershipAreas: OwnershipArea[];
  risks: Risk[];
  raisedIssues: RaisedIssue[];
  acknowledgements: Acknowledgement[];
  notes: Note[];
  decisions: Decision[];
}
