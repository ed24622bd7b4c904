import { describe, expect, it } from 'vitest';
import { composeMemo, htmlOf, renderMemoMarkdown } from '../../../shared/memo';
import { acknowledgementRequestText } from '../../../shared/memo/ackRequest';
import {
  buildRiskDossier,
  buildStakeholderDossier,
  renderDossierHtml,
  renderDossierMarkdown,
} from '../../../shared/memo/dossier';
import { contentFingerprint } from '../../../shared/memo/fingerprint';
import { memoInstantDay, type TimeDisplay } from '../../../shared/time/display';
import { personId, sample, sampleMemoOptions } from './fixtures';

const TOKYO_LONG: TimeDisplay = { timeZone: 'Asia/Tokyo', dateStyle: 'long' };
const BERLIN_ISO: TimeDisplay = { timeZone: 'Europe/Berlin', dateStyle: 'iso' };

describe('dates inside the memo’s sentences follow the engagement’s zone and style', () => {
  it('summary and unacknowledged details: local days, same fingerprint as UTC', async () => {
    const data = sample();
    const options = sampleMemoOptions(data);
    const utc = await composeMemo(data, options, 'issued');
    const tokyo = await composeMemo(data, options, 'issued', TOKYO_LONG);
    expect(tokyo.fingerprint).toBe(utc.fingerprint);
    // Rosa Lindqvist answered 2026-05-06 evening UTC: 7 May in Tokyo
    expect(utc.memo.summary[0]?.acknowledged).toContain(
      'Rosa Lindqvist (not addressed), 2026-05-06',
    );
    expect(utc.markdown).toContain('Rosa Lindqvist (not addressed), 2026-05-06');
    expect(tokyo.markdown).toContain('Rosa Lindqvist (not addressed), 7 May 2026');
    expect(tokyo.markdown).toContain('| 23 March 2026 | Victor Hale, 24 March 2026; Helen Okafor');
    expect(tokyo.markdown).toContain(
      'followed up 1 time, last 4 April 2026 (no answer); no answer by the follow-up day 3 April 2026',
    );
    expect(tokyo.markdown).toContain(
      'an earlier raise was acknowledged by Tomasz Reilly, 11 March 2026',
    );
    expect(tokyo.markdown).toContain('Victor Hale answered 24 March 2026');
    // no ISO day is left in the summary, the unacknowledged list or the per-person lines
    const sections = tokyo.markdown.slice(
      tokyo.markdown.indexOf('## 5.'),
      tokyo.markdown.indexOf('## 8.'),
    );
    const isoDays = sections.split(/\s/u).filter((w) => /^\d{4}-\d\d-\d\d/u.test(w));
    expect(isoDays).toEqual([]);
    const chronology = tokyo.markdown.slice(tokyo.markdown.indexOf('## 9.'));
    expect(chronology).toContain('no answer by the follow-up day 3 April 2026 from Victor Hale');
    expect(utc.markdown).toContain('no answer by the follow-up day 2026-04-03 from Victor Hale');
    const html = htmlOf(tokyo, 'issued');
    expect(html).toContain('Rosa Lindqvist (not addressed), 7 May 2026');
    expect(html).not.toContain('(not addressed), 2026-05-06');
  });

  it('prints the fingerprinted text as it is when the model does not bear the rewrite out', async () => {
    const data = sample();
    const composed = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const forged = structuredClone(composed.memo);
    const row = forged.summary[0];
    const mention = forged.unacknowledged[0];
    if (!row || !mention) throw new Error('sample memo changed');
    row.acknowledged = 'Victor Hale, 2026-01-01 (typed by hand)';
    mention.detail = 'raised 2026-01-01 to nobody';
    const md = renderMemoMarkdown(forged, {
      fingerprint: composed.fingerprint,
      state: 'issued',
      display: TOKYO_LONG,
    });
    expect(md).toContain('Victor Hale, 2026-01-01 (typed by hand)');
    expect(md).toContain('(raised 2026-01-01 to nobody)');
  });

  it('a name that looks like a sentence part cannot shift the dates', async () => {
    const data = sample();
    const rosa = data.stakeholders.find((s) => s.name === 'Rosa Lindqvist');
    if (!rosa) throw new Error('sample changed');
    rosa.name = 'Rosa (not addressed), 2026-01-01; X';
    const utc = await composeMemo(data, sampleMemoOptions(data), 'issued');
    const tokyo = await composeMemo(data, sampleMemoOptions(data), 'issued', TOKYO_LONG);
    expect(tokyo.fingerprint).toBe(utc.fingerprint);
    expect(tokyo.markdown).toContain('X (not addressed), 7 May 2026');
  });

  it('memoInstantDay: the day local to the zone, across midnight', () => {
    expect(memoInstantDay('2026-11-23T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-11-24');
    expect(memoInstantDay('2026-11-23T23:30:00.000Z', 'America/New_York')).toBe('2026-11-23');
    expect(memoInstantDay('2026-11-23T03:30:00.000Z', 'America/New_York')).toBe('2026-11-22');
    expect(memoInstantDay('not a date at all', 'Europe/Berlin')).toBe('not a date');
    expect(memoInstantDay('2026-11-23T23:30:00.000Z', 'Not/AZone')).toBe('2026-11-23');
  });

  it('the acknowledgement request prints the memo’s date in its style', async () => {
    const data = sample();
    const composed = await composeMemo(data, sampleMemoOptions(data), 'issued', TOKYO_LONG);
    const fingerprint = composed.fingerprint;
    expect(acknowledgementRequestText(composed.memo, { fingerprint })).toContain(
      'dated 2026-06-15',
    );
    expect(
      acknowledgementRequestText(composed.memo, { fingerprint, display: TOKYO_LONG }),
    ).toContain('dated 15 June 2026');
  });
});

describe('dossiers print in the engagement’s zone and style', () => {
  it('instants local with the zone, days in the style; the content does not change', async () => {
    const data = sample();
    const cto = buildStakeholderDossier(data, personId(data, 'Victor Hale'), {
      date: '2026-06-15',
    });
    const fingerprint = await contentFingerprint(cto);
    const utc = renderDossierMarkdown(cto, fingerprint);
    const berlin = renderDossierMarkdown(cto, fingerprint, BERLIN_ISO);
    const tokyo = renderDossierHtml(cto, fingerprint, TOKYO_LONG);
    expect(utc).toContain('2026-03-23 08:40 UTC');
    expect(berlin).toContain('2026-03-23 09:40 CET');
    expect(berlin).not.toContain(' UTC:');
    expect(tokyo).toContain('23 March 2026, 17:40 GMT+9');
    expect(tokyo).toContain('as of 15 June 2026.');
  });

  it('an accepted risk: until and lapse days in the style', async () => {
    const data = sample();
    const risk = data.risks.find((r) => r.title.startsWith('Reporting database server runs out'));
    const ack = data.acknowledgements[0];
    if (!risk || !ack) throw new Error('sample changed');
    risk.acceptedById = personId(data, 'Victor Hale');
    risk.acceptedUntil = '2026-12-31';
    const issue = data.raisedIssues.find((i) => i.riskIds.includes(risk.id));
    if (!issue) throw new Error('sample changed');
    ack.raisedIssueId = issue.id;
    ack.expiresOn = '2026-09-30';
    const dossier = buildRiskDossier(data, risk.id, { date: '2026-06-15' });
    const fingerprint = await contentFingerprint(dossier);
    const iso = renderDossierMarkdown(dossier, fingerprint);
    const long = renderDossierMarkdown(dossier, fingerprint, TOKYO_LONG);
    expect(iso).toContain('- **Accepted until:** 2026-12-31');
    expect(iso).toContain(', lapses 2026-09-30');
    expect(long).toContain('- **Accepted until:** 31 December 2026');
    expect(long).toContain(', lapses 30 September 2026');
    expect(renderDossierHtml(dossier, fingerprint, TOKYO_LONG)).toContain('31 December 2026');
  });
});
