/** How serious a rule violation is: errors should block a save, warnings are shown. */
export type ViolationSeverity = 'error' | 'warning';

/**
 * One broken rule. `field` names the field at fault (dotted for nested fields, e.g.
 * "raci.accountableId") and `message` reads well after it ("<field> <message>").
 * `code` is stable, for tests and for the UI to pick an explanation.
 */
export interface Violation {
  field: string;
  message: string;
  code: string;
  severity: ViolationSeverity;
}

/** Builds a violation. */
export function violation(
  field: string,
  message: string,
  code: string,
  severity: ViolationSeverity = 'error',
): Violation {
  return { field, message, code, severity };
}

/** True when any violation is an error (warnings alone do not block). */
export function hasErrors(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.severity === 'error');
}
