import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildRiskDossier,
  buildStakeholderDossier,
  composeMemo,
  contentFingerprint,
  renderDossierMarkdown,
} from '../../../shared/memo';
import { personId, sample, sampleMemoOptions } from './fixtures';

const GOLDEN = join(import.meta.dirname, 'golden');

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it (review the diff!). */
function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('golden Markdown of the sample engagement', () => {
  it('memo: all open issues to the CEO and CTO', async () => {
    const data = sample();
    const composed = await composeMemo(data, sampleMemoOptions(data), 'issued');
    expectGolden('sample-memo.md.golden', composed.markdown);
    // the structure auditors expect, in order
    const headings = composed.markdown.split('\n').filter((l) => /^#{1,2} /.test(l));
    expect(headings).toEqual([
      '# Memo NWL-M-2026-004, version 1',
      '## 1. Purpose and scope',
      '## 2. Responsibility',
      '## 3. Restricted distribution',
      '## 4. Rating key',
      '## 5. Summary of items',
      '## 6. Items',
      '## 7. Raised and still unacknowledged',
      '## 8. Items from earlier memos',
      '## 9. Chronology',
      '## Appendix A. Stakeholders involved',
      '## Appendix B. Ownership gaps bearing on the items',
    ]);
    // the internal-only issue is left out; the CTO's unanswered escalation is called out
    const internal = data.raisedIssues.find((i) => i.internalOnly);
    expect(internal).toBeDefined();
    expect(composed.markdown).not.toContain(internal?.title ?? '???');
    // per addressee: item 1 went to three people; two never answered (the architect's answer
    // is hers, not theirs), and item 2's CTO never answered
    expect(composed.markdown).toMatch(
      /## 7\. Raised and still unacknowledged\n\n- Item 1: The weekly batch jobs[^\n]*not yet answered by Helen Okafor, Tomasz Reilly[^\n]*\n- Item 2: Disk on the reporting server[^\n]*not yet answered by Victor Hale/,
    );
    expect(composed.markdown).not.toContain('Every item has been acknowledged.');
    expect(composed.markdown.trimEnd().split('\n').pop()).toBe(
      `Memo NWL-M-2026-004 · version 1 · fingerprint SHA-256 ${composed.fingerprint}`,
    );
  });

  it('memo as a draft differs only by its draft banner', async () => {
    const data = sample();
    const issued = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const draft = await composeMemo(data, sampleMemoOptions(data), 'draft');
    expect(draft.markdown.replace('**DRAFT: not issued.**\n\n', '')).toBe(issued.markdown);
  });

  it('dossiers: the CTO, and the disk-space risk', async () => {
    const data = sample();
    const cto = buildStakeholderDossier(data, personId(data, 'Victor Hale'), {
      date: '2026-06-15',
    });
    expectGolden(
      'sample-dossier-cto.md.golden',
      renderDossierMarkdown(cto, await contentFingerprint(cto)),
    );
    expect(cto.entries.map((e) => e.at)).toEqual([...cto.entries.map((e) => e.at)].sort());
    expect(cto.entries.some((e) => e.kind === 'answer' && e.quote.includes('straight to me'))).toBe(
      true,
    );
    const risk = data.risks.find((r) => r.title.startsWith('Reporting database server runs out'));
    if (!risk) throw new Error('no disk risk');
    const dossier = buildRiskDossier(data, risk.id, { date: '2026-06-15' });
    expectGolden(
      'sample-dossier-risk.md.golden',
      renderDossierMarkdown(dossier, await contentFingerprint(dossier)),
    );
    expect(dossier.entries.filter((e) => e.kind === 'raised')).toHaveLength(2);
  });
});
