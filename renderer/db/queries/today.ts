import type { RaisedIssue } from '@shared/model/raisedIssue';
import { buildToday, type TodayEngagement, type TodayList } from '@shared/notebook/today';
import type { IsoDay } from '@shared/rules/dates';
import type { WorkbenchDB } from '../database';
import { listEngagements } from './engagements';
import { listRaisedIssuesWithStatus } from './overview';
import { countRecords, listRecords } from './records';

/**
 * One active engagement's records the Today list needs: the issues still in play (raised,
 * acknowledged, actioned) and the escalations of those, their acknowledgements, the people and
 * the risks; settled issues and notes are only counted.
 */
async function loadEngagement(
  db: WorkbenchDB,
  engagement: TodayEngagement['engagement'],
): Promise<TodayEngagement> {
  const id = engagement.id;
  const [raised, acknowledged, actioned, stakeholders, risks, counts] = await Promise.all([
    listRaisedIssuesWithStatus(db, id, 'raised'),
    listRaisedIssuesWithStatus(db, id, 'acknowledged'),
    listRaisedIssuesWithStatus(db, id, 'actioned'),
    listRecords(db, 'stakeholder', id),
    listRecords(db, 'risk', id),
    countRecords(db, id),
  ]);
  const inPlay: RaisedIssue[] = [...raised, ...acknowledged, ...actioned];
  const loaded = new Set(inPlay.map((i) => i.id));
  const [escalations, acknowledgements] = await Promise.all([
    // a raise that was escalated is chased through its escalation (whatever its status)
    db.raisedIssues
      .where('escalatesId')
      .anyOf([...loaded])
      .toArray(),
    db.acknowledgements.where('engagementId').equals(id).toArray(),
  ]);
  const issues = [
    ...inPlay,
    ...escalations.filter(
      (i) => i.engagementId === id && i.deletedAt === null && !loaded.has(i.id),
    ),
  ];
  return {
    engagement,
    issues,
    acknowledgements: acknowledgements.filter(
      (a) => a.deletedAt === null && loaded.has(a.raisedIssueId),
    ),
    stakeholders,
    risks,
    hasOtherRecords: Object.values(counts).some((n) => n > 0),
  };
}

/** What is due on `today` across every engagement that is neither archived nor deleted. */
export async function loadToday(db: WorkbenchDB, today: IsoDay): Promise<TodayList> {
  const engagements = await listEngagements(db);
  const data = await Promise.all(engagements.map((e) => loadEngagement(db, e)));
  return buildToday(data, today);
}
