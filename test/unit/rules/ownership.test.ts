import { describe, expect, it } from 'vitest';
import { checkOwnershipArea, indexById, ownershipGaps } from '../../../shared/rules';
import { area, deleted, OTHER_ENG, stakeholder, uid } from './fixtures';

const owner = stakeholder(1, { decisionAuthority: 'decides' });
const doer = stakeholder(2);
const gone = stakeholder(3, { status: 'departed', decisionAuthority: 'decides' });
const seat = stakeholder(4, {
  isVacant: true,
  title: 'Head of Operations',
  decisionAuthority: 'decides',
});
const adviser = stakeholder(5, { decisionAuthority: 'influences' });
const byId = indexById([owner, doer, gone, seat, adviser]);

describe('ownershipGaps', () => {
  it('finds no gap in a properly owned area', () => {
    const a = area(10, { raci: { accountableId: uid(1), responsibleIds: [uid(2)] } });
    expect(ownershipGaps(a, byId)).toEqual([]);
  });

  it('allows the Accountable to be Responsible too', () => {
    const a = area(10, { raci: { accountableId: uid(1), responsibleIds: [uid(1)] } });
    expect(ownershipGaps(a, byId)).toEqual([]);
    expect(checkOwnershipArea(a, byId)).toEqual([]);
  });

  it('reports an area nobody owns', () => {
    expect(ownershipGaps(area(10), byId)).toEqual(['no-accountable', 'nobody-responsible']);
  });

  it('reports a departed, vacant or powerless Accountable', () => {
    const withA = (id: string) =>
      area(10, { raci: { accountableId: id, responsibleIds: [uid(2)] } });
    expect(ownershipGaps(withA(uid(3)), byId)).toEqual(['accountable-departed']);
    expect(ownershipGaps(withA(uid(4)), byId)).toEqual(['accountable-vacant']);
    expect(ownershipGaps(withA(uid(5)), byId)).toEqual(['accountable-no-authority']);
    const informed = stakeholder(6, { decisionAuthority: 'informed' });
    expect(ownershipGaps(withA(uid(6)), indexById([informed, doer]))).toEqual([
      'accountable-no-authority',
    ]);
  });

  it('treats an Accountable who no longer exists as none', () => {
    const a = area(10, { raci: { accountableId: uid(1), responsibleIds: [uid(2)] } });
    expect(ownershipGaps(a, indexById([deleted(owner), doer]))).toEqual(['no-accountable']);
  });

  it('does not count departed or vacant Responsibles', () => {
    const a = area(10, { raci: { accountableId: uid(1), responsibleIds: [uid(3), uid(4)] } });
    expect(ownershipGaps(a, byId)).toEqual(['nobody-responsible']);
  });
});

describe('checkOwnershipArea', () => {
  it('warns (does not block) when nobody is Accountable', () => {
    expect(checkOwnershipArea(area(10), byId)).toEqual([
      {
        field: 'raci.accountableId',
        message: 'is missing: nobody is accountable for this area',
        code: 'ownership.no-accountable',
        severity: 'warning',
      },
    ]);
  });

  it('rejects RACI entries that are not stakeholders of the engagement', () => {
    const stranger = stakeholder(7, { engagementId: OTHER_ENG });
    const a = area(10, {
      raci: { accountableId: uid(7), responsibleIds: [uid(2)], consultedIds: [uid(42)] },
    });
    const v = checkOwnershipArea(a, indexById([stranger, doer]));
    expect(v.map((x) => `${x.field}:${x.code}:${x.severity}`)).toEqual([
      'raci.accountableId:ownership.unknown-stakeholder:error',
      'raci.consultedIds:ownership.unknown-stakeholder:error',
    ]);
  });
});
