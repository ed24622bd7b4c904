/** Where the toast stack sits: the window's bottom-right corner, or its top-right corner. */
export type ToastPlacement = 'bottom' | 'top';

export interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The toasts never hide what has keyboard focus: when the stack covers the focused element (an
 * export button that just said "Saved memo.md"), it goes to the corner away from it: the bottom
 * for an element in the window's upper half, the top otherwise. Chosen by where the element is,
 * not by flipping, so a tall stack that would cover it in either corner never swings back onto it.
 */
export function nextToastPlacement(
  current: ToastPlacement,
  stack: Box | null,
  focused: Box | null,
  windowHeight?: number,
): ToastPlacement {
  if (!stack || !focused || !overlaps(stack, focused)) return current;
  if (windowHeight === undefined) return current === 'bottom' ? 'top' : 'bottom';
  return (focused.top + focused.bottom) / 2 < windowHeight / 2 ? 'bottom' : 'top';
}
