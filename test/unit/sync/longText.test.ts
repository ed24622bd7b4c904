import { describe, expect, it } from 'vitest';
import { longTextFields } from '../../../shared/sync/longText';

describe('long text fields', () => {
  it('finds the note body and engagement scope, not titles or ids', () => {
    expect(longTextFields('note').has('body')).toBe(true);
    expect(longTextFields('note').has('title')).toBe(false);
    expect(longTextFields('engagement').has('scope')).toBe(true);
    expect(longTextFields('engagement').has('client')).toBe(false);
    expect(longTextFields('nope').size).toBe(0);
  });
});
