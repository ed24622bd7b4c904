import type { EngagementData } from '../model/engagementData';
import { inherentRiskScore, residualRiskScore } from '../model/risk';
import type { Acknowledgement } from '../model/acknowledgement';
import type { RaisedIssue } from '../model/raisedIssue';
import { addresseeStates } from '../rules/addressees';
import { indexById } from '../rules/lookup';
import { escapeHtml, htmlBlock, htmlInline, mdBlockLines, mdInline } from './escape';
import { CHANNEL_LABEL, RESPONSE_LABEL, formatInstant } from './labels';
import {
  htmlDay,
  htmlDocument,
  htmlTable,
  instant,
  num,
  pdfDocumentTitle,
  word,
} from './renderHtml';
import { UTC_ISO, formatMemoDay, type TimeDisplay } from '../time/display';
import { markdownStampLine, mdTable } from './renderMarkdown';

/** The records a dossier is built from. */
export type DossierSource = Pick<
  EngagementData,
  'engagement' | 'stakeholders' | 'risks' | 'raisedIssues' | 'acknowledgements'
>;

/** One dated entry of a dossier. */
export interface DossierEntry {
  /** When (ISO, UTC). */
  at: string;
  /** raised (advice given) or answer (an acknowledgement or response). */
  kind: 'raised' | 'answer';
  /** The raised issue's title. */
  issueTitle: string;
  /** What happened, in words (names, channel, response). */
  text: string;
  /** Verbatim words of an answer ('' when none). */
  quote: string;
  /** Record id of the raise or acknowledgement. */
  recordId: string;
  /** For a risk acceptance: the day it lapses (printed after `text`); absent otherwise. */
  lapsesOn?: string;
}

/** A fact about the subject: label, value in words; 'day' when the value is a day (YYYY-MM-DD). */
export type DossierFact = [label: string, value: string, kind?: 'day'];

/** "What did they know, and when": a dated record for one stakeholder or one risk. */
export interface Dossier {
  /** The format version. */
  format: 1;
  /** stakeholder or risk. */
  subjectKind: 'stakeholder' | 'risk';
  /** The dossier's reference, printed like a memo id (for example NWL-D-2026-06-15). */
  dossierId: string;
  /** Always 1 (dossiers are not issued). */
  version: 1;
  /** The day the dossier is made for (YYYY-MM-DD). */
  date: string;
  /** The client. */
  client: string;
  /** Headline: the stakeholder's or risk's name. */
  subject: string;
  /** Facts about the subject, in words (days printed in the display's style). */
  facts: DossierFact[];
  /** Every raise and answer, in date order. */
  entries: DossierEntry[];
}

/** Options of the dossier builders. */
export interface DossierOptions {
  /** The day (YYYY-MM-DD). */
  date: string;
  /** Leave internal-only issues out (default true). */
  excludeInternal?: boolean;
}

function sortEntries(entries: DossierEntry[]): DossierEntry[] {
  return entries.sort((a, b) =>
    a.at < b.at
      ? -1
      : a.at > b.at
        ? 1
        : a.recordId < b.recordId
          ? -1
          : a.recordId > b.recordId
            ? 1
            : 0,
  );
}

function base(source: DossierSource, options: DossierOptions) {
  const excludeInternal = options.excludeInternal ?? true;
  const issues = source.raisedIssues.filter(
    (i) => i.deletedAt === null && !(excludeInternal && i.internalOnly),
  );
  const people = indexById(source.stakeholders);
  const name = (id: string | null) =>
    id === null ? '' : (people.get(id)?.name ?? '(unknown person)');
  const acks = source.acknowledgements.filter((a) => a.deletedAt === null);
  /** "Raised to …; not yet answered by …": who the raise went to, and who has not answered. */
  const raisedText = (i: RaisedIssue): string => {
    const waiting = addresseeStates(i, acks)
      .filter((st) => st.answer === null)
      .map((st) => name(st.addresseeId));
    const answers =
      waiting.length === 0 ? 'answered by all' : `not yet answered by ${waiting.join(', ')}`;
    return `Raised to ${i.raisedToIds.map(name).join(', ')} by ${CHANNEL_LABEL[i.channel]} (severity ${i.severity}); ${answers}`;
  };
  /** "Rosa Lind on behalf of Victor Hale": who answered, and for whom when a delegate. */
  const answerer = (a: Acknowledgement): string =>
    `${name(a.byId)}${a.onBehalfOfId ? ` on behalf of ${name(a.onBehalfOfId)}` : ''}`;
  return {
    issues,
    name,
    acks,
    raisedText,
    answerer,
    dossierId: `${source.engagement.code}-D-${options.date}`,
  };
}

