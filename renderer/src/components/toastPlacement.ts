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
 * export button that just said "Saved memo.md"), it moves to the other corner.
 */
export function nextToastPlacement(
  current: ToastPlacement,
  stack: Box | null,
  focused: Box | null,
): ToastPlacement {
  if (!stack || !focused || !overlaps(stack, focused)) return current;
  return current === 'bottom' ? 'top' : 'bottom';
}
