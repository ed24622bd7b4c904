import type { Page } from 'playwright-core';

/**
 * How many live regions of the page would read out `text` now: elements whose aria-live (or
 * role status, log or alert) is not off, each counted with its own text only (a nested region
 * is read, or silenced, on its own). A result said once is in exactly one.
 */
export function liveRegionsSaying(page: Page, text: string): Promise<number> {
  return page.evaluate((words) => {
    const liveOf = (el: Element): string | null => {
      const live = el.getAttribute('aria-live');
      if (live) return live;
      const role = el.getAttribute('role');
      if (role === 'status' || role === 'log') return 'polite';
      return role === 'alert' ? 'assertive' : null;
    };
    const spoken = (el: Element): string =>
      [...el.childNodes]
        .map((node) => {
          if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
          return node instanceof Element && liveOf(node) === null ? spoken(node) : '';
        })
        .join('');
    return [...document.querySelectorAll('*')].filter((el) => {
      const live = liveOf(el);
      return live !== null && live !== 'off' && spoken(el).includes(words);
    }).length;
  }, text);
}
