import {
  acknowledgementSchema,
  decisionSchema,
  noteSchema,
  ownershipAreaSchema,
  raisedIssueSchema,
  riskSchema,
  stakeholderSchema,
} from '../../../shared/model';
import type {
  Acknowledgement,
  AcknowledgementInput,
  Decision,
  DecisionInput,
  Note,
  NoteInput,
  OwnershipArea,
  OwnershipAreaInput,
  RaisedIssue,
  RaisedIssueInput,
  Risk,
  RiskInput,
  Stakeholder,
  StakeholderInput,
} from '../../../shared/model';

/** A readable, valid UUID for test record number `n`. */
export const uid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const ENG = uid(999);
export const OTHER_ENG = uid(998);
export const T0 = '2026-03-02T09:00:00.000Z';

const system = (id: string) => ({ id, createdAt: T0, updatedAt: T0, deletedAt: null });

type Partly<T> = Partial<T>;

export function stakeholder(n: number, fields: Partly<StakeholderInput> = {}): Stakeholder {
  return stakeholderSchema.parse({
    ...system(uid(n)),
    engagementId: ENG,
    name: `Person ${n}`,
    ...fields,
  });
}

export function area(n: number, fields: Partly<OwnershipAreaInput> = {}): OwnershipArea {
  return ownershipAreaSchema.parse({
    ...system(uid(n)),
    engagementId: ENG,
    name: `Area ${n}`,
    ...fields,
  });
}

export function risk(n: number, fields: Partly<RiskInput> = {}): Risk {
  return riskSchema.parse({
    ...system(uid(n)),
    engagementId: ENG,
    title: `Risk ${n}`,
    likelihood: 3,
    impactScore: 4,
    ...fields,
  });
}

export function issue(n: number, fields: Partly<RaisedIssueInput> = {}): RaisedIssue {
  return raisedIssueSchema.parse({
    ...system(uid(n)),
    engagementId: ENG,
    title: `Issue ${n}`,
    raisedToIds: [uid(1)],
    raisedAt: T0,
    ...fields,
  });
}

export function ack(n: number, fields: Partly<AcknowledgementInput> = {}): Acknowledgement {
  return acknowledgementSchema.parse({
    ...system(uid(n)),
    engagementId: ENG,
    raisedIssueId: uid(100),
    byId: uid(1),
    at: '2026-03-03T10:00:00.000Z',
    ...fields,
  });
}

export function note(n: number, fields: Partly<NoteInput> = {}): Note {
  return noteSchema.parse({
    ...system(uid(n)),
    engagementId: ENG,
    date: T0,
    title: `Note ${n}`,
    ...fields,
  });
}

export function decision(n: number, fields: Partly<DecisionInput> = {}): Decision {
  return decisionSchema.parse({
    ...system(uid(n)),
    engagementId: ENG,
    title: `Decision ${n}`,
    ...fields,
  });
}

/** Marks a record soft-deleted. */
export function deleted<T extends { deletedAt: string | null }>(record: T): T {
  return { ...record, deletedAt: T0 };
}
