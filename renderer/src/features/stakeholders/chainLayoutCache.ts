import type { ChainGraph } from '@shared/notebook/chainGraph';
import {
  layoutChain,
  type ChainLayoutOptions,
  type NodePosition,
} from '@shared/notebook/chainLayout';
import type { ChainLayoutRequest, ChainLayoutResponse } from './chainLayout.worker';

/** The chart's box size and gaps. */
export const CHART_LAYOUT = {
  nodeWidth: 184,
  nodeHeight: 58,
  nodeGap: 14,
  rankGap: 72,
  direction: 'LR',
} as const satisfies ChainLayoutOptions;

/** Each box's top-left corner, by stakeholder id. */
export type ChainPositions = ReadonlyMap<string, NodePosition>;

/** Up to this many boxes the layout runs inline (a few milliseconds); above, in a worker. */
const INLINE_UP_TO = 150;
/** The pause before a prewarm, leaving the screen's first paint alone. */
const PREWARM_AFTER_MS = 300;
/** Layouts kept (most recently used last). */
const KEPT = 4;

const done = new Map<string, ChainPositions>();
const pending = new Map<string, Promise<ChainPositions>>();

/**
 * What the layout depends on: the boxes and the reporting lines (dotted lines are drawn over it,
 * names and titles do not move a box). An edit of anything else reuses the last layout.
 */
export function layoutShape(graph: ChainGraph): string {
  const reports = graph.edges.filter((e) => e.kind === 'reports').map((e) => e.id);
  return `${graph.nodes.map((n) => n.id).join(',')}|${reports.join(',')}`;
}

function remember(shape: string, positions: ChainPositions): ChainPositions {
  done.delete(shape);
  done.set(shape, positions);
  for (const key of done.keys()) {
    if (done.size <= KEPT) break;
    done.delete(key);
  }
  return positions;
}

/**
 * The layout of `graph` if it is known now: computed before, or small enough to compute inline;
 * undefined when it must be computed in the background ({@link chainLayout}).
 */
export function knownChainLayout(graph: ChainGraph): ChainPositions | undefined {
  const shape = layoutShape(graph);
  const known = done.get(shape);
  if (known) return remember(shape, known);
  if (graph.nodes.length > INLINE_UP_TO && typeof Worker !== 'undefined') return undefined;
  return remember(shape, layoutChain(graph, CHART_LAYOUT));
}

/** Runs dagre in a Web Worker; rejects if the worker fails. */
function layoutInWorker(graph: ChainGraph): Promise<ChainPositions> {
  const worker = new Worker(new URL('./chainLayout.worker.ts', import.meta.url), {
    type: 'module',
  });
  return new Promise<ChainPositions>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ChainLayoutResponse>) => {
      const message = event.data;
      if (message.type === 'done') resolve(new Map(message.positions));
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the chart layout failed'));
    const request: ChainLayoutRequest = { graph, options: CHART_LAYOUT };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

/**
 * The layout of `graph`, computed once per shape: from the cache, inline for small charts, else
 * in a Web Worker (the window stays responsive; inline again if the worker fails). Calling it
 * ahead of time (the Stakeholders screen does) has the chart ready when it is opened.
 */
export function chainLayout(graph: ChainGraph): Promise<ChainPositions> {
  const known = knownChainLayout(graph);
  if (known) return Promise.resolve(known);
  const shape = layoutShape(graph);
  const running = pending.get(shape);
  if (running) return running;
  const result = layoutInWorker(graph)
    .catch(() => layoutChain(graph, CHART_LAYOUT))
    .then((positions) => remember(shape, positions))
    .finally(() => pending.delete(shape));
  pending.set(shape, result);
  return result;
}

/**
 * Starts laying out a large chart in the background (a no-op for small ones, whose layout is
 * immediate), so the chart opens at once later. Returns a function that cancels a start that
 * has not happened yet.
 */
export function prewarmChainLayout(graphOf: () => ChainGraph, count: number): () => void {
  if (count <= INLINE_UP_TO || typeof Worker === 'undefined') return () => undefined;
  const timer = setTimeout(() => void chainLayout(graphOf()), PREWARM_AFTER_MS);
  return () => clearTimeout(timer);
}
