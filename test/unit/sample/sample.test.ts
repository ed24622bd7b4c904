import { describe, expect, it } from 'vitest';
import { entitySchemas, entityTables, isoDateTimeSchema } from '../../../shared/model';
import type { EngagementScopedEntityName, EntityName } from '../../../shared/model';
import {
  checkEngagementData,
  indexById,
  isAwaitingAcknowledgement,
  unansweredAddressees,
  missingFindingElements,
  nextEscalationTarget,
  ownershipGaps,
} from '../../../shared/rules';
import { buildSampleEngagement, SAMPLE_ENGAGEMENT_CODE } from '../../../shared/sample';
import type { SampleData } from '../../../shared/sample';

const NOW = new Date('2026-06-15T12:00:00.000Z');

/** A deterministic UUID generator: …-000000000001, …-000000000002, … */
function counterIds(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  };
}

const build = (now = NOW) => buildSampleEngagement({ now, newId: counterIds() });

// Issued memos and attachments are not part of the sample (the consultant adds them).
const scopedTables = Object.entries(entityTables).filter(
  ([name]) => name !== 'engagement' && name !== 'memo' && name !== 'attachment',
) as [EngagementScopedEntityName, Exclude<keyof SampleData, 'engagement'>][];

function everyRecord(data: SampleData): [EntityName, { id: string } & Record<string, unknown>][] {
  const out: [EntityName, { id: string } & Record<string, unknown>][] = [
    ['engagement', data.engagement],
  ];
  for (const [name, table] of scopedTables) {
    for (const record of data[table]) out.push([name, record]);
  }
  return out;
}