/**
 * Everything raised to one stakeholder (each raise saying who has not answered) and every answer
 * they gave or that was given on their behalf, in date order.
 */
export function buildStakeholderDossier(
  source: DossierSource,
  stakeholderId: string,
  options: DossierOptions,
): Dossier {
  const { issues, name, acks, raisedText, answerer, dossierId } = base(source, options);
  const s = source.stakeholders.find((x) => x.id === stakeholderId);
  const issuesById = new Map(issues.map((i) => [i.id, i]));
  const entries: DossierEntry[] = [];
  for (const i of issues) {
    if (!i.raisedToIds.includes(stakeholderId)) continue;
    entries.push({
      at: i.raisedAt,
      kind: 'raised',
      issueTitle: i.title,
      text: raisedText(i),
      quote: '',
      recordId: i.id,
    });
  }
  for (const a of acks) {
    const issue = issuesById.get(a.raisedIssueId);
    if ((a.byId !== stakeholderId && a.onBehalfOfId !== stakeholderId) || !issue) continue;
    entries.push({
      at: a.at,
      kind: 'answer',
      issueTitle: issue.title,
      text: `${answerer(a)}: ${RESPONSE_LABEL[a.response]} by ${CHANNEL_LABEL[a.channel]}${a.memoId ? ` (memo ${a.memoId}${a.memoVersion ? ` v${a.memoVersion}` : ''})` : ''}`,
      quote: a.quote,
      recordId: a.id,
    });
  }
  return {
    format: 1,
    subjectKind: 'stakeholder',
    dossierId,
    version: 1,
    date: options.date,
    client: source.engagement.client,
    subject: s?.name ?? '(unknown person)',
    facts: [
      ['Title', s?.title ?? ''],
      ['Department', s?.orgUnit ?? ''],
      ['Reports to', name(s?.reportsToId ?? null)],
      ['Status', s ? (s.isVacant ? 'vacant position' : s.status) : ''],
    ],
    entries: sortEntries(entries),
  };
}

/** Every raise, acknowledgement and acceptance touching one risk, in date order. */
export function buildRiskDossier(
  source: DossierSource,
  riskId: string,
  options: DossierOptions,
): Dossier {
  const { issues, name, acks, raisedText, answerer, dossierId } = base(source, options);
  const risk = source.risks.find((r) => r.id === riskId);
  const touching = new Map(issues.filter((i) => i.riskIds.includes(riskId)).map((i) => [i.id, i]));
  const entries: DossierEntry[] = [];
  for (const i of touching.values()) {
    entries.push({
      at: i.raisedAt,
      kind: 'raised',
      issueTitle: i.title,
      text: raisedText(i),
      quote: '',
      recordId: i.id,
    });
  }
  for (const a of acks) {
    const issue = touching.get(a.raisedIssueId);
    if (!issue) continue;
    entries.push({
      at: a.at,
      kind: 'answer',
      issueTitle: issue.title,
      text: `${answerer(a)}: ${RESPONSE_LABEL[a.response]} by ${CHANNEL_LABEL[a.channel]}`,
      quote: a.quote,
      recordId: a.id,
      ...(a.expiresOn ? { lapsesOn: a.expiresOn } : {}),
    });
  }
  const residual = risk ? residualRiskScore(risk) : null;
  return {
    format: 1,
    subjectKind: 'risk',
    dossierId,
    version: 1,
    date: options.date,
    client: source.engagement.client,
    subject: risk?.title ?? '(unknown risk)',
    facts: [
      ['Inherent score', risk ? String(inherentRiskScore(risk)) : ''],
      ['Residual score', residual === null ? 'Not assessed' : String(residual)],
      ['Status', risk?.status ?? ''],
      ['Owner', name(risk?.ownerId ?? null)],
      ['Accepted by', risk?.acceptedById ? name(risk.acceptedById) : ''],
      ...(risk?.acceptedById && risk.acceptedUntil
        ? [['Accepted until', risk.acceptedUntil, 'day'] satisfies DossierFact]
        : []),
    ],
    entries: sortEntries(entries),
  };
}

