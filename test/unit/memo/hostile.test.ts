import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import {
  buildRiskDossier,
  buildStakeholderDossier,
  composeMemo,
  htmlOf,
  renderDossierHtml,
  renderDossierMarkdown,
} from '../../../shared/memo';
import type { SampleData } from '../../../shared/sample';
import { personId, sample, sampleMemoOptions } from './fixtures';

/** Odd and hostile text, one line each (multi-line text is tested on its own below). */
export const HOSTILE_STRINGS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</td></tr></table><h1>injected</h1>',
  '| a | b | c |',
  '`code` and ``` fence',
  '# Heading',
  '> quote',
  '- list item',
  '+ plus item',
  '* star item',
  '1. numbered',
  '2) numbered',
  '[link](javascript:alert(1))',
  '![pixel](https://evil.example/x.png)',
  '<https://evil.example> https://evil.example www.evil.example mail@evil.example',
  '**bold** _em_ ~~strike~~ *star*',
  '&lt;script&gt; &amp; &#60;',
  'ends with a backslash \\',
  '=== setext',
  '---',
  '***',
  '    indented code',
  '<!-- comment -->',
  '$x^2$ ==highlight== %%hidden%% [[wiki link]] #tag',
  '"double" & \'single\' quotes',
  `${'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(12)}`,
  'مرحبا بالعالم — שלום עולם (right to left)',
  '\u202Eevil override\u202C and \u2066isolate',
  'emoji 🚀 👩‍💻 🇪🇺 and a NUL \u0000 char',
  '[^1]: footnote',
  '- [ ] task',
];

/** Every user-typed text of the sample set to `text` (records are mutated: call on a fresh sample). */
function fillWith(data: SampleData, text: string): SampleData {
  data.engagement.client = text;
  data.engagement.title = text;
  data.engagement.scope = text;
  for (const s of data.stakeholders) Object.assign(s, { name: text, title: text, orgUnit: text });
  for (const a of data.ownershipAreas) a.name = text;
  for (const r of data.risks) r.title = text;
  for (const i of data.raisedIssues) {
    Object.assign(i, {
      title: text,
      criteria: text,
      condition: text,
      cause: text,
      effect: text,
      recommendation: text,
    });
  }
  for (const a of data.acknowledgements) Object.assign(a, { quote: text, conditions: text });
  return data;
}

/** The sequence of HTML tag names (what decides the structure). */
function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z][a-z0-9]*)/gi)].map((m) => m[0]);
}

/** Markdown rendered the way GitHub-flavoured viewers do (react-markdown + remark-gfm). */
function markdownToHtml(markdown: string): string {
  return renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm] }, markdown));
}

async function renderBoth(text: string) {
  const data = sample();
  const options = {
    ...sampleMemoOptions(data),
    subject: text,
    purpose: text,
    responsibility: text,
  };
  fillWith(data, text);
  const composed = await composeMemo(data, options, 'issued');
  return { markdown: composed.markdown, html: htmlOf(composed, 'issued'), data };
}

describe('hostile text cannot change a memo', async () => {
  const plain = await renderBoth('Plain words');
  const plainMdTags = tags(markdownToHtml(plain.markdown));
  const plainHtmlTags = tags(plain.html);

  for (const text of HOSTILE_STRINGS) {
    it(`keeps the structure with ${JSON.stringify(text.slice(0, 40))}`, async () => {
      const { markdown, html } = await renderBoth(text);
      // Markdown: once rendered, exactly the same elements as with plain words (no heading,
      // list, quote, link, image, code, emphasis or extra table cell came from the text)
      expect(tags(markdownToHtml(markdown))).toEqual(plainMdTags);
      // every table row has the header's number of cells
      for (const table of markdown.split('\n\n').filter((b) => b.startsWith('| '))) {
        const rows = table.split('\n');
        const cells = (row: string) => row.replace(/\\\\/g, '').split(/(?<!\\)\|/).length;
        for (const row of rows) expect(cells(row)).toBe(cells(rows[0] ?? ''));
      }
      // HTML: the same elements too; the text is there, escaped
      expect(tags(html)).toEqual(plainHtmlTags);
      expect(html).not.toMatch(/<script|<img|<a |<h1>injected/i);
      // bidirectional overrides and NUL are removed; right-to-left letters are kept
      for (const out of [markdown, html]) {
        expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        expect(out.includes(String.fromCharCode(0))).toBe(false);
      }
      if (text.includes('مرحبا')) {
        expect(markdown).toContain('مرحبا بالعالم');
        expect(html).toContain('مرحبا بالعالم');
      }
      if (text.includes('🚀')) expect(html).toContain('👩‍💻');
    });
  }

  it('keeps multi-line text as paragraphs and hard breaks, escaped line by line', async () => {
    const text = 'first line\n# not a heading\n\n> not a quote\n- not a list\n    not code';
    const { markdown, html } = await renderBoth(text);
    const rendered = markdownToHtml(markdown);
    expect(rendered).not.toMatch(
      /<h[1-6]>not a heading|<blockquote>\s*<p>not a quote|<li>not a list|<pre>/,
    );
    expect(markdown).toContain('first line\\\n\\# not a heading');
    expect(html).toContain('first line<br># not a heading');
  });

  it('prints a dash for empty fields', async () => {
    const { markdown, html } = await renderBoth('');
    expect(markdown).toContain('#### Criteria (what should be)\n\n—\n');
    expect(html).toContain('<p class="text empty">—</p>');
    expect(markdown).toContain('No words recorded.');
  });

  it('dossiers keep their structure too', async () => {
    const plainData = sample();
    const plainCto = buildStakeholderDossier(plainData, personId(plainData, 'Victor Hale'), {
      date: '2026-06-15',
    });
    const plainMd = tags(markdownToHtml(renderDossierMarkdown(plainCto, 'f'.repeat(64))));
    const plainHtml = tags(renderDossierHtml(plainCto, 'f'.repeat(64)));
    for (const text of HOSTILE_STRINGS) {
      const data = sample();
      const cto = personId(data, 'Victor Hale');
      fillWith(data, text);
      const dossier = buildStakeholderDossier(data, cto, { date: '2026-06-15' });
      const md = renderDossierMarkdown(dossier, 'f'.repeat(64));
      expect(tags(markdownToHtml(md)), text).toEqual(plainMd);
      expect(tags(renderDossierHtml(dossier, 'f'.repeat(64))), text).toEqual(plainHtml);
      const risk = data.risks[0];
      if (risk)
        expect(
          renderDossierHtml(
            buildRiskDossier(data, risk.id, { date: '2026-06-15' }),
            'f'.repeat(64),
          ),
        ).not.toMatch(/<script|<img/);
    }
  });
});
