import type { Acknowledgement } from '../model/acknowledgement';
import type { Engagement } from '../model/engagement';
import type { RaisedIssue } from '../model/raisedIssue';
import type { Risk } from '../model/risk';
import type { Stakeholder } from '../model/stakeholder';
import { unansweredAddressees } from '../rules/addressees';
import { toIsoDay, type IsoDay } from '../rules/dates';
import { isAwaitingAcknowledgement } from '../rules/raisedIssue';
import { isAcceptanceExpired, isReviewOverdue } from '../rules/risk';
import { daysBetween } from './attention';

/**
 * "Today", across every active engagement: what to chase and what came due. One pure function
 * over the engagements' records; the renderer only loads them and shows the groups.
 */

/** The kinds of item, in the order the groups are shown. */
export const todayKinds = [
  'answer-overdue',
  'follow-up-due',
  'fix-overdue',
  'acceptance-lapsed',
  'acceptance-expiring',
  'review-due',
] as const;
export type TodayKind = (typeof todayKinds)[number];

/** One thing due, tied to the record that opens it. */
export interface TodayItem {
  /** Unique in the list: kind, record and (for answers) the addressee. */
  key: string;
  kind: TodayKind;
  engagementId: string;
  /** "Client · Title" of the engagement. */
  engagementLabel: string;
  /** The record to open. */
  entity: 'raisedIssue' | 'risk';
  recordId: string;
  /** The record's title. */
  title: string;
  /** For an overdue answer: the addressee who has not answered, and their name. */
  personId: string | null;
  personName: string | null;
  /** For a follow-up: the addressees still awaited, by name. */
  awaitedNames: string[];
  /** The day that matters: follow-up day, target day, acceptance end or review day. */
  day: IsoDay;
  /** For an overdue answer: when the issue was raised (ISO instant); else null. */
  since: string | null;
  /** Days from `day` to today: positive = past it, 0 = today, negative = still ahead. */
  daysPast: number;
  /** The first day this item counts as due (what a once-a-day notification compares). */
  dueFrom: IsoDay;
}

/** Items of one kind. */
export interface TodayGroup {
  kind: TodayKind;
  items: TodayItem[];
}

/** What {@link buildToday} returns. */
export interface TodayList {
  /** Non-empty groups only, in todayKinds order. */
  groups: TodayGroup[];
  /** Items over every group. */
  total: number;
  /** How many active engagements were looked at. */
  engagementCount: number;
  /** True when those engagements hold any live raised issue or risk (for the empty state). */
  hasRecords: boolean;
}

/** One engagement's records (the loader may pass only the ones in play). */
export interface TodayEngagement {
  engagement: Pick<Engagement, 'id' | 'client' | 'title' | 'archivedAt' | 'deletedAt'>;
  issues: readonly RaisedIssue[];
  acknowledgements: readonly Acknowledgement[];
  stakeholders: readonly Pick<Stakeholder, 'id' | 'name' | 'title'>[];
  risks: readonly Risk[];
  /** True when the engagement holds live issues or risks beyond those passed (settled ones). */
  hasOtherRecords?: boolean;
}

/** Days an acceptance counts as "expiring" before its last day. */
export const EXPIRING_WITHIN_DAYS = 14;

const SETTLED: readonly RaisedIssue['status'][] = ['resolved', 'declined', 'risk_accepted'];

