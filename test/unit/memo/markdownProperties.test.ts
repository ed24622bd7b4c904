// The memo's Markdown renderer on arbitrary text: it never throws, and once the Markdown is
// rendered as GitHub-flavoured viewers do (react-markdown + remark-gfm), the document has exactly
// the elements it has with plain words: no heading, list, quote, link, image, code, emphasis,
// table cell or HTML came from the text. fast-check, fixed seed (../fuzz.ts).
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeMemo, renderMemoMarkdown, type ComposedMemo } from '../../../shared/memo';
import { openableHref } from '../../../shared/notebook/safeLink';
import { fuzz, fuzzTimeout } from '../fuzz';
import { sample, sampleMemoOptions } from './fixtures';

type Memo = ComposedMemo['memo'];

/** The memo's user text fields (those a user or a synced record can fill) set to `texts`. */
function fill(memo: Memo, texts: readonly string[]): Memo {
  let i = 0;
  const next = () => texts[i++ % texts.length] as string;
  const person = (p: Memo['header']['to'][number]) => ({
    ...p,
    name: next(),
    title: next(),
    orgUnit: next(),
  });
  return {
    ...memo,
    header: {
      ...memo.header,
      subject: next(),
      client: next(),
      engagementTitle: next(),
      fromName: next(),
      fromFirm: next(),
      to: memo.header.to.map(person),
      cc: memo.header.cc.map(person),
    },
    purpose: next(),
    limits: next(),
    responsibility: next(),
    distribution: next(),
    summary: memo.summary.map((r) => ({
      ...r,
      title: next(),
      owner: next(),
      acknowledged: next(),
    })),
    items: memo.items.map((item) => ({
      ...item,
      title: next(),
      owner: item.owner ? person(item.owner) : null,
      finding: {
        criteria: next(),
        condition: next(),
        cause: next(),
        effect: next(),
        recommendation: next(),
      },
      raises: item.raises.map((r) => ({ ...r, title: next(), to: r.to.map(person) })),
      acknowledgements: item.acknowledgements.map((a) => ({
        ...a,
        by: person(a.by),
        quote: next(),
        conditions: next(),
      })),
      risks: item.risks.map((r) => ({ ...r, title: next(), owner: next() })),
    })),
    chronology: memo.chronology.map((c) => ({ ...c, text: next() })),
    stakeholders: memo.stakeholders.map((s) => ({
      ...s,
      person: person(s.person),
      chain: s.chain.map(next),
    })),
    gaps: memo.gaps.map((g) => ({ ...g, area: next() })),
  };
}

/** The element names of rendered HTML, paragraphs and line breaks left out (text decides those). */
function elements(html: string): string[] {
  const out: string[] = [];
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    let end = at + 1;
    while (end < html.length && /[/a-z0-9]/i.test(html[end] as string)) end += 1;
    const tag = html.slice(at, end);
    if (!['<p', '</p', '<br', '<br/'].includes(tag)) out.push(tag);
  }
  return out;
}

const markdownToHtml = (markdown: string): string =>
  renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm] }, markdown));

/** Text made of Markdown's special characters and arbitrary code points, new lines included. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...'#*_`[]()<>!|~=$\\&-+.:@>\n\t '.split(''),
        '1.',
        '```',
        '<script>',
        '](javascript:x)',
        'http://a.b',
        'www.x.y',
        '&#60;',
        '\r\n',
        '    ',
        '---',
        '| a |',
        '- [ ] ',
      ),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 25 },
  )
  // A word at the end: an empty field prints differently (a dash, or nothing), by design.
  .map((parts) => `${parts.join('')} w`);

describe('memo Markdown on arbitrary text', () => {
  let memo: Memo;
  let fingerprint: string;
  let plain: string[];
  beforeAll(async () => {
    const data = sample();
    const composed = await composeMemo(data, sampleMemoOptions(data), 'issued');
    memo = composed.memo;
    fingerprint = composed.fingerprint;
    plain = elements(
      markdownToHtml(
        renderMemoMarkdown(fill(memo, ['Plain words']), { fingerprint, state: 'issued' }),
      ),
    );
  });

  it('found by the fuzz run: a www. address after an underscore is no link', () => {
    const markdown = renderMemoMarkdown(fill(memo, ['_www.x.y w', ' w']), {
      fingerprint,
      state: 'issued',
    });
    expect(markdownToHtml(markdown)).not.toContain('<a ');
  });

  it(
    'never throws and never gains an element from the text',
    () => {
      fc.assert(
        fc.property(fc.array(hostileText, { minLength: 1, maxLength: 12 }), (texts) => {
          const markdown = renderMemoMarkdown(fill(memo, texts), { fingerprint, state: 'issued' });
          expect(elements(markdownToHtml(markdown))).toEqual(plain);
        }),
        fuzz(12, 0.1),
      );
    },
    fuzzTimeout(30_000),
  );
});

describe("notes' links", () => {
  it(
    'open only http(s) and mailto addresses, whatever the text',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.webUrl(), hostileText), (href) => {
          const target = openableHref(href);
          if (target !== null) expect(new URL(target).protocol).toMatch(/^(?:https?|mailto):$/);
        }),
        fuzz(2_000),
      );
    },
    fuzzTimeout(10_000),
  );
});
