import { EMPTY, escapeHtml, htmlBlock, htmlInline } from './escape';
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
import { PRINT_CSS } from './printCss';
import { UTC_ISO, formatMemoDay, type TimeDisplay } from '../time/display';
import { printableLogo } from './logo';
import { localExhibitVerification } from './localExhibit';
import {
  localChronologyText,
  localDayOf,
  localRaisedOn,
  localSummaryAcknowledged,
  localUnacknowledged,
} from './memoSentences';
import type { RenderOptions } from './renderMarkdown';
import type { Memo, MemoPerson } from './types';

/** The policy of the printed document: nothing may load or run; only its own <style>. */
/** No script, no remote fetch: inline styles, and images only from `data:` (the logo). */
export const PRINT_DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The document title, which Chromium also writes as the PDF's Title: memo id, version and
 * fingerprint, so "Verify" can tell which memo a PDF claims to be (see verify.ts).
 */
export function pdfDocumentTitle(memoId: string, version: number, fingerprint: string): string {
  return `${memoId} v${version} SHA-256 ${fingerprint}`;
}

/** An enumeration value's label, escaped (a forged value prints as text, never as markup). */
export const word = (labels: Readonly<Record<string, string>>, value: unknown): string =>
  escapeHtml(labelOf(labels, value));

/** A rating as a styled word; only the three ratings choose a style class. */
function htmlRating(rating: unknown): string {
  const known = rating === 'high' || rating === 'medium' || rating === 'low';
  return `<span class="rating-${known ? rating : 'unknown'}">${word(RATING_LABEL, rating)}</span>`;
}

/** A number (version, score) as text, escaped: a forged record may hold anything there. */
export const num = (value: unknown): string => escapeHtml(String(value));

/** An instant as the memo prints it, escaped. */
export const instant = (iso: unknown, display: TimeDisplay = UTC_ISO): string =>
  escapeHtml(formatInstant(String(iso), display));

/** A day as the memo prints it (ISO or long style), escaped. */
export const htmlDay = (day: unknown, display: TimeDisplay = UTC_ISO): string =>
  escapeHtml(formatMemoDay(String(day), display.dateStyle));

/** A person as "Name (Title, Department)", escaped, isolated for right-to-left names. */
export function htmlPerson(p: MemoPerson): string {
  const extra = [p.title, p.orgUnit].filter((x) => x.trim() !== '');
  const name = `<bdi>${htmlInline(p.name)}</bdi>`;
  return extra.length === 0
    ? name
    : `${name} (${extra.map((x) => `<bdi>${htmlInline(x)}</bdi>`).join(', ')})`;
}

function people(list: MemoPerson[]): string {
  return list.length === 0 ? EMPTY : list.map(htmlPerson).join('; ');
}

