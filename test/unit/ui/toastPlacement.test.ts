import { describe, expect, it } from 'vitest';
import { nextToastPlacement } from '../../../renderer/src/components/toastPlacement';

const box = (left: number, top: number, width: number, height: number) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('nextToastPlacement', () => {
  const stack = box(800, 520, 460, 260);

  it('stays put when the focused element is clear of the stack', () => {
    expect(nextToastPlacement('bottom', stack, box(300, 100, 120, 32))).toBe('bottom');
    // touching edges do not overlap
    expect(nextToastPlacement('bottom', stack, box(680, 520, 120, 32))).toBe('bottom');
  });

  it('moves to the other corner when it covers the focused element', () => {
    expect(nextToastPlacement('bottom', stack, box(945, 580, 80, 32))).toBe('top');
    expect(nextToastPlacement('top', box(800, 20, 460, 260), box(1060, 16, 90, 32))).toBe('bottom');
  });

  it('goes to the corner away from the focused element, never swinging back onto it', () => {
    // a tall stack covers a button in the upper half from either corner: it stays at the bottom
    const tall = box(800, 100, 460, 680);
    expect(nextToastPlacement('bottom', tall, box(900, 200, 120, 32), 800)).toBe('bottom');
    expect(nextToastPlacement('top', tall, box(900, 200, 120, 32), 800)).toBe('bottom');
    // and at the top for one in the lower half
    expect(nextToastPlacement('bottom', tall, box(900, 600, 120, 32), 800)).toBe('top');
    expect(nextToastPlacement('top', tall, box(900, 600, 120, 32), 800)).toBe('top');
  });

  it('stays put with no toast or nothing focused', () => {
    expect(nextToastPlacement('top', null, box(0, 0, 10, 10))).toBe('top');
    expect(nextToastPlacement('bottom', stack, null)).toBe('bottom');
  });
});
