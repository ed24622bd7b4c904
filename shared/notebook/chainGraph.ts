import type { Stakeholder } from '../model/stakeholder';

/** How a person appears in the chain-of-command chart. */
export type ChainNodeKind = 'person' | 'vacant' | 'departed';

/** A box of the chart. */
export interface ChainNode {
  /** The stakeholder's id. */
  id: string;
  /** The name (or the vacant position's label). */
  name: string;
  /** The job title. */
  title: string;
  /** person, vacant (an empty seat) or departed (left the organisation). */
  kind: ChainNodeKind;
}

/** A line of the chart, drawn from the manager (source) down to the report (target). */
export interface ChainEdge {
  /** A stable id: kind, manager and report. */
  id: string;
  /** The manager's id. */
  source: string;
  /** The report's id. */
  target: string;
  /** reports (solid line) or dotted (a dotted-line report, dashed). */
  kind: 'reports' | 'dotted';
}

/** The chart's boxes and lines. */
export interface ChainGraph {
  nodes: ChainNode[];
  edges: ChainEdge[];
}

/** The chart kind of a stakeholder: vacant wins over departed (an empty seat has nobody to leave). */
export function chainNodeKind(s: Pick<Stakeholder, 'isVacant' | 'status'>): ChainNodeKind {
  if (s.isVacant) return 'vacant';
  if (s.status === 'departed') return 'departed';
  return 'person';
}

/**
 * The chart of the live stakeholders: one node each, a solid edge from each manager to each
 * direct report and a dashed one for each dotted line. Lines to deleted or unknown people are
 * left out; a reporting loop (refused on save, but possible after a sync) keeps its edges, which
 * the layout tolerates.
 */
export function buildChainGraph(
  stakeholders: readonly Pick<
    Stakeholder,
    'id' | 'name' | 'title' | 'isVacant' | 'status' | 'reportsToId' | 'dottedLineIds' | 'deletedAt'
  >[],
): ChainGraph {
  const live = stakeholders.filter((s) => s.deletedAt === null);
  const ids = new Set(live.map((s) => s.id));
  const nodes: ChainNode[] = live.map((s) => ({
    id: s.id,
    name: s.name,
    title: s.title,
    kind: chainNodeKind(s),
  }));
  const edges: ChainEdge[] = [];
  for (const s of live) {
    if (s.reportsToId !== null && s.reportsToId !== s.id && ids.has(s.reportsToId)) {
      edges.push({
        id: `reports:${s.reportsToId}:${s.id}`,
        source: s.reportsToId,
        target: s.id,
        kind: 'reports',
      });
    }
    for (const managerId of s.dottedLineIds) {
      if (managerId === s.id || !ids.has(managerId)) continue;
      edges.push({
        id: `dotted:${managerId}:${s.id}`,
        source: managerId,
        target: s.id,
        kind: 'dotted',
      });
    }
  }
  return { nodes, edges };
}
