import { describe, expect, it } from 'vitest';
import { presenceOf } from '../../../renderer/src/lib/presenceOf';

describe('presenceOf', () => {
  it('shows a vacant seat as vacant whatever its status', () => {
    expect(presenceOf({ isVacant: true, status: 'active' })).toBe('vacant');
    expect(presenceOf({ isVacant: true, status: 'departed' })).toBe('vacant');
  });

  it('shows a filled seat by its status', () => {
    expect(presenceOf({ isVacant: false, status: 'active' })).toBe('active');
    expect(presenceOf({ isVacant: false, status: 'departed' })).toBe('departed');
  });
});