const KIND_LABEL = { raised: 'Raised', answer: 'Answer' } as const;

/** A fact's value as printed: days in the display's style. */
const factValue = ([, value, kind]: DossierFact, display: TimeDisplay): string =>
  kind === 'day' ? formatMemoDay(value, display.dateStyle) : value;

/** An entry's words, with the day an acceptance lapses in the display's style. */
const entryText = (e: DossierEntry, display: TimeDisplay): string =>
  e.lapsesOn === undefined
    ? e.text
    : `${e.text}, lapses ${formatMemoDay(String(e.lapsesOn), display.dateStyle)}`;

/** A dossier as GitHub-flavoured Markdown. */
export function renderDossierMarkdown(
  d: Dossier,
  fingerprint: string,
  display: TimeDisplay = UTC_ISO,
): string {
  const title =
    d.subjectKind === 'stakeholder'
      ? 'What they were told, and when'
      : 'What was raised about this risk, and when';
  const out: string[] = [
    `# Dossier: ${mdInline(d.subject)}`,
    '',
    `${title}. ${mdInline(d.client)}, as of ${mdInline(formatMemoDay(d.date, display.dateStyle))}.`,
    '',
    ...d.facts.map((f) => `- **${f[0]}:** ${mdInline(factValue(f, display))}`),
    '',
    '## Record in date order',
    '',
  ];
  if (d.entries.length === 0) out.push('Nothing recorded.', '');
  for (const e of d.entries) {
    out.push(
      `- ${mdInline(formatInstant(e.at, display))}: **${KIND_LABEL[e.kind]}.** ${mdInline(e.issueTitle)}: ${mdInline(entryText(e, display))}`,
    );
    if (e.quote.trim() !== '')
      out.push('', ...mdBlockLines(e.quote).map((l) => (l === '' ? '  >' : `  > ${l}`)), '');
  }
  out.push('', '## Summary table', '');
  out.push(
    ...mdTable(
      ['When', 'Kind', 'Issue', 'What'],
      d.entries.map((e) => [
        mdInline(formatInstant(e.at, display)),
        KIND_LABEL[e.kind],
        mdInline(e.issueTitle),
        mdInline(entryText(e, display)),
      ]),
    ),
  );
  out.push('', '---', '', markdownStampLine(d.dossierId, d.version, fingerprint), '');
  return out.join('\n');
}

/** A dossier as a standalone HTML document for the PDF export. */
export function renderDossierHtml(
  d: Dossier,
  fingerprint: string,
  display: TimeDisplay = UTC_ISO,
): string {
  const b: string[] = [
    `<h1 dir="auto">Dossier: ${htmlInline(d.subject)}</h1>`,
    `<p>${escapeHtml(d.subjectKind === 'stakeholder' ? 'What they were told, and when' : 'What was raised about this risk, and when')}. <bdi>${htmlInline(d.client)}</bdi>, as of ${htmlDay(d.date, display)}.</p>`,
    `<table class="meta"><tbody>${d.facts.map((f) => `<tr><th>${escapeHtml(f[0])}</th><td dir="auto">${htmlInline(factValue(f, display))}</td></tr>`).join('')}</tbody></table>`,
    '<h2>Record in date order</h2>',
  ];
  if (d.entries.length === 0) b.push('<p>Nothing recorded.</p>');
  else {
    b.push(
      htmlTable(
        ['When', 'Kind', 'Issue', 'What'],
        d.entries.map((e) => [
          instant(e.at, display),
          word(KIND_LABEL, e.kind),
          htmlInline(e.issueTitle),
          `${htmlInline(entryText(e, display))}${e.quote.trim() === '' ? '' : `<blockquote>${htmlBlock(e.quote, 'quote')}</blockquote>`}`,
        ]),
        [18, 10, 30, 42],
      ),
    );
  }
  b.push(
    `<p class="stamp">${escapeHtml(d.dossierId)} · version ${num(d.version)} · fingerprint SHA-256 ${escapeHtml(fingerprint)}</p>`,
  );
  return htmlDocument(pdfDocumentTitle(d.dossierId, d.version, fingerprint), b.join('\n'));
}
