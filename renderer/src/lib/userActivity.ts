/** Input events that mean the user is working in the window (scroll does not bubble: capture). */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll'] as const;

let lastActivity = 0;
let listening = false;
let busyHolds = 0;

/** A hold this long counts as work the quiet spell is measured from (shorter ones do not). */
const LONG_HOLD_MS = 1_000;
/** Past this, a task waiting for a quiet spell runs despite holds (a round stuck on a dead share). */
export const MAX_HOLD_WAIT_MS = 10 * 60 * 1000;

/**
 * Marks heavy work of the app's own under way (a sync round applying thousands of changes):
 * tasks waiting for a quiet spell wait for it to end too (for {@link MAX_HOLD_WAIT_MS} at most),
 * and after a hold of over a second the spell is measured from its end. Returns the release
 * function (calling it again does nothing).
 */
export function holdBusy(): () => void {
  busyHolds += 1;
  const heldAt = performance.now();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    busyHolds -= 1;
    const now = performance.now();
    if (now - heldAt >= LONG_HOLD_MS) lastActivity = Math.max(lastActivity, now);
  };
}

/**
 * Starts watching the window's input (idempotent). Until something is seen, the start of the
 * watch counts as the last activity: a quiet spell is measured, never assumed.
 */
export function watchUserActivity(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  lastActivity = performance.now();
  const mark = () => {
    lastActivity = performance.now();
  };
  for (const type of ACTIVITY_EVENTS) {
    window.addEventListener(type, mark, { capture: true, passive: true });
  }
}

/** Milliseconds since the user last scrolled, typed, clicked or moved the pointer here (or since the watch began). */
export function msSinceUserActivity(): number {
  watchUserActivity();
  return listening ? performance.now() - lastActivity : Number.POSITIVE_INFINITY;
}

/**
 * Runs `task` once the user has left the window alone for `quietMs` and no {@link holdBusy} is
 * held (checking again every `quietMs` until then), so heavy background work (a backup of every
 * engagement) neither freezes a scroll or a keystroke nor slows a sync that is applying
 * thousands of changes. Returns a cancel function.
 */
export function whenUserQuiet(task: () => void, quietMs = 3_000): () => void {
  watchUserActivity();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const waitingSince = performance.now();
  const attempt = () => {
    const since = msSinceUserActivity();
    const held = busyHolds > 0 && performance.now() - waitingSince < MAX_HOLD_WAIT_MS;
    if (since >= quietMs && !held) {
      timer = null;
      task();
      return;
    }
    timer = setTimeout(attempt, Math.max(quietMs - since, held ? quietMs : 0));
  };
  attempt();
  return () => {
    if (timer !== null) clearTimeout(timer);
  };
}
