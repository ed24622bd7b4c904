import { describe, expect, it } from 'vitest';
import {
  acknowledgementSchema,
  decisionSchema,
  engagementInputObject,
  engagementSchema,
  inherentRiskScore,
  noteSchema,
  ownershipAreaSchema,
  raisedIssueInputObject,
  raisedIssueSchema,
  residualRiskScore,
  riskBand,
  riskSchema,
  riskScore,
  stakeholderInputObject,
  stakeholderSchema,
} from '../../../shared/model';
import type { z } from 'zod';
import { A, B, C, ENG, T, scoped, system } from './fixtures';

/** "<field> <message>" lines, as the store reports them. */
function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
}

describe('engagement', () => {
  it('keeps its end-date check and fills defaults', () => {
    const e = engagementSchema.parse({ ...system(ENG), client: 'Acme', title: 'Review' });
    expect(e.status).toBe('active');
    expect(e.code).toBe('ENG');
    expect(
      problems(engagementSchema, {
        ...system(ENG),
        client: 'Acme',
        title: 'Review',
        startDate: '2026-03-02',
        endDate: '2026-03-01',
      }),
    ).toEqual(['endDate must not be before the start date']);
  });

  it('keeps an optional memo responsibility wording: absent stays absent, text is checked', () => {
    const old = engagementSchema.parse({ ...system(ENG), client: 'Acme', title: 'Review' });
    expect('memoResponsibility' in old).toBe(false);
    const own = 'Acme management decides whether to act on this advice.';
    expect(
      engagementSchema.parse({
        ...system(ENG),
        client: 'Acme',
        title: 'Review',
        memoResponsibility: own,
      }).memoResponsibility,
    ).toBe(own);
    const base = { ...system(ENG), client: 'Acme', title: 'Review' };
    expect(problems(engagementSchema, { ...base, memoResponsibility: 42 })).toEqual([
      'memoResponsibility must be text',
    ]);
    expect(problems(engagementSchema, { ...base, memoResponsibility: 'x'.repeat(20_001) })).toEqual(
      ['memoResponsibility must be at most 20000 characters'],
    );
    expect(engagementInputObject.shape.memoResponsibility.isOptional()).toBe(true);
  });

  it('offers an input object without system fields', () => {
    expect(Object.keys(engagementInputObject.shape)).not.toContain('id');
    expect(engagementInputObject.parse({ client: 'Acme', title: 'Review' }).status).toBe('active');
  });
});

describe('stakeholder', () => {
  const base = { ...scoped(A), name: 'Dana Reyes' };

  it('fills defaults for a minimal stakeholder', () => {
    const s = stakeholderSchema.parse(base);
    expect(s).toMatchObject({
      title: '',
      reportsToId: null,
      dottedLineIds: [],
      decisionAuthority: 'informed',
      influence: 3,
      interest: 3,
      stance: 'neutral',
      status: 'active',
      isVacant: false,
      departedAt: null,
    });
  });

  it('reports field messages that read after the field name', () => {
    expect(
      problems(stakeholderSchema, { ...base, name: '  ', influence: 6, stance: 'friend' }),
    ).toEqual([
      'name is required',
      'influence must be 1 to 5',
      'stance must be one of: champion, supporter, neutral, skeptic, blocker',
    ]);
    expect(problems(stakeholderSchema, { ...scoped(A) })).toEqual(['name is required']);
  });

  it('requires a title for a vacant position', () => {
    expect(problems(stakeholderSchema, { ...base, name: '(vacant)', isVacant: true })).toEqual([
      'title is required for a vacant position',
    ]);
    expect(
      problems(stakeholderSchema, { ...base, isVacant: true, title: 'Head of Operations' }),
    ).toEqual([]);
  });

  it('rejects self references and a departure date on an active person', () => {
    expect(
      problems(stakeholderSchema, {
        ...base,
        reportsToId: A,
        dottedLineIds: [B, A],
        departedAt: '2026-01-01',
      }),
    ).toEqual([
      'reportsToId cannot be the stakeholder themself',
      'dottedLineIds cannot include the stakeholder themself',
      'departedAt is only set for a departed stakeholder',
    ]);
    expect(problems(stakeholderSchema, { ...base, dottedLineIds: [B, B] })).toEqual([
      'dottedLineIds must not list the same record twice',
    ]);
  });

  it('has an input object that accepts a form without system fields', () => {
    const input = stakeholderInputObject.parse({ engagementId: ENG, name: 'Sam' });
    expect(input).not.toHaveProperty('id');
    expect(input.stance).toBe('neutral');
  });
});

