/** Input events that mean the user is working in the window (scroll does not bubble: capture). */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll'] as const;

let lastActivity = 0;
let listening = false;

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
 * Runs `task` once the user has left the window alone for `quietMs` (checking again every
 * `quietMs` until then), so heavy background work (a backup of every engagement) does not
 * freeze a scroll or a keystroke. Returns a cancel function.
 */
export function whenUserQuiet(task: () => void, quietMs = 3_000): () => void {
  watchUserActivity();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const attempt = () => {
    const since = msSinceUserActivity();
    if (since >= quietMs) {
      timer = null;
      task();
      return;
    }
    timer = setTimeout(attempt, quietMs - since);
  };
  attempt();
  return () => {
    if (timer !== null) clearTimeout(timer);
  };
}
