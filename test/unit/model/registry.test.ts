import { describe, expect, it } from 'vitest';
import {
  engagementScopedEntities,
  entityNames,
  entityObjects,
  entitySchemas,
  entityTables,
  isEngagementScoped,
} from '../../../shared/model';

describe('registry', () => {
  it('registers every entity with a table', () => {
    expect(entityNames).toEqual([
      'engagement',
      'stakeholder',
      'ownershipArea',
      'risk',
      'raisedIssue',
      'acknowledgement',
      'note',
      'decision',
      'memo',
      'attachment',
    ]);
    expect(Object.keys(entityTables)).toEqual(entityNames);
    expect(Object.keys(entityObjects)).toEqual(entityNames);
    expect(new Set(Object.values(entityTables)).size).toBe(entityNames.length);
    expect(entityTables.raisedIssue).toBe('raisedIssues');
  });

  it('marks every entity but the engagement as engagement-scoped', () => {
    expect([...engagementScopedEntities].sort()).toEqual(
      entityNames.filter((n) => n !== 'engagement').sort(),
    );
    for (const name of entityNames) {
      const hasEngagementId = 'engagementId' in entityObjects[name].shape;
      expect(isEngagementScoped(name)).toBe(hasEngagementId);
    }
  });

  it('plain objects support pick/partial while full schemas validate', () => {
    for (const name of entityNames) {
      expect(() => entityObjects[name].partial()).not.toThrow();
      expect(entitySchemas[name].safeParse({}).success).toBe(false);
    }
  });
});