describe('ownership area', () => {
  it('stores an area with no Accountable yet', () => {
    const a = ownershipAreaSchema.parse({ ...scoped(A), name: 'Weekly batch jobs' });
    expect(a.raci).toEqual({
      accountableId: null,
      responsibleIds: [],
      consultedIds: [],
      informedIds: [],
    });
    expect(a.kind).toBe('system');
  });

  it('checks RACI ids', () => {
    expect(
      problems(ownershipAreaSchema, {
        ...scoped(A),
        name: 'Backups',
        raci: { accountableId: 'nobody', responsibleIds: [B] },
      }),
    ).toEqual(['raci.accountableId must be a UUID']);
  });
});

describe('risk', () => {
  const base = { ...scoped(A), title: 'Disk fills up', likelihood: 4, impactScore: 5 };

  it('requires the inherent scores and defaults the rest', () => {
    expect(problems(riskSchema, { ...scoped(A), title: 'x' })).toEqual([
      'likelihood is required',
      'impactScore is required',
    ]);
    expect(riskSchema.parse(base)).toMatchObject({
      status: 'open',
      treatment: 'mitigate',
      residualImpact: null,
    });
  });

  it('wants both residual scores or neither', () => {
    expect(problems(riskSchema, { ...base, residualLikelihood: 2 })).toEqual([
      'residualImpact must be set together with the other residual score',
    ]);
    expect(problems(riskSchema, { ...base, residualLikelihood: 2, residualImpact: 3 })).toEqual([]);
  });

  it('computes scores and bands', () => {
    expect(riskScore(4, 5)).toBe(20);
    const r = riskSchema.parse({ ...base, residualLikelihood: 2, residualImpact: 3 });
    expect(inherentRiskScore(r)).toBe(20);
    expect(residualRiskScore(r)).toBe(6);
    expect(residualRiskScore(riskSchema.parse(base))).toBeNull();
    expect([1, 4, 5, 9, 10, 16, 17, 25].map(riskBand)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});

describe('raised issue', () => {
  const base = { ...scoped(A), title: 'Disk nearly full', raisedToIds: [B], raisedAt: T };

  it('needs at least one recipient', () => {
    expect(problems(raisedIssueSchema, { ...base, raisedToIds: [] })).toEqual([
      'raisedToIds must name at least one stakeholder',
    ]);
  });

  it('defaults status, severity, channel and internalOnly', () => {
    expect(raisedIssueSchema.parse(base)).toMatchObject({
      status: 'raised',
      severity: 'medium',
      channel: 'email',
      internalOnly: false,
      evidence: [],
    });
  });

  it('cannot escalate itself and validates evidence', () => {
    expect(
      problems(raisedIssueSchema, {
        ...base,
        escalatesId: A,
        evidence: [{ kind: 'quote', text: '' }],
      }),
    ).toEqual(['evidence.0.text is required', 'escalatesId cannot be the issue itself']);
  });

  it('input object leaves out the system fields', () => {
    expect(
      raisedIssueInputObject.safeParse({
        engagementId: ENG,
        title: 'x',
        raisedToIds: [B],
        raisedAt: T,
      }).success,
    ).toBe(true);
  });
});

describe('acknowledgement', () => {
  const base = { ...scoped(A), raisedIssueId: B, byId: C, at: T };

  it('accepts a minimal acknowledgement', () => {
    expect(acknowledgementSchema.parse(base)).toMatchObject({
      response: 'received',
      memoId: null,
      memoVersion: null,
      expiresOn: null,
    });
  });

  it('needs a memo id for a memo version', () => {
    expect(problems(acknowledgementSchema, { ...base, memoVersion: 2 })).toEqual([
      'memoVersion needs a memo id',
    ]);
    expect(problems(acknowledgementSchema, { ...base, memoId: 'NWL-003', memoVersion: 2 })).toEqual(
      [],
    );
    expect(problems(acknowledgementSchema, { ...base, channel: 'fax' })).toEqual([
      'channel must be one of: email, meeting, call, chat, ticket, memo',
    ]);
  });
});

describe('note', () => {
  it('checks links', () => {
    const base = { ...scoped(A), date: T, title: 'Sync' };
    expect(noteSchema.parse(base).links).toEqual([]);
    expect(
      problems(noteSchema, {
        ...base,
        links: [
          { entity: 'risk', id: B },
          { entity: 'risk', id: B },
        ],
      }),
    ).toEqual(['links must not link the same record twice']);
    expect(problems(noteSchema, { ...base, links: [{ entity: 'memo', id: B }] })).toEqual([
      'links.0.entity must be one of: stakeholder, ownershipArea, risk, raisedIssue, acknowledgement, note, decision',
    ]);
  });
});

describe('decision', () => {
  it('ties supersededById to the superseded status', () => {
    const base = { ...scoped(A), title: 'Move publishing to the business units' };
    expect(decisionSchema.parse(base).status).toBe('proposed');
    expect(problems(decisionSchema, { ...base, supersededById: B })).toEqual([
      'status must be superseded when a later decision replaces it',
    ]);
    expect(problems(decisionSchema, { ...base, status: 'superseded', supersededById: A })).toEqual([
      'supersededById cannot be the decision itself',
    ]);
  });
});
