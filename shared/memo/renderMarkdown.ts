import { EMPTY, mdBlockLines, mdInline } from './escape';
import {
  addresseeLine,
  formatWhen,
  followUpText,
  CHANNEL_LABEL,
  FINDING_LABEL,
  RATING_LABEL,
  RESPONSE_LABEL,
  STATUS_LABEL,
  formatInstant,
  labelOf,
} from './labels';
import type { Memo, MemoPerson } from './types';
import { UTC_ISO, formatMemoDay, type TimeDisplay } from '../time/display';
import { localExhibitVerification } from './localExhibit';
import {
  localChronologyText,
  localDayOf,
  localRaisedOn,
  localSummaryAcknowledged,
  localUnacknowledged,
} from './memoSentences';

/** An enumeration value's label as Markdown text (a forged value prints as escaped text). */
const mdWord = (labels: Readonly<Record<string, string>>, value: unknown): string =>
  mdInline(labelOf(labels, value));

/** How a memo is rendered (none of this is part of the fingerprinted content). */
export interface RenderOptions {
  /** The content fingerprint (SHA-256 hex of the canonical memo). */
  fingerprint: string;
  /** draft (not issued yet: marked as such) or issued. */
  state: 'draft' | 'issued';
  /** Zone and date style of dates and times; absent: ISO days, UTC instants. */
  display?: TimeDisplay;
  /**
   * The letterhead logo's data URL (HTML only), printed when it is the image the model's
   * `logo` names (shared/memo/logo.ts `printableLogo`).
   */
  logo?: string | undefined;
}

/** The line that carries the memo id, version and fingerprint (parsed back by verify). */
export function markdownStampLine(memoId: string, version: number, fingerprint: string): string {
  return `Memo ${memoId} · version ${version} · fingerprint SHA-256 ${fingerprint}`;
}

/** A table row from already-escaped cells. */
export function mdRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A GFM table from a header and already-escaped rows. */
export function mdTable(header: string[], rows: string[][]): string[] {
  return [mdRow(header), mdRow(header.map(() => '---')), ...rows.map(mdRow)];
}

/** A person as "Name (Title, Department)", escaped. */
export function mdPerson(p: MemoPerson): string {
  const extra = [p.title, p.orgUnit].filter((x) => x.trim() !== '');
  return extra.length === 0
    ? mdInline(p.name)
    : `${mdInline(p.name)} (${extra.map((x) => mdInline(x)).join(', ')})`;
}

function people(list: MemoPerson[]): string {
  return list.length === 0 ? EMPTY : list.map(mdPerson).join('; ');
}

/**
 * The memo as GitHub-flavoured Markdown: readable as plain text, with tables for the summary.
 * Every user-typed value goes through mdInline / mdBlockLines, so none can change the structure.
 */
