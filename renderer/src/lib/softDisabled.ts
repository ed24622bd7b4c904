/**
 * Props for a button that is off for now but keeps keyboard focus: `aria-disabled` instead of the
 * `disabled` attribute (a button that becomes disabled while focused drops focus to the page
 * body, as the memo actions did while an export ran or once a memo was issued), and a click that
 * does nothing while off.
 */
export function softDisabled(
  off: boolean,
  onClick: () => void,
): { 'aria-disabled': true | undefined; onClick: () => void } {
  return {
    'aria-disabled': off || undefined,
    onClick: () => {
      if (!off) onClick();
    },
  };
}
