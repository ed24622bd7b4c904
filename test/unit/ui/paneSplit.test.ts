import { describe, expect, it } from 'vitest';
import {
  clampSplit,
  splitAfterKey,
  splitAtPointer,
  SPLIT_DEFAULT,
  SPLIT_MAX,
  SPLIT_MIN,
} from '../../../renderer/src/components/layout/paneSplit';

describe('list/detail split', () => {
  it('keeps every share within bounds, whole percent, and NaN or infinity at the default', () => {
    for (const v of [
      -1e9,
      -0,
      0,
      0.5,
      24.4,
      25,
      33.3,
      55,
      74.6,
      75,
      75.01,
      1e9,
      Number.MIN_VALUE,
    ]) {
      const share = clampSplit(v);
      expect(share).toBeGreaterThanOrEqual(SPLIT_MIN);
      expect(share).toBeLessThanOrEqual(SPLIT_MAX);
      expect(Number.isInteger(share)).toBe(true);
    }
    expect(clampSplit(Number.NaN)).toBe(SPLIT_DEFAULT);
    expect(clampSplit(Infinity)).toBe(SPLIT_DEFAULT);
    expect(clampSplit(10)).toBe(SPLIT_MIN);
    expect(clampSplit(90)).toBe(SPLIT_MAX);
  });

  it('moves with the arrow keys, further with Page keys, to the ends with Home/End', () => {
    expect(splitAfterKey(50, 'ArrowLeft')).toBe(48);
    expect(splitAfterKey(50, 'ArrowRight')).toBe(52);
    expect(splitAfterKey(50, 'PageUp')).toBe(30);
    expect(splitAfterKey(50, 'PageDown')).toBe(70);
    expect(splitAfterKey(50, 'Home')).toBe(SPLIT_MIN);
    expect(splitAfterKey(50, 'End')).toBe(SPLIT_MAX);
    expect(splitAfterKey(SPLIT_MAX, 'ArrowRight')).toBe(SPLIT_MAX);
    expect(splitAfterKey(50, 'a')).toBeNull();
  });

  it('follows the pointer across the split, clamped, and survives a zero-width split', () => {
    expect(splitAtPointer(600, 100, 1000)).toBe(50);
    expect(splitAtPointer(0, 100, 1000)).toBe(SPLIT_MIN);
    expect(splitAtPointer(5000, 100, 1000)).toBe(SPLIT_MAX);
    expect(splitAtPointer(600, 100, 0)).toBe(SPLIT_DEFAULT);
  });
});
