// Lays the chain-of-command chart out off the window's thread: dagre takes about a second on
// hundreds of people, which must not freeze the window.
import type { ChainGraph } from '@shared/notebook/chainGraph';
import {
  layoutChain,
  type ChainLayoutOptions,
  type NodePosition,
} from '@shared/notebook/chainLayout';

/** What the window sends: the chart's boxes and lines, and the sizes and gaps. */
export interface ChainLayoutRequest {
  graph: ChainGraph;
  options: ChainLayoutOptions;
}

/** What the worker answers: each box's top-left corner, or why it could not. */
export type ChainLayoutResponse =
  { type: 'done'; positions: [string, NodePosition][] } | { type: 'error'; message: string };

interface WorkerScope {
  postMessage(message: ChainLayoutResponse): void;
  onmessage: ((event: MessageEvent<ChainLayoutRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    const positions = layoutChain(event.data.graph, event.data.options);
    scope.postMessage({ type: 'done', positions: [...positions] });
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
