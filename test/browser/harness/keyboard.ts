import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** What the keyboard user is on: the focused element, its name and how its focus is drawn. */
export interface FocusInfo {
  readonly tag: string;
  readonly role: string;
  readonly name: string;
  /** The focus ring: the computed outline (style and width) or box-shadow, and where. */
  readonly ring: string;
  /** Drawn: an outline of some width or a box-shadow (the app draws them on :focus-visible). */
  readonly visible: boolean;
  /** Inside the viewport (at least partly). */
  readonly inView: boolean;
  /** Its centre is under another element (a toast...). */
  readonly covered: boolean;
}

/** Reads the focused element, the way a sighted keyboard user sees it. */
export function focusInfo(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    const labelledBy = el.getAttribute('aria-labelledby');
    const byIds = labelledBy
      ? labelledBy
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const labels = 'labels' in el ? (el as HTMLInputElement).labels : null;
    const label = labels && labels.length > 0 ? (labels[0]?.textContent ?? '') : '';
    const name = (
      el.getAttribute('aria-label') ||
      byIds ||
      label ||
      (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT'
        ? ''
        : el.textContent) ||
      el.getAttribute('title') ||
      ''
    )
      .replace(/\s+/g, ' ')
      .trim();
    // The ring is on the element, or on the box that wraps it (a picker's input draws its ring
    // on the picker box, :focus-within), or a divider's ::after bar.
    const ringOf = (node: Element, pseudo?: string): string => {
      const style = getComputedStyle(node, pseudo);
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        return `outline ${style.outlineStyle} ${style.outlineWidth}`;
      return style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : '';
    };
    let ring = ringOf(el);
    for (let up = el.parentElement, i = 0; ring === '' && up && i < 3; up = up.parentElement, i++) {
      const drawn = ringOf(up);
      if (drawn !== '' && up.matches(':focus-within')) ring = `${drawn} on ${up.className}`;
    }
    if (ring === '' && el.matches('[role="separator"]:focus-visible')) {
      const bar = getComputedStyle(el, '::after').backgroundColor;
      if (bar !== 'rgba(0, 0, 0, 0)') ring = `::after bar ${bar}`;
    }
    const rect = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') ?? '',
      name,
      ring: ring || 'none',
      visible: ring !== '',
      inView:
        rect.width > 0 &&
        rect.height > 0 &&
        rect.bottom > 0 &&
        rect.right > 0 &&
        rect.top < window.innerHeight &&
        rect.left < window.innerWidth,
      covered: (() => {
        // Something else (a toast, a popover) on top of the focused element's centre.
        const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1);
        const y = Math.min(Math.max(rect.top + rect.height / 2, 0), window.innerHeight - 1);
        const hit = document.elementFromPoint(x, y);
        return hit !== null && !el.contains(hit) && !hit.contains(el);
      })(),
    };
  });
}

/** Polling options: generous, for a loaded CI machine (the poll ends as soon as it holds). */
const poll = (message: string) => ({ message, timeout: 15_000, interval: 50 });

const describe = (f: FocusInfo | null) =>
  f
    ? `<${f.tag}${f.role ? ` role=${f.role}` : ''}> "${f.name}" (${f.ring}` +
      `${f.inView ? '' : ', out of view'}${f.covered ? ', covered' : ''})`
    : 'nothing (body)';

/**
 * Toasts stay 6 s: what covers the focus must move aside before one would go by itself (4 s leaves
 * room for a loaded 2-core CI machine; 2.5 s failed there twice in six runs at load 7).
 */
const UNCOVER_MS = 4_000;

/**
 * Asserts that focus is on an element (not the body), drawn visibly and in view (polled: a
 * re-render may come first), and then that nothing sits on it, within UNCOVER_MS (a short wait,
 * so a toast covering it cannot pass by simply timing out).
 */
export async function expectFocusVisible(page: Page, where: string): Promise<FocusInfo> {
  let info: FocusInfo | null = null;
  const check = (uncovered: boolean) => async () => {
    info = await focusInfo(page);
    const drawn = info !== null && info.visible && info.inView;
    return drawn && (!uncovered || !info?.covered) ? 'ok' : describe(info);
  };
  await expect.poll(check(false), poll(`${where}: focus is visible`)).toBe('ok');
  await expect
    .poll(check(true), { ...poll(`${where}: nothing covers the focus`), timeout: UNCOVER_MS })
    .toBe('ok');
  if (!info) throw new Error(`${where}: focus lost to the body`);
  return info;
}

/** Polls until the focused element's name matches, then asserts focus is visible. */
export async function expectFocusOn(page: Page, name: string | RegExp, where: string) {
  const matches = (f: FocusInfo | null) =>
    f !== null && (typeof name === 'string' ? f.name === name : name.test(f.name));
  await expect
    .poll(
      async () => {
        const f = await focusInfo(page);
        return matches(f) ? 'ok' : describe(f);
      },
      poll(`${where}: focus on ${String(name)}`),
    )
    .toBe('ok');
  return expectFocusVisible(page, where);
}

/**
 * Presses Tab (or Shift+Tab) until focus is on the element named `name`, asserting at every stop
 * that focus is visible; fails after `max` presses with the stops it went through.
 */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  options: { back?: boolean; max?: number; role?: string } = {},
): Promise<FocusInfo> {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  const max = options.max ?? 40;
  const stops: string[] = [];
  const matches = (f: FocusInfo | null) =>
    f !== null &&
    (options.role === undefined || f.role === options.role) &&
    (typeof name === 'string' ? f.name === name : name.test(f.name));
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const f = await focusInfo(page);
    stops.push(describe(f));
    // Not drawn yet (a re-render, the toasts moving aside): it must become visible where it is.
    if (f && !(f.visible && f.inView && !f.covered)) {
      await expectFocusVisible(page, `Tab stop ${stops.length} on the way to ${String(name)}`);
    }
    if (matches(f) && f) return f;
  }
  throw new Error(`${String(name)} not reached by ${key} in ${max} presses:\n${stops.join('\n')}`);
}

/** Moves along the engagement's tabs with the arrow keys until `name` is focused and shown. */
export async function arrowToTab(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 12; i += 1) {
    const on = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (on === name) break;
    await page.keyboard.press('ArrowRight');
  }
  await expectFocusOn(page, name, `tab ${name}`);
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

/**
 * Presses Tab through every stop inside the element matching `selector` (starting from where
 * focus is, outside it or on its first stop), asserting at each that focus is visible and that
 * the control has a name; returns the names, in order. Fails after `max` stops still inside.
 */
export async function walkTabStops(page: Page, selector: string, max = 80): Promise<string[]> {
  const inside = () =>
    page.evaluate((sel) => {
      const box = document.querySelector(sel);
      return box !== null && box.contains(document.activeElement);
    }, selector);
  const names: string[] = [];
  let entered = await inside();
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const now = await inside();
    if (!now) {
      if (entered) return names;
      continue;
    }
    entered = true;
    const f = await expectFocusVisible(page, `Tab stop ${names.length + 1} in ${selector}`);
    expect(f.name, `Tab stop ${names.length + 1} in ${selector} has a name (<${f.tag}>)`).not.toBe(
      '',
    );
    names.push(f.name);
  }
  throw new Error(`still inside ${selector} after ${max} Tab presses: ${names.join(' | ')}`);
}