describe('buildSampleEngagement', () => {
  const data = build();
  const byName = (name: string) => {
    const s = data.stakeholders.find((x) => x.name === name);
    if (!s) throw new Error(`no stakeholder ${name}`);
    return s;
  };
  const area = (name: string) => {
    const a = data.ownershipAreas.find((x) => x.name === name);
    if (!a) throw new Error(`no area ${name}`);
    return a;
  };

  it('fills every table with records', () => {
    expect(data.engagement.code).toBe(SAMPLE_ENGAGEMENT_CODE);
    for (const [, table] of scopedTables) expect(data[table].length).toBeGreaterThan(0);
  });

  it('makes every record valid against its registry schema, unchanged by parsing', () => {
    for (const [name, record] of everyRecord(data)) {
      const result = entitySchemas[name].safeParse(record);
      expect(result.error?.issues ?? [], `${name} ${record.id}`).toEqual([]);
      expect(result.data).toEqual(record);
    }
  });

  it('gives each record a unique id, the engagement id, and sane time stamps', () => {
    const all = everyRecord(data);
    expect(new Set(all.map(([, r]) => r.id)).size).toBe(all.length);
    for (const [name, record] of all) {
      if (name !== 'engagement') expect(record.engagementId).toBe(data.engagement.id);
      expect(record.deletedAt).toBeNull();
      const created = Date.parse(String(record.createdAt));
      const updated = Date.parse(String(record.updatedAt));
      expect(created).toBeLessThanOrEqual(updated);
      expect(updated).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('starts the story about four months before now', () => {
    const start = Date.parse(`${data.engagement.startDate}T00:00:00Z`);
    const days = (NOW.getTime() - start) / 86_400_000;
    expect(days).toBeGreaterThan(100);
    expect(days).toBeLessThan(140);
    for (const i of data.raisedIssues) expect(Date.parse(i.raisedAt)).toBeGreaterThan(start);
  });

  it('passes every cross-record rule except the deliberate ownership gap', () => {
    const found = checkEngagementData(data).map((v) => ({
      entity: v.entity,
      id: v.id,
      code: v.code,
      severity: v.severity,
    }));
    expect(found).toEqual([
      {
        entity: 'ownershipArea',
        id: area('Weekly batch jobs').id,
        code: 'ownership.no-accountable',
        severity: 'warning',
      },
    ]);
  });

  it('keeps referential integrity: every referenced id exists', () => {
    const ids = new Map<string, EntityName>(everyRecord(data).map(([n, r]) => [r.id, n]));
    const expectRef = (id: string | null, entity: EntityName) => {
      if (id !== null) expect(ids.get(id), id).toBe(entity);
    };
    for (const s of data.stakeholders) {
      expectRef(s.reportsToId, 'stakeholder');
      s.dottedLineIds.forEach((id) => expectRef(id, 'stakeholder'));
    }
    for (const a of data.ownershipAreas) {
      const { accountableId, responsibleIds, consultedIds, informedIds } = a.raci;
      [accountableId, ...responsibleIds, ...consultedIds, ...informedIds].forEach((id) =>
        expectRef(id, 'stakeholder'),
      );
    }
    for (const r of data.risks) {
      [r.ownerId, r.acceptedById].forEach((id) => expectRef(id, 'stakeholder'));
      r.ownershipAreaIds.forEach((id) => expectRef(id, 'ownershipArea'));
    }
    for (const i of data.raisedIssues) {
      [...i.raisedToIds, i.ownerId].forEach((id) => expectRef(id, 'stakeholder'));
      i.riskIds.forEach((id) => expectRef(id, 'risk'));
      expectRef(i.escalatesId, 'raisedIssue');
    }
    for (const a of data.acknowledgements) {
      expectRef(a.raisedIssueId, 'raisedIssue');
      expectRef(a.byId, 'stakeholder');
    }
    for (const n of data.notes) {
      n.participantIds.forEach((id) => expectRef(id, 'stakeholder'));
      n.links.forEach((l) => expectRef(l.id, l.entity));
    }
    for (const d of data.decisions) {
      expectRef(d.decidedById, 'stakeholder');
      expectRef(d.supersededById, 'decision');
      d.links.forEach((l) => expectRef(l.id, l.entity));
    }
  });

  it('is deterministic for a fixed now and id generator', () => {
    expect(build()).toEqual(build());
    const later = build(new Date('2026-09-01T08:00:00.000Z'));
    expect(later.engagement.id).toBe(data.engagement.id);
    expect(later.engagement.startDate).not.toBe(data.engagement.startDate);
  });

  it('uses only valid UTC time stamps and plain data', () => {
    for (const i of data.raisedIssues)
      expect(isoDateTimeSchema.safeParse(i.raisedAt).success).toBe(true);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  describe('demonstrates the story', () => {
    const stakeholdersById = indexById(data.stakeholders);

    it('has two vacant seats and a departed predecessor', () => {
      const vacant = data.stakeholders.filter((s) => s.isVacant).map((s) => s.title);
      expect(vacant.sort()).toEqual(['Engineering Manager', 'Head of Operations']);
      expect(data.stakeholders.filter((s) => s.status === 'departed')).toHaveLength(1);
    });

    it('shows the ownership gaps', () => {
      expect(ownershipGaps(area('Weekly batch jobs'), stakeholdersById)).toEqual([
        'no-accountable',
        'nobody-responsible',
      ]);
      expect(ownershipGaps(area('Backups'), stakeholdersById)).toEqual(['accountable-vacant']);
      expect(ownershipGaps(area('Disk space monitoring'), stakeholdersById)).toEqual([]);
      const publishing = area('Publishing process');
      expect(publishing.raci.accountableId).toBe(byName('Anton Kessler').id);
      expect(ownershipGaps(publishing, stakeholdersById)).toEqual([]);
    });

    it('awaits answers per addressee: the CTO on the disk issue, two of three on the batch jobs', () => {
      const escalated = new Set(data.raisedIssues.map((i) => i.escalatesId));
      const awaiting = data.raisedIssues.filter(
        (i) => !escalated.has(i.id) && isAwaitingAcknowledgement(i, data.acknowledgements, NOW),
      );
      const unanswered = awaiting.map((i) => [
        i.title.slice(0, 20),
        unansweredAddressees(i, data.acknowledgements).map(
          (id) => data.stakeholders.find((x) => x.id === id)?.name,
        ),
      ]);
      expect(unanswered).toEqual([
        ['The weekly batch job', ['Helen Okafor', 'Tomasz Reilly']],
        ['Disk on the reportin', ['Victor Hale']],
      ]);
      const disk = awaiting[1];
      expect(disk?.escalatesId).not.toBeNull();
    });

    it('acknowledged the batch-job issue, and accepted one risk with an expiry', () => {
      const batch = data.raisedIssues.find((i) => /batch jobs/i.test(i.title));
      expect(batch?.status).toBe('acknowledged');
      expect(data.acknowledgements.some((a) => a.raisedIssueId === batch?.id)).toBe(true);
      const accepted = data.raisedIssues.filter((i) => i.status === 'risk_accepted');
      expect(accepted).toHaveLength(1);
      const ack = data.acknowledgements.find((a) => a.raisedIssueId === accepted[0]?.id);
      expect(ack?.response).toBe('risk_accepted');
      expect(ack?.expiresOn && ack.expiresOn > NOW.toISOString().slice(0, 10)).toBe(true);
      for (const a of data.acknowledgements) expect(a.quote.length).toBeGreaterThan(10);
    });

    it('states all five finding elements on every issue', () => {
      for (const i of data.raisedIssues) expect(missingFindingElements(i), i.title).toEqual([]);
    });

    it('escalates from the operations team past the vacant seat to the CTO', () => {
      const r = nextEscalationTarget(byName('Tomasz Reilly').id, data.stakeholders);
      expect(r.target?.name).toBe('Victor Hale');
      expect(r.skipped.map((s) => s.reason)).toEqual(['vacant']);
    });

    it('covers every risk treatment path it needs', () => {
      expect(data.risks.map((r) => r.status).sort()).toEqual(
        ['accepted', 'mitigating', 'mitigating', 'occurred', 'open'].sort(),
      );
      expect(data.decisions.some((d) => d.status === 'superseded' && d.supersededById)).toBe(true);
      expect(data.raisedIssues.some((i) => i.internalOnly)).toBe(true);
    });
  });
});
