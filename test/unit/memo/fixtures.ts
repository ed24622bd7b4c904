import { buildSampleEngagement } from '../../../shared/sample';
import type { SampleData } from '../../../shared/sample';
import type { MemoOptions } from '../../../shared/memo';

/** The fixed "now" of the memo tests. */
export const NOW = new Date('2026-06-15T12:00:00.000Z');

/** A deterministic UUID generator: …-000000000001, …-000000000002, … */
export function counterIds(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  };
}

/** The sample engagement with deterministic ids. */
export function sample(): SampleData {
  return buildSampleEngagement({ now: NOW, newId: counterIds() });
}

/** The id of a sample stakeholder by name. */
export function personId(data: SampleData, name: string): string {
  const s = data.stakeholders.find((x) => x.name === name);
  if (!s) throw new Error(`no stakeholder ${name}`);
  return s.id;
}

/** The options of the sample memo: to the CEO and CTO, cc the curriculum director, all open issues. */
export function sampleMemoOptions(data: SampleData): MemoOptions {
  return {
    memoId: 'NWL-M-2026-004',
    version: 1,
    date: '2026-06-15',
    subject: 'Open issues needing a decision',
    recipientIds: [personId(data, 'Margaret Oduya'), personId(data, 'Victor Hale')],
    ccIds: [personId(data, 'Nadia Brooks')],
    scope: { kind: 'open' },
    excludeInternal: true,
    fromName: 'Alex Morgan',
    fromFirm: 'Morgan Advisory',
  };
}