/** `day` moved by `n` calendar days. */
export function addDays(day: IsoDay, n: number): IsoDay {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The last day of the week holding `day` (weeks start on `weekStartsOn`, 0 = Sunday, 1 = Monday). */
export function endOfWeek(day: IsoDay, weekStartsOn = 1): IsoDay {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const sinceStart = (weekday - weekStartsOn + 7) % 7;
  return addDays(day, 6 - sinceStart);
}

type Base = Pick<TodayItem, 'engagementId' | 'engagementLabel'>;
type Names = Map<string, string>;

function personName(names: Names, id: string): string {
  return names.get(id) ?? 'Someone no longer in the record';
}

function item(
  base: Base,
  fields: Omit<TodayItem, 'key' | keyof Base | 'personId' | 'personName' | 'awaitedNames'> &
    Partial<Pick<TodayItem, 'personId' | 'personName' | 'awaitedNames'>>,
): TodayItem {
  const key = [fields.kind, fields.recordId, fields.personId ?? ''].join(':');
  return { personId: null, personName: null, awaitedNames: [], ...base, ...fields, key };
}

function issueItems(data: TodayEngagement, base: Base, today: IsoDay, weekEnd: IsoDay) {
  const names: Names = new Map(data.stakeholders.map((s) => [s.id, s.name || s.title]));
  const live = data.issues.filter((i) => i.deletedAt === null);
  // a raise that was escalated is chased through its escalation, not on its own
  const escalated = new Set(live.map((i) => i.escalatesId));
  const out: TodayItem[] = [];
  for (const issue of live) {
    const acks = data.acknowledgements.filter((a) => a.raisedIssueId === issue.id);
    const due = issue.followUpDue;
    if (due !== null && !escalated.has(issue.id)) {
      if (isAwaitingAcknowledgement(issue, acks, today)) {
        for (const personId of unansweredAddressees(issue, acks)) {
          out.push(
            item(base, {
              kind: 'answer-overdue',
              entity: 'raisedIssue',
              recordId: issue.id,
              title: issue.title,
              personId,
              personName: personName(names, personId),
              day: due,
              since: issue.raisedAt,
              daysPast: daysBetween(due, today),
              dueFrom: addDays(due, 1),
            }),
          );
        }
      } else if (
        due >= today &&
        due <= weekEnd &&
        isAwaitingAcknowledgement(issue, acks, addDays(due, 1))
      ) {
        out.push(
          item(base, {
            kind: 'follow-up-due',
            entity: 'raisedIssue',
            recordId: issue.id,
            title: issue.title,
            awaitedNames: unansweredAddressees(issue, acks).map((id) => personName(names, id)),
            day: due,
            since: issue.raisedAt,
            daysPast: daysBetween(due, today),
            dueFrom: due,
          }),
        );
      }
    }
    const target = issue.targetDate;
    if (target !== null && target < today && !SETTLED.includes(issue.status)) {
      out.push(
        item(base, {
          kind: 'fix-overdue',
          entity: 'raisedIssue',
          recordId: issue.id,
          title: issue.title,
          day: target,
          since: null,
          daysPast: daysBetween(target, today),
          dueFrom: addDays(target, 1),
        }),
      );
    }
  }
  return out;
}

function riskItems(data: TodayEngagement, base: Base, today: IsoDay): TodayItem[] {
  const out: TodayItem[] = [];
  const soon = addDays(today, EXPIRING_WITHIN_DAYS);
  for (const risk of data.risks.filter((r) => r.deletedAt === null)) {
    const common = { entity: 'risk' as const, recordId: risk.id, title: risk.title, since: null };
    const until = risk.acceptedUntil;
    if (until !== null && isAcceptanceExpired(risk, today)) {
      out.push(
        item(base, {
          ...common,
          kind: 'acceptance-lapsed',
          day: until,
          daysPast: daysBetween(until, today),
          dueFrom: addDays(until, 1),
        }),
      );
    } else if (risk.status === 'accepted' && until !== null && until <= soon) {
      out.push(
        item(base, {
          ...common,
          kind: 'acceptance-expiring',
          day: until,
          daysPast: daysBetween(until, today),
          dueFrom: addDays(until, -EXPIRING_WITHIN_DAYS),
        }),
      );
    }
    const review = risk.reviewDate;
    // due on the review day itself, and every day after while the risk is in play
    if (
      review !== null &&
      (review === today || isReviewOverdue(risk, today)) &&
      risk.status !== 'closed'
    ) {
      out.push(
        item(base, {
          ...common,
          kind: 'review-due',
          day: review,
          daysPast: daysBetween(review, today),
          dueFrom: review,
        }),
      );
    }
  }
  return out;
}

/** Longest past first, then by engagement, title and person. */
function compareItems(a: TodayItem, b: TodayItem): number {
  return (
    b.daysPast - a.daysPast ||
    a.engagementLabel.localeCompare(b.engagementLabel) ||
    a.title.localeCompare(b.title) ||
    (a.personName ?? '').localeCompare(b.personName ?? '')
  );
}

/**
 * What is due on `today` across the engagements that are neither archived nor deleted: answers
 * overdue per addressee (nobody answered for them, the follow-up day has passed), follow-ups
 * due from today to the end of the week, fixes past their target day, acceptances lapsed or
 * ending within 14 days, and risk reviews due. Deleted records are ignored throughout.
 */
export function buildToday(
  engagements: readonly TodayEngagement[],
  today: IsoDay | Date,
  weekStartsOn = 1,
): TodayList {
  const day = toIsoDay(today);
  const weekEnd = endOfWeek(day, weekStartsOn);
  const active = engagements.filter(
    (e) => e.engagement.archivedAt === null && e.engagement.deletedAt === null,
  );
  const all: TodayItem[] = [];
  let hasRecords = false;
  for (const data of active) {
    const base = {
      engagementId: data.engagement.id,
      engagementLabel: `${data.engagement.client} · ${data.engagement.title}`,
    };
    hasRecords ||=
      data.hasOtherRecords === true ||
      data.issues.some((i) => i.deletedAt === null) ||
      data.risks.some((r) => r.deletedAt === null);
    all.push(...issueItems(data, base, day, weekEnd), ...riskItems(data, base, day));
  }
  const groups = todayKinds
    .map((kind) => ({ kind, items: all.filter((i) => i.kind === kind).sort(compareItems) }))
    .filter((g) => g.items.length > 0);
  return { groups, total: all.length, engagementCount: active.length, hasRecords };
}
