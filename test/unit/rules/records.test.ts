import { describe, expect, it } from 'vitest';
import { engagementSchema } from '../../../shared/model';
import {
  checkDecision,
  checkEngagementData,
  checkNote,
  indexById,
  indexEngagementData,
} from '../../../shared/rules';
import {
  ack,
  area,
  decision,
  ENG,
  issue,
  note,
  OTHER_ENG,
  risk,
  stakeholder,
  T0,
  uid,
} from './fixtures';

const engagement = engagementSchema.parse({
  id: ENG,
  createdAt: T0,
  updatedAt: T0,
  client: 'Client',
  title: 'Review',
});

function data() {
  return {
    engagement,
    stakeholders: [
      stakeholder(1, { decisionAuthority: 'decides' }),
      stakeholder(2, { reportsToId: uid(1) }),
    ],
    ownershipAreas: [area(30, { raci: { accountableId: uid(1), responsibleIds: [uid(2)] } })],
    risks: [risk(40, { ownerId: uid(1), ownershipAreaIds: [uid(30)] })],
    raisedIssues: [issue(100, { riskIds: [uid(40)] })],
    acknowledgements: [ack(200)],
    notes: [note(300, { participantIds: [uid(1)], links: [{ entity: 'risk', id: uid(40) }] })],
    decisions: [decision(400, { decidedById: uid(1), links: [{ entity: 'note', id: uid(300) }] })],
  };
}

describe('checkNote', () => {
  it('flags unknown participants and broken links', () => {
    const d = data();
    const n = note(301, {
      participantIds: [uid(9)],
      links: [
        { entity: 'risk', id: uid(40) },
        { entity: 'decision', id: uid(41) },
      ],
    });
    const v = checkNote(n, indexById(d.stakeholders), indexEngagementData(d));
    expect(v.map((x) => `${x.field} ${x.message}`)).toEqual([
      'participantIds lists someone who is not a stakeholder of this engagement',
      'links point to records that do not exist (decision)',
    ]);
  });
});

describe('checkDecision', () => {
  it('flags unknown deciders, successors and supersession loops', () => {
    const d = data();
    const index = indexEngagementData(d);
    const people = indexById(d.stakeholders);
    const a = decision(401, { status: 'superseded', supersededById: uid(402) });
    const b = decision(402, { status: 'superseded', supersededById: uid(401) });
    expect(checkDecision(a, indexById([a, b]), people, index).map((x) => x.code)).toEqual([
      'decision.supersession-cycle',
    ]);
    const lost = decision(403, {
      decidedById: uid(9),
      status: 'superseded',
      supersededById: uid(499),
    });
    expect(checkDecision(lost, indexById([lost]), people, index).map((x) => x.code)).toEqual([
      'decision.unknown-decider',
      'decision.unknown-successor',
    ]);
  });
});

describe('checkEngagementData', () => {
  it('finds nothing wrong in a consistent engagement', () => {
    expect(checkEngagementData(data())).toEqual([]);
  });

  it('locates each violation on its record', () => {
    const d = data();
    d.stakeholders[0] = { ...d.stakeholders[0]!, reportsToId: uid(2) };
    d.ownershipAreas.push(area(31));
    d.acknowledgements.push(ack(201, { at: '2026-03-01T00:00:00.000Z' }));
    d.risks.push(risk(41, { engagementId: OTHER_ENG }));
    const found = checkEngagementData(d).map((v) => `${v.entity}/${v.id.slice(-3)} ${v.code}`);
    expect(found).toEqual([
      'stakeholder/001 stakeholder.reporting-cycle',
      'stakeholder/002 stakeholder.reporting-cycle',
      'ownershipArea/031 ownership.no-accountable',
      'risk/041 record.other-engagement',
      'acknowledgement/201 acknowledgement.before-raised',
    ]);
  });

  it('skips deleted records and treats them as missing', () => {
    const d = data();
    d.risks = [{ ...d.risks[0]!, deletedAt: T0 }];
    const found = checkEngagementData(d).map((v) => `${v.entity} ${v.code}`);
    expect(found).toEqual(['raisedIssue raisedIssue.unknown-risk', 'note link.unknown-record']);
  });
});