export function renderMemoMarkdown(memo: Memo, options: RenderOptions): string {
  const h = memo.header;
  const display = options.display ?? UTC_ISO;
  const day = (d: unknown): string => mdInline(formatMemoDay(String(d), display.dateStyle));
  const out: string[] = [];
  const para = (text: string) => out.push(...mdBlockLines(text), '');

  if (typeof memo.letterhead === 'string') para(memo.letterhead);
  out.push(`# Memo ${h.memoId}, version ${h.version}`, '');
  if (options.state === 'draft') out.push('**DRAFT: not issued.**', '');
  out.push(
    `- **Subject:** ${mdInline(h.subject)}`,
    `- **To:** ${people(h.to)}`,
    `- **Cc:** ${people(h.cc)}`,
    `- **From:** ${mdInline([h.fromName, h.fromFirm].filter((x) => x.trim() !== '').join(', '))}`,
    `- **Date:** ${day(h.date)}`,
    `- **Client:** ${mdInline(h.client)}, engagement ${mdInline(h.engagementTitle)}`,
    `- **Memo id:** ${h.memoId}, version ${h.version}`,
    '',
  );

  out.push('## 1. Purpose and scope', '');
  para(memo.purpose);
  para(memo.limits);
  out.push('## 2. Responsibility', '');
  para(memo.responsibility);
  out.push('## 3. Restricted distribution', '');
  para(memo.distribution);

  out.push('## 4. Rating key', '');
  out.push(
    ...mdTable(
      ['Rating', 'Meaning', 'Expected time to act'],
      memo.ratingKey.map((r) => [
        mdWord(RATING_LABEL, r.rating),
        mdInline(r.meaning),
        mdInline(r.timeToAct),
      ]),
    ),
    '',
  );

  out.push('## 5. Summary of items', '');
  if (memo.items.length === 0) {
    out.push('This memo has no items: nothing in its scope was raised.', '');
  } else {
    out.push(
      ...mdTable(
        ['Item', 'Title', 'Rating', 'Owner', 'Raised on', 'Acknowledged', 'Status'],
        memo.summary.map((r) => [
          r.ref,
          mdInline(r.title),
          mdWord(RATING_LABEL, r.rating),
          mdInline(r.owner),
          mdInline(localRaisedOn(memo, r, display)),
          r.acknowledged === ''
            ? 'Not acknowledged'
            : mdInline(localSummaryAcknowledged(memo, r, display)),
          mdWord(STATUS_LABEL, r.status),
        ]),
      ),
      '',
    );
  }

  out.push('## 6. Items', '');
  if (memo.items.length === 0) out.push('None.', '');
  for (const item of memo.items) {
    out.push(`### Item ${item.ref}. ${mdInline(item.title)}`, '');
    out.push(
      `- **Rating:** ${mdWord(RATING_LABEL, item.rating)}`,
      `- **Status:** ${mdWord(STATUS_LABEL, item.status)}`,
      `- **Owner:** ${item.owner ? mdPerson(item.owner) : 'Nobody named'}`,
      `- **Target date:** ${item.targetDate === null ? EMPTY : day(item.targetDate)}`,
      '',
    );
    if (item.earlierMemos.length > 0) {
      out.push(`Carried in earlier memos: ${item.earlierMemos.join(', ')}.`, '');
    }
    for (const key of ['criteria', 'condition', 'cause', 'effect', 'recommendation'] as const) {
      out.push(`#### ${FINDING_LABEL[key]}`, '');
      para(item.finding[key]);
    }
    out.push('#### History of raises', '');
    for (const r of item.raises) {
      const which = r.isThisItem ? '' : ` (as "${mdInline(r.title)}")`;
      out.push(
        `- ${mdInline(formatInstant(String(r.at), display))}: to ${people(r.to)}, by ${mdWord(CHANNEL_LABEL, r.channel)}${which}`,
      );
      for (const f of r.followUps) {
        out.push(
          `  - ${mdInline(formatWhen(String(f.at), f.kind === 'silence', display))}: ${followUpText(f, mdInline, display)}`,
        );
      }
    }
    out.push('');
    out.push('#### Acknowledgements and management responses', '');
    if (item.acknowledgements.length === 0) out.push('None received.', '');
    for (const a of item.acknowledgements) {
      const memoRef = a.memoRef === '' ? '' : ` Acknowledges memo ${mdInline(a.memoRef)}.`;
      out.push(
        `- ${mdInline(formatInstant(String(a.at), display))}: ${mdPerson(a.by)}${a.onBehalfOf ? ` on behalf of ${mdInline(a.onBehalfOf.name)}` : ''}, by ${mdWord(CHANNEL_LABEL, a.channel)}. **${mdWord(RESPONSE_LABEL, a.response)}.**${memoRef}`,
        '',
      );
      if (a.quote.trim() === '') out.push('  No words recorded.', '');
      else out.push(...mdBlockLines(a.quote).map((l) => (l === '' ? '  >' : `  > ${l}`)), '');
      if (a.conditions.trim() !== '') {
        out.push(`  Conditions: ${mdInline(a.conditions)}`, '');
      }
      if (a.expiresOn !== null) out.push(`  Acceptance lapses on ${day(a.expiresOn)}.`, '');
    }
    out.push(`Per person raised to: ${addresseeLine(item, mdInline, display)}.`, '');
    out.push('#### Linked risks', '');
    if (item.risks.length === 0) out.push('None recorded.', '');
    else {
      out.push(
        ...mdTable(
          ['Risk', 'Inherent score', 'Residual score', 'Status', 'Owner'],
          item.risks.map((r) => [
            mdInline(r.title),
            `${r.inherentScore} (${r.inherentBand})`,
            r.residualScore === null ? 'Not assessed' : String(r.residualScore),
            r.status,
            mdInline(r.owner),
          ]),
        ),
        '',
      );
    }
  }

  const mentions = (list: Memo['unacknowledged'], none: string) => {
    if (list.length === 0) out.push(none, '');
    else {
      for (const m of list) {
        const ref = m.ref === '' ? '' : `Item ${m.ref}: `;
        out.push(`- ${ref}${mdInline(m.title)} (${mdInline(m.detail)})`);
      }
      out.push('');
    }
  };
  out.push('## 7. Raised and still unacknowledged', '');
  mentions(localUnacknowledged(memo, display), 'Every item has been acknowledged.');
  out.push('## 8. Items from earlier memos', '', '### Still open', '');
  mentions(memo.earlierStillOpen, 'None.');
  out.push('### Resolved since', '');
  mentions(memo.earlierResolved, 'None.');

  out.push('## 9. Chronology', '');
  if (memo.chronology.length === 0) out.push('Nothing to list.', '');
  else {
    out.push(
      ...mdTable(
        ['When', 'Item', 'Event'],
        memo.chronology.map((c) => [
          mdInline(formatWhen(String(c.at), c.dayOnly === true, display)),
          mdInline(c.ref || EMPTY),
          mdInline(localChronologyText(memo, c, display)),
        ]),
      ),
      '',
    );
  }

  if (typeof memo.signature === 'string') para(memo.signature);
  out.push('## Appendix A. Stakeholders involved', '');
  if (memo.stakeholders.length === 0) out.push('None.', '');
  else {
    out.push(
      ...mdTable(
        ['Name', 'Title', 'Department', 'In this memo', 'Chain of command (up)'],
        memo.stakeholders.map((s) => [
          mdInline(s.person.name),
          mdInline(s.person.title),
          mdInline(s.person.orgUnit),
          s.roles.join(', '),
          s.chain.length === 0 ? 'Top of the chain' : s.chain.map((n) => mdInline(n)).join(' → '),
        ]),
      ),
      '',
    );
  }
  out.push('## Appendix B. Ownership gaps bearing on the items', '');
  if (memo.gaps.length === 0) out.push('None found.', '');
  else {
    out.push(
      ...mdTable(
        ['Area', 'Kind', 'Gaps', 'Items'],
        memo.gaps.map((g) => [mdInline(g.area), g.kind, g.gaps.join('; '), g.itemRefs.join(', ')]),
      ),
      '',
    );
  }

  if (memo.exhibits && memo.exhibits.length > 0) {
    out.push('## Appendix C. Exhibits', '');
    out.push(
      ...mdTable(
        ['Exhibit', 'Item', 'File', 'Attached', 'SHA-256', 'Verified'],
        memo.exhibits.map((e) => [
          e.ref,
          e.itemRef,
          mdInline(e.name),
          mdInline(localDayOf(e.addedAt, display)),
          `\`${e.sha256}\``,
          mdInline(localExhibitVerification(e, display)),
        ]),
      ),
      '',
    );
  }

  out.push('---', '', markdownStampLine(h.memoId, h.version, options.fingerprint), '');
  return out.join('\n');
}
