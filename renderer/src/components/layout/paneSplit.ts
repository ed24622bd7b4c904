/**
 * The list pane's share of a list/detail split, in percent of the split's width. Pure rules
 * (clamping, keyboard steps) kept apart from the component so they are tested on their own.
 */
export const SPLIT_MIN = 25;
export const SPLIT_MAX = 75;
export const SPLIT_DEFAULT = 55;
/** One arrow-key press moves the divider this far; Page Up/Down ten times as far. */
export const SPLIT_STEP = 2;

/** A share kept within [SPLIT_MIN, SPLIT_MAX], rounded to a whole percent; NaN gives the default. */
export function clampSplit(value: number): number {
  if (!Number.isFinite(value)) return SPLIT_DEFAULT;
  return Math.round(Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, value)));
}

/** The share after a key press on the divider, or null when the key does not move it. */
export function splitAfterKey(current: number, key: string): number | null {
  switch (key) {
    case 'ArrowLeft':
      return clampSplit(current - SPLIT_STEP);
    case 'ArrowRight':
      return clampSplit(current + SPLIT_STEP);
    case 'PageUp':
      return clampSplit(current - SPLIT_STEP * 10);
    case 'PageDown':
      return clampSplit(current + SPLIT_STEP * 10);
    case 'Home':
      return SPLIT_MIN;
    case 'End':
      return SPLIT_MAX;
    default:
      return null;
  }
}

/** The share for a pointer at `x` over a split that starts at `left` and is `width` wide. */
export function splitAtPointer(x: number, left: number, width: number): number {
  if (!(width > 0)) return SPLIT_DEFAULT;
  return clampSplit(((x - left) / width) * 100);
}
