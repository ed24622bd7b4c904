import type { ChainGraph, ChainNode } from './chainGraph';

/** One person of the tree: their dotted lines and who reports to them. */
export interface ChainTreeItem {
  node: ChainNode;
  dottedTo: string[];
  reports: ChainTreeItem[];
}

/**
 * The chain of command as nested lists (who reports to whom), the chart's equivalent for the
 * keyboard and screen readers. Roots are those who report to nobody on the chart; a person
 * already placed is never placed twice (a loop written into the shared folder cannot recurse).
 */
export function chainTree(graph: ChainGraph): ChainTreeItem[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const reportsOf = new Map<string, string[]>();
  const dotted = new Map<string, string[]>();
  const hasManager = new Set<string>();
  for (const e of graph.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    if (e.kind === 'reports') {
      reportsOf.set(e.source, [...(reportsOf.get(e.source) ?? []), e.target]);
      hasManager.add(e.target);
    } else {
      dotted.set(e.target, [...(dotted.get(e.target) ?? []), byId.get(e.source)?.name ?? '']);
    }
  }
  const placed = new Set<string>();
  const build = (node: ChainNode): ChainTreeItem => {
    placed.add(node.id);
    const reports = (reportsOf.get(node.id) ?? [])
      .filter((id) => !placed.has(id))
      .map((id) => byId.get(id))
      .filter((n): n is ChainNode => n !== undefined)
      .map((n) => (placed.has(n.id) ? null : build(n)))
      .filter((t): t is ChainTreeItem => t !== null);
    return { node, dottedTo: dotted.get(node.id) ?? [], reports };
  };
  const roots = graph.nodes.filter((n) => !hasManager.has(n.id)).map(build);
  // Anyone left (only in a loop): listed at the top level too, so nobody is dropped.
  for (const n of graph.nodes) if (!placed.has(n.id)) roots.push(build(n));
  return roots;
}
