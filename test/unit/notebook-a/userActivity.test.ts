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

  it('waits while heavy work is held, and counts the quiet time from its end', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.stubGlobal('window', new EventTarget());
    const { whenUserQuiet, holdBusy } = await import('../../../renderer/src/lib/userActivity');
    const release = holdBusy();
    const task = vi.fn();
    whenUserQuiet(task, 1_000);
    vi.advanceTimersByTime(5_000);
    expect(task).not.toHaveBeenCalled(); // a sync is applying changes
    release();
    release(); // a second release changes nothing
    vi.advanceTimersByTime(900);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_200);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('a short hold does not restart the quiet spell; a hold never blocks for ever', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.stubGlobal('window', new EventTarget());
    const { whenUserQuiet, holdBusy, watchUserActivity, MAX_HOLD_WAIT_MS } =
      await import('../../../renderer/src/lib/userActivity');
    watchUserActivity();
    vi.advanceTimersByTime(2_500);
    const short = holdBusy();
    vi.advanceTimersByTime(100);
    short(); // an idle sync round: quiet time keeps counting
    const task = vi.fn();
    whenUserQuiet(task, 3_000);
    vi.advanceTimersByTime(500);
    expect(task).toHaveBeenCalledTimes(1);

    holdBusy(); // never released (a round stuck on a dead network share)
    const later = vi.fn();
    whenUserQuiet(later, 3_000);
    vi.advanceTimersByTime(MAX_HOLD_WAIT_MS - 5_000);
    expect(later).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(later).toHaveBeenCalledTimes(1);
  });
});