/** A table with a header, from already-escaped cells. */
export function htmlTable(header: string[], rows: string[][], widths?: number[]): string {
  const cols = widths
    ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`
    : '';
  return `<table class="grid">${cols}<thead><tr>${header.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td dir="auto">${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Wraps a body in the standalone print document. */
export function htmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(PRINT_DOCUMENT_CSP)}">
<title>${escapeHtml(title)}</title>
<style>${PRINT_CSS}</style></head>
<body>
${body}
</body></html>
`;
}

/**
 * The memo as one standalone HTML document with its print stylesheet, for the PDF export. No
 * script, nothing remote; every user-typed value is HTML-escaped.
 */
export function renderMemoHtml(memo: Memo, options: RenderOptions): string {
  const h = memo.header;
  const display = options.display ?? UTC_ISO;
  const day = (d: unknown): string => htmlDay(d, display);
  const b: string[] = [];
  const logo = printableLogo(memo.logo, options.logo);
  if (logo !== null && memo.logo) {
    // the data URL is checked base64 of a PNG or JPEG; escaped like every attribute anyway
    b.push(
      `<p class="letterhead-logo"><img src="${escapeHtml(logo)}" alt="Logo" width="${num(memo.logo.width)}" height="${num(memo.logo.height)}"></p>`,
    );
  }
  if (typeof memo.letterhead === 'string') b.push(htmlBlock(memo.letterhead, 'letterhead'));
  b.push(`<h1>Memo ${escapeHtml(h.memoId)}, version ${num(h.version)}</h1>`);
  if (options.state === 'draft') b.push('<p class="draft">DRAFT: not issued</p>');
  const from = [h.fromName, h.fromFirm].filter((x) => x.trim() !== '').join(', ');
  b.push(
    `<table class="meta"><tbody>
<tr><th>Subject</th><td dir="auto">${htmlInline(h.subject)}</td></tr>
<tr><th>To</th><td>${people(h.to)}</td></tr>
<tr><th>Cc</th><td>${people(h.cc)}</td></tr>
<tr><th>From</th><td dir="auto">${htmlInline(from)}</td></tr>
<tr><th>Date</th><td>${day(h.date)}</td></tr>
<tr><th>Client</th><td><bdi>${htmlInline(h.client)}</bdi>, engagement <bdi>${htmlInline(h.engagementTitle)}</bdi></td></tr>
<tr><th>Memo id</th><td>${escapeHtml(h.memoId)}, version ${num(h.version)}</td></tr>
</tbody></table>`,
  );
  b.push('<h2>1. Purpose and scope</h2>', htmlBlock(memo.purpose), htmlBlock(memo.limits));
  b.push('<h2>2. Responsibility</h2>', htmlBlock(memo.responsibility));
  b.push('<h2>3. Restricted distribution</h2>', htmlBlock(memo.distribution));
  b.push(
    '<h2>4. Rating key</h2>',
    htmlTable(
      ['Rating', 'Meaning', 'Expected time to act'],
      memo.ratingKey.map((r) => [
        htmlRating(r.rating),
        htmlInline(r.meaning),
        htmlInline(r.timeToAct),
      ]),
      [14, 62, 24],
    ),
  );
  b.push('<h2>5. Summary of items</h2>');
  if (memo.items.length === 0) {
    b.push('<p>This memo has no items: nothing in its scope was raised.</p>');
  } else {
    b.push(
      htmlTable(
        ['Item', 'Title', 'Rating', 'Owner', 'Raised on', 'Acknowledged', 'Status'],
        memo.summary.map((r) => [
          escapeHtml(r.ref),
          htmlInline(r.title),
          htmlRating(r.rating),
          htmlInline(r.owner),
          escapeHtml(localRaisedOn(memo, r, display)),
          r.acknowledged === ''
            ? 'Not acknowledged'
            : htmlInline(localSummaryAcknowledged(memo, r, display)),
          word(STATUS_LABEL, r.status),
        ]),
        [7, 27, 9, 13, 11, 18, 15],
      ),
    );
  }
  b.push('<h2>6. Items</h2>');
  if (memo.items.length === 0) b.push('<p>None.</p>');
  for (const item of memo.items) {
    b.push(
      `<section class="item"><h3 dir="auto">Item ${escapeHtml(item.ref)}. ${htmlInline(item.title)}</h3>`,
    );
    b.push(
      `<ul class="facts"><li><b>Rating:</b> ${htmlRating(item.rating)}</li><li><b>Status:</b> ${word(STATUS_LABEL, item.status)}</li><li><b>Owner:</b> ${item.owner ? htmlPerson(item.owner) : 'Nobody named'}</li><li><b>Target date:</b> ${item.targetDate === null ? EMPTY : day(item.targetDate)}</li></ul>`,
    );
    if (item.earlierMemos.length > 0) {
      b.push(`<p>Carried in earlier memos: ${escapeHtml(item.earlierMemos.join(', '))}.</p>`);
    }
    for (const key of ['criteria', 'condition', 'cause', 'effect', 'recommendation'] as const) {
      b.push(`<h4>${FINDING_LABEL[key]}</h4>`, htmlBlock(item.finding[key]));
    }
    b.push('<h4>History of raises</h4><ul>');
    for (const r of item.raises) {
      const which = r.isThisItem ? '' : ` (as “<bdi>${htmlInline(r.title)}</bdi>”)`;
      const chases = r.followUps
        .map(
          (f) =>
            `<li>${escapeHtml(formatWhen(String(f.at), f.kind === 'silence', display))}: ${followUpText(f, htmlInline, display)}</li>`,
        )
        .join('');
      b.push(
        `<li>${instant(r.at, display)}: to ${people(r.to)}, by ${word(CHANNEL_LABEL, r.channel)}${which}${chases === '' ? '' : `<ul>${chases}</ul>`}</li>`,
      );
    }
    b.push('</ul><h4>Acknowledgements and management responses</h4>');
    if (item.acknowledgements.length === 0) b.push('<p>None received.</p>');
    else {
      b.push('<ul>');
      for (const a of item.acknowledgements) {
        const memoRef = a.memoRef === '' ? '' : ` Acknowledges memo ${htmlInline(a.memoRef)}.`;
        const quote =
          a.quote.trim() === ''
            ? '<p class="empty">No words recorded.</p>'
            : `<blockquote>${htmlBlock(a.quote, 'quote')}</blockquote>`;
        const conditions =
          a.conditions.trim() === ''
            ? ''
            : `<p dir="auto">Conditions: ${htmlInline(a.conditions)}</p>`;
        const lapses =
          a.expiresOn === null ? '' : `<p>Acceptance lapses on ${day(a.expiresOn)}.</p>`;
        b.push(
          `<li>${instant(a.at, display)}: ${htmlPerson(a.by)}${a.onBehalfOf ? ` on behalf of ${htmlInline(a.onBehalfOf.name)}` : ''}, by ${word(CHANNEL_LABEL, a.channel)}. <b>${word(RESPONSE_LABEL, a.response)}.</b>${memoRef}${quote}${conditions}${lapses}</li>`,
        );
      }
      b.push('</ul>');
    }
    b.push(`<p>Per person raised to: ${addresseeLine(item, htmlInline, display)}.</p>`);
    b.push('<h4>Linked risks</h4>');
    if (item.risks.length === 0) b.push('<p>None recorded.</p>');
    else {
      b.push(
        htmlTable(
          ['Risk', 'Inherent score', 'Residual score', 'Status', 'Owner'],
          item.risks.map((r) => [
            htmlInline(r.title),
            `${num(r.inherentScore)} (${num(r.inherentBand)})`,
            r.residualScore === null ? 'Not assessed' : num(r.residualScore),
            escapeHtml(r.status),
            htmlInline(r.owner),
          ]),
          [40, 15, 15, 12, 18],
        ),
      );
    }
    b.push('</section>');
  }
  const mentions = (list: Memo['unacknowledged'], none: string) => {
    if (list.length === 0) return `<p>${none}</p>`;
    return `<ul>${list
      .map(
        (m) =>
          `<li dir="auto">${m.ref === '' ? '' : `Item ${escapeHtml(m.ref)}: `}${htmlInline(m.title)} (${htmlInline(m.detail)})</li>`,
      )
      .join('')}</ul>`;
  };
  b.push(
    '<h2>7. Raised and still unacknowledged</h2>',
    mentions(localUnacknowledged(memo, display), 'Every item has been acknowledged.'),
  );
  b.push(
    '<h2>8. Items from earlier memos</h2><h3>Still open</h3>',
    mentions(memo.earlierStillOpen, 'None.'),
    '<h3>Resolved since</h3>',
    mentions(memo.earlierResolved, 'None.'),
  );
  b.push('<h2>9. Chronology</h2>');
  b.push(
    memo.chronology.length === 0
      ? '<p>Nothing to list.</p>'
      : htmlTable(
          ['When', 'Item', 'Event'],
          memo.chronology.map((c) => [
            escapeHtml(formatWhen(String(c.at), c.dayOnly === true, display)),
            escapeHtml(c.ref || EMPTY),
            htmlInline(localChronologyText(memo, c, display)),
          ]),
          [22, 8, 70],
        ),
  );
  if (typeof memo.signature === 'string') b.push(htmlBlock(memo.signature, 'signature'));
  b.push('<h2>Appendix A. Stakeholders involved</h2>');
  b.push(
    memo.stakeholders.length === 0
      ? '<p>None.</p>'
      : htmlTable(
          ['Name', 'Title', 'Department', 'In this memo', 'Chain of command (up)'],
          memo.stakeholders.map((s) => [
            htmlInline(s.person.name),
            htmlInline(s.person.title),
            htmlInline(s.person.orgUnit),
            escapeHtml(s.roles.join(', ')),
            s.chain.length === 0
              ? 'Top of the chain'
              : s.chain.map((n) => `<bdi>${htmlInline(n)}</bdi>`).join(' → '),
          ]),
          [18, 18, 16, 18, 30],
        ),
  );
  b.push('<h2>Appendix B. Ownership gaps bearing on the items</h2>');
  b.push(
    memo.gaps.length === 0
      ? '<p>None found.</p>'
      : htmlTable(
          ['Area', 'Kind', 'Gaps', 'Items'],
          memo.gaps.map((g) => [
            htmlInline(g.area),
            escapeHtml(g.kind),
            escapeHtml(g.gaps.join('; ')),
            escapeHtml(g.itemRefs.join(', ')),
          ]),
          [30, 12, 46, 12],
        ),
  );
  if (memo.exhibits && memo.exhibits.length > 0) {
    b.push('<h2>Appendix C. Exhibits</h2>');
    b.push(
      htmlTable(
        ['Exhibit', 'Item', 'File', 'Attached', 'SHA-256', 'Verified'],
        memo.exhibits.map((e) => [
          escapeHtml(e.ref),
          escapeHtml(e.itemRef),
          htmlInline(e.name),
          escapeHtml(localDayOf(e.addedAt, display)),
          `<code>${escapeHtml(e.sha256)}</code>`,
          htmlInline(localExhibitVerification(e, display)),
        ]),
        [8, 6, 22, 10, 30, 24],
      ),
    );
  }
  b.push(
    `<p class="stamp">Memo ${escapeHtml(h.memoId)} · version ${num(h.version)} · fingerprint SHA-256 ${escapeHtml(options.fingerprint)}</p>`,
  );
  return htmlDocument(pdfDocumentTitle(h.memoId, h.version, options.fingerprint), b.join('\n'));
}
