import { afterEach, describe, expect, it, vi } from 'vitest';

describe('whenUserQuiet', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('runs the task only after the window has had no input for the quiet time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    const { whenUserQuiet, msSinceUserActivity } =
      await import('../../../renderer/src/lib/userActivity');
    // The watch's start counts as activity: quiet is measured, never assumed.
    expect(msSinceUserActivity()).toBe(0);
    vi.advanceTimersByTime(10);
    target.dispatchEvent(new Event('scroll'));
    const task = vi.fn();
    whenUserQuiet(task, 3_000);
    vi.advanceTimersByTime(2_000);
    target.dispatchEvent(new Event('keydown')); // still working: the wait starts again
    vi.advanceTimersByTime(2_500);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled while it waits', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const target = new EventTarget();
    vi.stubGlobal('window', target);
    const { whenUserQuiet, watchUserActivity } =
      await import('../../../renderer/src/lib/userActivity');
    watchUserActivity();
    vi.advanceTimersByTime(10);
    target.dispatchEvent(new Event('pointerdown'));
    const task = vi.fn();
    const cancel = whenUserQuiet(task, 1_000);
    cancel();
    vi.advanceTimersByTime(5_000);
    expect(task).not.toHaveBeenCalled();
  });
});
