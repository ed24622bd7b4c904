import type { Acknowledgement } from '../model/acknowledgement';
import type { EngagementData } from '../model/engagementData';
import type { RaisedIssue, RaisedIssueStatus, Severity } from '../model/raisedIssue';
import type { Risk } from '../model/risk';
import { inherentRiskScore, residualRiskScore, riskBand } from '../model/risk';
import type { Stakeholder } from '../model/stakeholder';
import { addresseeStates, answersFromOthers } from '../rules/addressees';
import { followUpsOf } from '../rules/followUps';
import { indexById } from '../rules/lookup';
import { ownershipGaps } from '../rules/ownership';
import { reportingLine } from '../rules/stakeholders';
import {
  ratingKeyOf,
  defaultDistribution,
  defaultLimits,
  defaultPurpose,
  engagementResponsibility,
} from './defaults';
import { CHANNEL_LABEL, GAP_LABEL, RESPONSE_LABEL, dayOf } from './labels';
import type {
  AppendixGap,
  AppendixPerson,
  ChronologyEntry,
  CitedRecords,
  ItemMention,
  Memo,
  MemoAcknowledgement,
  MemoItem,
  MemoPerson,
  MemoRaise,
  MemoRisk,
  SummaryRow,
} from './types';
import type { Attachment } from '../model/attachment';
import { memoExhibits } from './exhibits';
import { memoLogoOf } from './logo';
import { UTC_DAYS, acknowledgedText, followUpEntryText, unacknowledgedText } from './memoSentences';
import { UTC_ISO } from '../time/display';

/** The records a memo is built from. */
export type MemoSource = Pick<
  EngagementData,
  'engagement' | 'stakeholders' | 'ownershipAreas' | 'risks' | 'raisedIssues' | 'acknowledgements'
> & {
  /** The engagement's attachments: those of the items and their acknowledgements are exhibits. */
  attachments?: readonly Attachment[];
};

/** Which raised issues a memo covers. */
export type MemoScope =
  /** The issues the consultant picked. */
  | { kind: 'selected'; issueIds: string[] }
  /** Every open issue (raised, acknowledged, actioned or declined). */
  | { kind: 'open' }
  /**
   * Everything since the last memo: issues raised, or answered, after `since` (ISO instant of
   * the last issued memo); with no earlier memo (since null) every open issue.
   */
  | { kind: 'sinceLastMemo'; since: string | null };

/** An earlier issued memo of the engagement (its current version), for the carried-over lists. */
export interface EarlierMemoRef {
  /** Memo id. */
  memoId: string;
  /** Version. */
  version: number;
  /** The raised issues it carried. */
  issueIds: string[];
}

/** Options of buildMemo: the composer's choices. */
export interface MemoOptions {
  /** The memo id (see nextMemoId). */
  memoId: string;
  /** The version (1, then 2... for re-issues). */
  version: number;
  /** The memo's date, YYYY-MM-DD. */
  date: string;
  /** Subject line ('' gives a default). */
  subject?: string;
  /** Stakeholder ids the memo is addressed to. */
  recipientIds: string[];
  /** Stakeholder ids in copy. */
  ccIds: string[];
  /** Which issues. */
  scope: MemoScope;
  /** True to leave internal-only issues out (default true). */
  excludeInternal?: boolean;
  /** Editable parts; undefined or '' gives the default wording. */
  purpose?: string;
  /** The limits of the scope. */
  limits?: string;
  /** The responsibility paragraph ('' gives the engagement's, else the standard wording). */
  responsibility?: string;
  /** The restricted-distribution paragraph. */
  distribution?: string;
  /** The consultant's name (defaults to the engagement's). */
  fromName?: string;
  /** The consultant's firm (defaults to the engagement's). */
  fromFirm?: string;
  /** Earlier issued memos of the engagement (not this memo id). */
  earlierMemos?: EarlierMemoRef[];
}

/** Statuses counted as open (the consultant still expects something to happen). */
export const OPEN_STATUSES: readonly RaisedIssueStatus[] = [
  'raised',
  'acknowledged',
  'actioned',
  'declined',
];

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

