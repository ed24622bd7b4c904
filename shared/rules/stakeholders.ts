import type { Stakeholder } from '../model/stakeholder';
import { indexById, withRecord } from './lookup';
import type { Violation } from './violation';
import { violation } from './violation';

/** The fields the chain-of-command helpers need. */
type Node = Pick<Stakeholder, 'id' | 'reportsToId' | 'deletedAt'>;

/**
 * The reporting line above a stakeholder: their manager, the manager's manager, and so on,
 * nearest first. Stops at the top, at a missing manager, or before repeating itself in a cycle.
 */
export function reportingLine<T extends Node>(
  stakeholderId: string,
  stakeholdersById: ReadonlyMap<string, T>,
): T[] {
  const line: T[] = [];
  const seen = new Set<string>([stakeholderId]);
  let next = stakeholdersById.get(stakeholderId)?.reportsToId ?? null;
  while (next !== null && !seen.has(next)) {
    const manager = stakeholdersById.get(next);
    if (!manager) break;
    line.push(manager);
    seen.add(next);
    next = manager.reportsToId;
  }
  return line;
}

/**
 * True when making `stakeholderId` report to `managerId` would close a loop: the manager is
 * the stakeholder, or already sits below them in the chain of command. Use it to filter the
 * choices of a "reports to" picker.
 */
export function wouldCreateReportingCycle(
  stakeholderId: string,
  managerId: string,
  stakeholdersById: ReadonlyMap<string, Node>,
): boolean {
  if (managerId === stakeholderId) return true;
  let current: string | null = managerId;
  const seen = new Set<string>();
  while (current !== null && !seen.has(current)) {
    if (current === stakeholderId) return true;
    seen.add(current);
    current = stakeholdersById.get(current)?.reportsToId ?? null;
  }
  return false;
}

/**
 * Every loop in the chain of command, each as the ids in the loop (starting from the
 * smallest id, so each loop is reported once).
 */
export function findReportingCycles(stakeholders: readonly Node[]): string[][] {
  const byId = indexById(stakeholders);
  const cycles: string[][] = [];
  const done = new Set<string>();
  for (const start of byId.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | null = start;
    while (current !== null && !done.has(current) && !onPath.has(current)) {
      const node = byId.get(current);
      if (!node) break;
      onPath.set(current, path.length);
      path.push(current);
      current = node.reportsToId;
    }
    if (current !== null && onPath.has(current)) {
      const loop = path.slice(onPath.get(current));
      const first = loop.indexOf([...loop].sort()[0] ?? '');
      cycles.push([...loop.slice(first), ...loop.slice(0, first)]);
    }
    for (const id of path) done.add(id);
  }
  return cycles;
}

/** The stakeholders who report directly to `managerId`. */
export function directReports<T extends Node>(managerId: string, stakeholders: readonly T[]): T[] {
  return stakeholders.filter((s) => s.deletedAt === null && s.reportsToId === managerId);
}

/**
 * Cross-record rules of a stakeholder, checked as `stakeholder` is about to be saved among
 * `stakeholders` (the engagement's others; its own stored version, if any, is replaced):
 * nobody reports to themself or to someone below them (no loop in the chain of command),
 * dotted lines do not point to self, and every manager is a stakeholder of the same engagement.
 */
export function checkStakeholder(
  stakeholder: Stakeholder,
  stakeholders: readonly Stakeholder[],
): Violation[] {
  const out: Violation[] = [];
  const byId = withRecord(indexById(stakeholders), stakeholder);
  const known = (id: string) => byId.get(id)?.engagementId === stakeholder.engagementId;
  const { reportsToId } = stakeholder;
  if (reportsToId !== null) {
    if (reportsToId === stakeholder.id) {
      out.push(
        violation(
          'reportsToId',
          'cannot be the stakeholder themself',
          'stakeholder.reports-to-self',
        ),
      );
    } else if (!known(reportsToId)) {
      out.push(
        violation(
          'reportsToId',
          'is not a stakeholder of this engagement',
          'stakeholder.reports-to-unknown',
        ),
      );
    } else if (wouldCreateReportingCycle(stakeholder.id, reportsToId, byId)) {
      out.push(
        violation(
          'reportsToId',
          'cannot be someone who already reports to this stakeholder (it would make a loop)',
          'stakeholder.reporting-cycle',
        ),
      );
    }
  }
  if (stakeholder.dottedLineIds.includes(stakeholder.id)) {
    out.push(
      violation(
        'dottedLineIds',
        'cannot include the stakeholder themself',
        'stakeholder.dotted-line-self',
      ),
    );
  }
  if (stakeholder.dottedLineIds.some((id) => id !== stakeholder.id && !known(id))) {
    out.push(
      violation(
        'dottedLineIds',
        'lists someone who is not a stakeholder of this engagement',
        'stakeholder.dotted-line-unknown',
      ),
    );
  }
  return out;
}
