import type { EngagementData } from '../model/engagementData';
import { inherentRiskScore, residualRiskScore } from '../model/risk';
import type { Acknowledgement } from '../model/acknowledgement';
import type { RaisedIssue } from '../model/raisedIssue';
import { addresseeStates } from '../rules/addressees';
import { indexById } from '../rules/lookup';
import { escapeHtml, htmlBlock, htmlInline, mdBlockLines, mdInline } from './escape';
import { CHANNEL_LABEL, RESPONSE_LABEL, formatInstant } from './labels';
import { htmlDocument, htmlTable, instant, num, pdfDocumentTitle, word } from './renderHtml';
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
}

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
  /** Facts about the subject (label, value), already in words. */
  facts: Array<[string, string]>;
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
    const lapse = a.expiresOn ? `, lapses ${a.expiresOn}` : '';
    entries.push({
      at: a.at,
      kind: 'answer',
      issueTitle: issue.title,
      text: `${answerer(a)}: ${RESPONSE_LABEL[a.response]} by ${CHANNEL_LABEL[a.channel]}${lapse}`,
      quote: a.quote,
      recordId: a.id,
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
      [
        'Accepted by',
        risk?.acceptedById
          ? `${name(risk.acceptedById)}${risk.acceptedUntil ? ` until ${risk.acceptedUntil}` : ''}`
          : '',
      ],
    ],
    entries: sortEntries(entries),
  };
}

const KIND_LABEL = { raised: 'Raised', answer: 'Answer' } as const;

/** A dossier as GitHub-flavoured Markdown. */
export function renderDossierMarkdown(d: Dossier, fingerprint: string): string {
  const title =
    d.subjectKind === 'stakeholder'
      ? 'What they were told, and when'
      : 'What was raised about this risk, and when';
  const out: string[] = [
    `# Dossier: ${mdInline(d.subject)}`,
    '',
    `${title}. ${mdInline(d.client)}, as of ${d.date}.`,
    '',
    ...d.facts.map(([k, v]) => `- **${k}:** ${mdInline(v)}`),
    '',
    '## Record in date order',
    '',
  ];
  if (d.entries.length === 0) out.push('Nothing recorded.', '');
  for (const e of d.entries) {
    out.push(
      `- ${formatInstant(e.at)}: **${KIND_LABEL[e.kind]}.** ${mdInline(e.issueTitle)}: ${mdInline(e.text)}`,
    );
    if (e.quote.trim() !== '')
      out.push('', ...mdBlockLines(e.quote).map((l) => (l === '' ? '  >' : `  > ${l}`)), '');
  }
  out.push('', '## Summary table', '');
  out.push(
    ...mdTable(
      ['When', 'Kind', 'Issue', 'What'],
      d.entries.map((e) => [
        formatInstant(e.at),
        KIND_LABEL[e.kind],
        mdInline(e.issueTitle),
        mdInline(e.text),
      ]),
    ),
  );
  out.push('', '---', '', markdownStampLine(d.dossierId, d.version, fingerprint), '');
  return out.join('\n');
}

/** A dossier as a standalone HTML document for the PDF export. */
export function renderDossierHtml(d: Dossier, fingerprint: string): string {
  const b: string[] = [
    `<h1 dir="auto">Dossier: ${htmlInline(d.subject)}</h1>`,
    `<p>${escapeHtml(d.subjectKind === 'stakeholder' ? 'What they were told, and when' : 'What was raised about this risk, and when')}. <bdi>${htmlInline(d.client)}</bdi>, as of ${escapeHtml(d.date)}.</p>`,
    `<table class="meta"><tbody>${d.facts.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td dir="auto">${htmlInline(v)}</td></tr>`).join('')}</tbody></table>`,
    '<h2>Record in date order</h2>',
  ];
  if (d.entries.length === 0) b.push('<p>Nothing recorded.</p>');
  else {
    b.push(
      htmlTable(
        ['When', 'Kind', 'Issue', 'What'],
        d.entries.map((e) => [
          instant(e.at),
          word(KIND_LABEL, e.kind),
          htmlInline(e.issueTitle),
          `${htmlInline(e.text)}${e.quote.trim() === '' ? '' : `<blockquote>${htmlBlock(e.quote, 'quote')}</blockquote>`}`,
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
