/** The window event that opens the search palette (the search feature listens for it). */
export const OPEN_SEARCH_EVENT = 'workbench:open-search';

/** Opens the search palette from a button or a menu, without knowing the search feature. */
export function openGlobalSearch(): void {
  window.dispatchEvent(new Event(OPEN_SEARCH_EVENT));
}
