import Dexie from 'dexie';
import type { Acknowledgement } from '@shared/model/acknowledgement';
import type { Note } from '@shared/model/note';
import type { RaisedIssue, RaisedIssueStatus } from '@shared/model/raisedIssue';
import { buildAttention, type Attention } from '@shared/notebook/attention';
import type { IsoDay } from '@shared/rules/dates';
import type { WorkbenchDB } from '../database';
import type { EngagementCounts } from './records';
import { countRecords, listRecords } from './records';

/** The live notes of an engagement, newest first, at most `limit` (reads only those). */
export async function listRecentNotes(
  db: WorkbenchDB,
  engagementId: string,
  limit: number,
): Promise<Note[]> {
  return db.notes
    .where('[engagementId+date]')
    .between([engagementId, Dexie.minKey], [engagementId, Dexie.maxKey])
    .reverse()
    .filter((n) => n.deletedAt === null)
    .limit(limit)
    .toArray();
}

/**
 * The live acknowledgements of some raised issues of an engagement: one getAll over the
 * engagement's acknowledgements, narrowed in memory (much faster in Chromium than an anyOf
 * cursor over hundreds of issue ids).
 */
export async function listAcknowledgementsForIssues(
  db: WorkbenchDB,
  engagementId: string,
  raisedIssueIds: readonly string[],
): Promise<Acknowledgement[]> {
  if (raisedIssueIds.length === 0) return [];
  const wanted = new Set(raisedIssueIds);
  const all = await db.acknowledgements.where('engagementId').equals(engagementId).toArray();
  return all.filter((a) => a.deletedAt === null && wanted.has(a.raisedIssueId));
}

/** The live raised issues of an engagement with one status (one getAll on the status index). */
export async function listRaisedIssuesWithStatus(
  db: WorkbenchDB,
  engagementId: string,
  status: RaisedIssueStatus,
): Promise<RaisedIssue[]> {
  const issues = await db.raisedIssues
    .where('[engagementId+status]')
    .equals([engagementId, status])
    .toArray();
  return issues.filter((i) => i.deletedAt === null);
}

/** Everything the overview shows. */
export interface OverviewData extends Attention {
  /** The engagement this overview is of (a screen checks it before showing the figures). */
  engagementId: string;
  /** The newest notes. */
  recentNotes: Note[];
  /** Live record counts. */
  counts: EngagementCounts;
  /** Stakeholder names by id (for "raised to" and owners). */
  names: Map<string, string>;
}

/**
 * The overview of an engagement on `today`: it reads only the issues still "raised" or
 * "acknowledged" (with the acknowledgements and escalations of those past their follow-up
 * day), the areas, stakeholders and risks the rules need, a few recent notes, and index counts;
 * the thousands of notes and settled issues are never loaded.
 */
export async function loadOverview(
  db: WorkbenchDB,
  engagementId: string,
  today: IsoDay,
  recentNoteCount = 5,
): Promise<OverviewData> {
  const [raised, acknowledged, areas, stakeholders, risks, recentNotes, counts] = await Promise.all(
    [
      listRaisedIssuesWithStatus(db, engagementId, 'raised'),
      // "acknowledged" may still await an addressee (an answer from someone else is theirs)
      listRaisedIssuesWithStatus(db, engagementId, 'acknowledged'),
      listRecords(db, 'ownershipArea', engagementId),
      listRecords(db, 'stakeholder', engagementId),
      listRecords(db, 'risk', engagementId),
      listRecentNotes(db, engagementId, recentNoteCount),
      countRecords(db, engagementId),
    ],
  );
  const due = [...raised, ...acknowledged]
    .filter((i) => i.followUpDue !== null && i.followUpDue < today)
    .map((i) => i.id);
  const [acknowledgements, escalations] = await Promise.all([
    listAcknowledgementsForIssues(db, engagementId, due),
    // a raise that was escalated is chased through its escalation (whatever its status)
    db.raisedIssues.where('escalatesId').anyOf(due).toArray(),
  ]);
  const loaded = new Set([...raised, ...acknowledged].map((i) => i.id));
  const issues = [
    ...raised,
    ...acknowledged,
    ...escalations.filter(
      (i) => i.engagementId === engagementId && i.deletedAt === null && !loaded.has(i.id),
    ),
  ];
  const attention = buildAttention({ issues, acknowledgements, areas, stakeholders, risks, today });
  const names = new Map(stakeholders.map((s) => [s.id, s.name]));
  return { ...attention, engagementId, recentNotes, counts, names };
}
