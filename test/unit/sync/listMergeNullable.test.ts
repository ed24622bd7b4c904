import { describe, expect, it } from 'vitest';
import { fitsShape, listFieldShapes, type MergeShape } from '../../../shared/sync/listMerge';

describe('an absent object that holds lists', () => {
  it('fits its shape (an attachment that is not an email has email: null), its lists still must be lists', () => {
    const email = listFieldShapes('attachment').get('email') as MergeShape;
    expect(email).toBeTypeOf('object');
    expect(fitsShape(email, null)).toBe(true);
    expect(fitsShape(email, undefined)).toBe(true);
    expect(fitsShape(email, 'not an object')).toBe(false);
    expect(fitsShape(email, [])).toBe(false);
    expect(fitsShape('list', null)).toBe(false);
  });
});
