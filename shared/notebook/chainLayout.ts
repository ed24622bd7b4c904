import { Graph, layout } from '@dagrejs/dagre';
import type { ChainGraph } from './chainGraph';

/** Where a box of the chart goes: its top-left corner. */
export interface NodePosition {
  /** Left edge, in chart units. */
  x: number;
  /** Top edge, in chart units. */
  y: number;
}

/** Sizes and gaps of the chart's boxes. */
export interface ChainLayoutOptions {
  /** Box width (default 210). */
  nodeWidth?: number;
  /** Box height (default 64). */
  nodeHeight?: number;
  /** Horizontal gap between boxes of one level (default 28). */
  nodeGap?: number;
  /** Gap between levels (default 64). */
  rankGap?: number;
  /** TB: managers above their reports (default); LR: managers left of their reports. */
  direction?: 'TB' | 'LR';
}

/**
 * Lays the chart out with dagre: managers above (or left of) their reports. Only reporting lines
 * shape the layout (dotted lines are drawn over it), so the tree reads as the chain of command.
 * Returns each node's top-left corner.
 */
export function layoutChain(
  graph: ChainGraph,
  options: ChainLayoutOptions = {},
): Map<string, NodePosition> {
  const width = options.nodeWidth ?? 210;
  const height = options.nodeHeight ?? 64;
  const g = new Graph();
  g.setGraph({
    rankdir: options.direction ?? 'TB',
    nodesep: options.nodeGap ?? 28,
    ranksep: options.rankGap ?? 64,
    marginx: 16,
    marginy: 16,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width, height });
  for (const edge of graph.edges) {
    if (edge.kind === 'reports') g.setEdge(edge.source, edge.target);
  }
  layout(g);
  const positions = new Map<string, NodePosition>();
  for (const node of graph.nodes) {
    const placed = g.node(node.id);
    positions.set(node.id, { x: placed.x - width / 2, y: placed.y - height / 2 });
  }
  return positions;
}

/** A point of a drawn line, in chart units. */
export interface Point {
  x: number;
  y: number;
}

/**
 * The polyline of a reporting line in a left-to-right chart: out of the manager's right side,
 * across to half-way, down or up to the report's level, into the report's left side.
 */
export function stepRoute(
  source: NodePosition,
  target: NodePosition,
  size: { width: number; height: number },
): Point[] {
  const start = { x: source.x + size.width, y: source.y + size.height / 2 };
  const end = { x: target.x, y: target.y + size.height / 2 };
  const midX = (start.x + end.x) / 2;
  return [start, { x: midX, y: start.y }, { x: midX, y: end.y }, end];
}