function byTimeThenId<T extends { id: string }>(time: (x: T) => string) {
  return (a: T, b: T) => {
    const ta = time(a);
    const tb = time(b);
    return ta < tb ? -1 : ta > tb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Chooses the raised issues of the memo, before chain folding. */
export function selectIssues(
  source: MemoSource,
  scope: MemoScope,
  excludeInternal: boolean,
): RaisedIssue[] {
  const live = source.raisedIssues.filter(
    (i) => i.deletedAt === null && !(excludeInternal && i.internalOnly),
  );
  switch (scope.kind) {
    case 'selected': {
      const wanted = new Set(scope.issueIds);
      return live.filter((i) => wanted.has(i.id));
    }
    case 'open':
      return live.filter((i) => OPEN_STATUSES.includes(i.status));
    case 'sinceLastMemo': {
      const since = scope.since;
      if (since === null) return live.filter((i) => OPEN_STATUSES.includes(i.status));
      const answered = new Set(
        source.acknowledgements
          .filter((a) => a.deletedAt === null && a.at > since)
          .map((a) => a.raisedIssueId),
      );
      return live.filter((i) => i.raisedAt > since || answered.has(i.id));
    }
  }
}

/**
 * Builds the memo model from the engagement's records and the composer's options. Pure and
 * deterministic: the same records and options give the same memo (and fingerprint).
 */
export function buildMemo(
  source: MemoSource,
  options: MemoOptions,
): { memo: Memo; cited: CitedRecords } {
  const excludeInternal = options.excludeInternal ?? true;
  const { engagement } = source;
  const people = indexById(source.stakeholders);
  const issuesById = indexById(
    source.raisedIssues.filter((i) => !(excludeInternal && i.internalOnly)),
  );
  const risksById = indexById(source.risks);
  const acksByIssue = new Map<string, Acknowledgement[]>();
  const ackIssue = new Map<string, string>();
  for (const a of source.acknowledgements) {
    if (a.deletedAt !== null) continue;
    const list = acksByIssue.get(a.raisedIssueId) ?? [];
    list.push(a);
    acksByIssue.set(a.raisedIssueId, list);
    ackIssue.set(a.id, a.raisedIssueId);
  }
  const escalatedBy = new Map<string, RaisedIssue[]>();
  for (const i of issuesById.values()) {
    if (i.escalatesId === null) continue;
    const list = escalatedBy.get(i.escalatesId) ?? [];
    list.push(i);
    escalatedBy.set(i.escalatesId, list);
  }

  const cited = {
    raisedIssueIds: new Set<string>(),
    acknowledgementIds: new Set<string>(),
    stakeholderIds: new Set<string>(),
    riskIds: new Set<string>(),
    ownershipAreaIds: new Set<string>(),
  };
  const roles = new Map<string, Set<string>>();
  const person = (id: string, role?: string): MemoPerson => {
    const s: Stakeholder | undefined = people.get(id);
    if (role !== undefined && s) {
      const set = roles.get(id) ?? new Set<string>();
      set.add(role);
      roles.set(id, set);
    }
    if (s) cited.stakeholderIds.add(id);
    return s
      ? { id, name: s.name, title: s.title, orgUnit: s.orgUnit }
      : { id, name: '(unknown person)', title: '', orgUnit: '' };
  };

  // Items: the selected issues, folding an issue into the later raise that escalates it.
  const selected = selectIssues(source, options.scope, excludeInternal);
  const selectedIds = new Set(selected.map((i) => i.id));
  /** Every issue of the chain of `issue` (earlier raises and later escalations). */
  const chainOf = (issue: RaisedIssue): RaisedIssue[] => {
    const seen = new Map<string, RaisedIssue>([[issue.id, issue]]);
    let next = issue.escalatesId;
    while (next !== null && !seen.has(next)) {
      const earlier = issuesById.get(next);
      if (!earlier) break;
      seen.set(earlier.id, earlier);
      next = earlier.escalatesId;
    }
    const queue = [issue.id];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      for (const later of escalatedBy.get(id) ?? []) {
        if (seen.has(later.id)) continue;
        seen.set(later.id, later);
        queue.push(later.id);
      }
    }
    return [...seen.values()].sort(byTimeThenId((i) => i.raisedAt));
  };
  const isFoldedIntoLater = (issue: RaisedIssue): boolean =>
    chainOf(issue).some(
      (other) =>
        other.id !== issue.id && selectedIds.has(other.id) && other.raisedAt > issue.raisedAt,
    );
  const itemIssues = selected
    .filter((i) => !isFoldedIntoLater(i))
    .sort((a, b) => {
      const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
      if (s !== 0) return s;
      return byTimeThenId<RaisedIssue>((i) => i.raisedAt)(a, b);
    });

  const to = options.recipientIds.map((id) => person(id, 'recipient'));
  const cc = options.ccIds.map((id) => person(id, 'cc'));

  const earlierByIssue = new Map<string, string[]>();
  for (const m of options.earlierMemos ?? []) {
    for (const id of m.issueIds) {
      const list = earlierByIssue.get(id) ?? [];
      list.push(`${m.memoId} v${m.version}`);
      earlierByIssue.set(id, list);
    }
  }

  const refOf = new Map<string, string>();
  itemIssues.forEach((issue, index) => {
    for (const member of chainOf(issue))
      if (!refOf.has(member.id)) refOf.set(member.id, String(index + 1));
  });

  const chronology: ChronologyEntry[] = [];
  const chronologySeen = new Set<string>();
  const areaItems = new Map<string, Set<string>>();

  const riskOf = (risk: Risk): MemoRisk => {
    cited.riskIds.add(risk.id);
    const inherent = inherentRiskScore(risk);
    return {
      id: risk.id,
      title: risk.title,
      inherentScore: inherent,
      inherentBand: riskBand(inherent),
      residualScore: residualRiskScore(risk),
      status: risk.status,
      owner: risk.ownerId === null ? '' : person(risk.ownerId).name,
    };
  };

  const items: MemoItem[] = itemIssues.map((issue, index) => {
    const ref = String(index + 1);
    const chain = chainOf(issue);
    const raises: MemoRaise[] = chain.map((member) => {
      cited.raisedIssueIds.add(member.id);
      const raisedTo = member.raisedToIds.map((id) => person(id, 'raised to'));
      if (!chronologySeen.has(member.id)) {
        chronologySeen.add(member.id);
        chronology.push({
          at: member.raisedAt,
          kind: 'raise',
          dayOnly: false,
          ref,
          text: `Raised "${member.title}" to ${raisedTo.map((p) => p.name).join(', ')} by ${CHANNEL_LABEL[member.channel]}`,
        });
      }
      const followUps = followUpsOf(member).map((f) => ({
        kind: f.kind,
        at: f.at,
        to: f.toIds.map((id) => person(id, 'followed up')),
        channel: f.channel,
        outcome: f.outcome,
        day: f.day,
        note: f.note,
      }));
      for (const [n, f] of followUps.entries()) {
        const key = `${member.id}#${n}`;
        if (chronologySeen.has(key)) continue;
        chronologySeen.add(key);
        chronology.push({
          at: f.at,
          kind: 'follow-up',
          dayOnly: f.kind === 'silence',
          ref,
          text: followUpEntryText(f, member.title, UTC_ISO),
        });
      }
      return {
        id: member.id,
        title: member.title,
        at: member.raisedAt,
        to: raisedTo,
        channel: member.channel,
        isThisItem: member.id === issue.id,
        followUps,
      };
    });
    const acknowledgements: MemoAcknowledgement[] = chain
      .flatMap((member) => (acksByIssue.get(member.id) ?? []).map((a) => ({ a, member })))
      .sort((x, y) => byTimeThenId<Acknowledgement>((a) => a.at)(x.a, y.a))
      .map(({ a, member }) => {
        cited.acknowledgementIds.add(a.id);
        const by = person(a.byId, 'acknowledged');
        const onBehalfOf = a.onBehalfOfId === null ? null : person(a.onBehalfOfId);
        const forWhom = onBehalfOf ? ` on behalf of ${onBehalfOf.name}` : '';
        if (!chronologySeen.has(a.id)) {
          chronologySeen.add(a.id);
          chronology.push({
            at: a.at,
            kind: 'acknowledgement',
            dayOnly: false,
            ref,
            text: `${by.name}${forWhom}: ${RESPONSE_LABEL[a.response]} (${CHANNEL_LABEL[a.channel]}) on "${member.title}"`,
          });
        }
        return {
          id: a.id,
          by,
          onBehalfOf,
          at: a.at,
          channel: a.channel,
          response: a.response,
          quote: a.quote,
          conditions: a.conditions,
          expiresOn: a.expiresOn,
          memoRef:
            a.memoId === null
              ? ''
              : `${a.memoId}${a.memoVersion === null ? '' : ` v${a.memoVersion}`}${(a.memoFingerprint ?? null) === null ? '' : ` (fingerprint SHA-256 ${a.memoFingerprint})`}`,
          issueTitle: member.title,
        };
      });
    const riskIds = [...new Set(chain.flatMap((m) => m.riskIds))];
    const risks = riskIds
      .map((id) => risksById.get(id))
      .filter((r): r is Risk => r !== undefined)
      .map((r) => {
        for (const areaId of r.ownershipAreaIds) {
          const set = areaItems.get(areaId) ?? new Set<string>();
          set.add(ref);
          areaItems.set(areaId, set);
        }
        return riskOf(r);
      });
    const earlierMemos = [...new Set(chain.flatMap((m) => earlierByIssue.get(m.id) ?? []))].sort();
    const addressees = addresseeStates(issue, acksByIssue.get(issue.id) ?? []).map((state) => ({
      person: person(state.addresseeId),
      answeredAt: state.answer?.at ?? null,
      delegate: state.answer && state.byDelegate ? person(state.answer.byId) : null,
    }));
    return {
      ref,
      id: issue.id,
      title: issue.title,
      rating: issue.severity,
      status: issue.status,
      finding: {
        criteria: issue.criteria,
        condition: issue.condition,
        cause: issue.cause,
        effect: issue.effect,
        recommendation: issue.recommendation,
      },
      firstRaisedAt: raises[0]?.at ?? issue.raisedAt,
      raises,
      acknowledgements,
      addressees,
      owner: issue.ownerId === null ? null : person(issue.ownerId, 'owner'),
      targetDate: issue.targetDate,
      risks,
      earlierMemos,
    };
  });

  /** The dated facts of an item's summary and unacknowledged sentences (memoSentences.ts). */
  const factsOf = (item: MemoItem) => {
    const issue = issuesById.get(item.id);
    const others = issue
      ? answersFromOthers(issue, acksByIssue.get(issue.id) ?? []).map((a) => ({
          name: person(a.byId).name,
          at: a.at,
        }))
      : [];
    const ownAnswered = item.acknowledgements.some((a) => ackIssue.get(a.id) === item.id);
    const last = item.acknowledgements[item.acknowledgements.length - 1];
    const earlier = !ownAnswered && last ? { name: last.by.name, at: last.at } : null;
    return { item, others, earlier, memoDate: options.date };
  };
  const summary: SummaryRow[] = items.map((item) => ({
    ref: item.ref,
    title: item.title,
    rating: item.rating,
    owner: item.owner?.name ?? '',
    raisedOn: dayOf(item.firstRaisedAt),
    acknowledged: acknowledgedText(factsOf(item), UTC_DAYS),
    status: item.status,
  }));
  const unacknowledged: ItemMention[] = items
    .filter((item) => item.addressees.some((a) => a.answeredAt === null))
    .map((item) => ({
      ref: item.ref,
      title: item.title,
      detail: unacknowledgedText(factsOf(item), UTC_DAYS),
    }));

  const mention = (issueId: string, memos: string[]): ItemMention | null => {
    const issue = issuesById.get(issueId);
    if (!issue) return null;
    cited.raisedIssueIds.add(issue.id);
    return { ref: refOf.get(issue.id) ?? '', title: issue.title, detail: `in ${memos.join(', ')}` };
  };
  const earlierIssueIds = [...earlierByIssue.keys()].sort();
  const earlierStillOpen = earlierIssueIds
    .filter((id) => {
      const s = issuesById.get(id)?.status;
      return s !== undefined && OPEN_STATUSES.includes(s);
    })
    .map((id) => mention(id, earlierByIssue.get(id) ?? []))
    .filter((m): m is ItemMention => m !== null);
  const earlierResolved = earlierIssueIds
    .filter((id) => issuesById.get(id)?.status === 'resolved')
    .map((id) => mention(id, earlierByIssue.get(id) ?? []))
    .filter((m): m is ItemMention => m !== null);

  chronology.sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind < b.kind ? 1 : a.kind > b.kind ? -1 : 0,
  );

  const gaps: AppendixGap[] = source.ownershipAreas
    .filter((area) => area.deletedAt === null && areaItems.has(area.id))
    .map((area) => ({ area, found: ownershipGaps(area, people) }))
    .filter(({ found }) => found.length > 0)
    .map(({ area, found }) => {
      cited.ownershipAreaIds.add(area.id);
      if (area.raci.accountableId !== null) person(area.raci.accountableId);
      return {
        id: area.id,
        area: area.name,
        kind: area.kind,
        gaps: found.map((g) => GAP_LABEL[g]),
        itemRefs: [...(areaItems.get(area.id) ?? [])].sort((a, b) => Number(a) - Number(b)),
      };
    })
    .sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));

  const stakeholders: AppendixPerson[] = [...roles.entries()]
    .map(([id, set]) => ({
      person: person(id),
      chain: reportingLine(id, people).map((s) => s.name),
      roles: [...set].sort(),
    }))
    .sort((a, b) => (a.person.name < b.person.name ? -1 : a.person.name > b.person.name ? 1 : 0));

  const wording = {
    client: engagement.client,
    engagementTitle: engagement.title,
    engagementScope: engagement.scope,
    memoResponsibility: engagement.memoResponsibility,
  };
  const pick = (value: string | undefined, fallback: string): string =>
    value !== undefined && value.trim() !== '' ? value : fallback;

  // only when set: a memo without them keeps the content (and fingerprint) it had before
  const ownBlock = <K extends 'letterhead' | 'signature'>(key: K, text: string | undefined) =>
    text !== undefined && text.trim() !== '' ? { [key]: text.trim() } : {};
  const logo = memoLogoOf(engagement.memoLogo);
  const memo: Memo = {
    format: 1,
    header: {
      memoId: options.memoId,
      version: options.version,
      date: options.date,
      subject: pick(options.subject, `Open issues and decisions needed: ${engagement.title}`),
      client: engagement.client,
      engagementTitle: engagement.title,
      to,
      cc,
      fromName: pick(options.fromName, engagement.consultantName),
      fromFirm: pick(options.fromFirm, engagement.consultantFirm),
    },
    purpose: pick(options.purpose, defaultPurpose(wording)),
    limits: pick(options.limits, defaultLimits(wording)),
    responsibility: pick(options.responsibility, engagementResponsibility(wording)),
    distribution: pick(options.distribution, defaultDistribution(wording)),
    ratingKey: ratingKeyOf(engagement.memoRatingKey),
    ...ownBlock('letterhead', engagement.memoLetterhead),
    ...ownBlock('signature', engagement.memoSignature),
    ...(logo ? { logo } : {}),
    summary,
    items,
    unacknowledged,
    earlierStillOpen,
    earlierResolved,
    chronology,
    stakeholders,
    gaps,
  };
  const ackRefs = new Map<string, string>();
  for (const id of cited.acknowledgementIds) {
    const ref = refOf.get(ackIssue.get(id) ?? '');
    if (ref !== undefined) ackRefs.set(id, ref);
  }
  const issueRefs = new Map([...refOf].filter(([id]) => cited.raisedIssueIds.has(id)));
  const exhibits = memoExhibits(source.attachments ?? [], issueRefs, ackRefs);
  if (exhibits.length > 0) memo.exhibits = exhibits;
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    memo,
    cited: {
      raisedIssueIds: sorted(cited.raisedIssueIds),
      acknowledgementIds: sorted(cited.acknowledgementIds),
      stakeholderIds: sorted(cited.stakeholderIds),
      riskIds: sorted(cited.riskIds),
      ownershipAreaIds: sorted(cited.ownershipAreaIds),
    },
  };
}
