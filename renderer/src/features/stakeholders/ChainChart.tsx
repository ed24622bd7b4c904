import { useEffect, useMemo, useRef, useState } from 'react';
import { Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Stakeholder } from '@shared/model/stakeholder';
import { buildChainGraph, type ChainGraph, type ChainNodeKind } from '@shared/notebook/chainGraph';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';
import {
  CHART_LAYOUT,
  chainLayout,
  knownChainLayout,
  layoutShape,
  type ChainPositions,
} from './chainLayoutCache';
import { ChainList } from './ChainList';
import { downloadDataUrl, renderChartPng, type ChartBounds } from './exportChartPng';

const NODE_WIDTH = CHART_LAYOUT.nodeWidth;
const NODE_HEIGHT = CHART_LAYOUT.nodeHeight;
/** The lines' colour: readable on the light and the dark background. */
const CHART_LINE = '#7b8794';

type ChainNodeData = { name: string; title: string; kind: ChainNodeKind };
type ChainFlowNode = Node<ChainNodeData, 'person'>;

const MARK: Record<ChainNodeKind, string | null> = {
  person: null,
  vacant: 'Vacant',
  departed: 'Departed',
};

/** One box: name, title, and a Vacant / Departed mark. */
function PersonNode({ data }: NodeProps<ChainFlowNode>) {
  const mark = MARK[data.kind];
  return (
    <div
      className={`chain-node chain-node-${data.kind}`}
      aria-label={`${data.name}${data.title ? `, ${data.title}` : ''}${mark ? ` (${mark.toLowerCase()})` : ''}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="chain-node-name">{data.name}</span>
      <span className="chain-node-title">{data.title || '—'}</span>
      {mark ? <span className="chain-node-mark">{mark}</span> : null}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { person: PersonNode };

/**
 * The chart's layout: at once when it is known (cached, or small), else computed in the
 * background; null meanwhile.
 */
function useChainPositions(graph: ChainGraph): ChainPositions | null {
  const known = useMemo(() => knownChainLayout(graph), [graph]);
  const shape = useMemo(() => layoutShape(graph), [graph]);
  const [computed, setComputed] = useState<{ shape: string; positions: ChainPositions } | null>(
    null,
  );
  useEffect(() => {
    if (known) return;
    let current = true;
    void chainLayout(graph).then((positions) => {
      if (current) setComputed({ shape, positions });
    });
    return () => {
      current = false;
    };
  }, [graph, known, shape]);
  return known ?? (computed?.shape === shape ? computed.positions : null);
}

/** Resolves once `count` boxes are in the chart's DOM (or after about two seconds). */
async function allBoxesRendered(wrapper: HTMLElement, count: number): Promise<void> {
  const deadline = performance.now() + 2_000;
  while (
    wrapper.querySelectorAll('.react-flow__node').length < count &&
    performance.now() < deadline
  ) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/**
 * The chain of command, laid out automatically (dagre): reporting lines solid, dotted lines
 * dashed, vacant positions and departed people marked. Clicking a person selects them;
 * "Export PNG" downloads the whole chart as an image.
 */
export function ChainChart({
  stakeholders,
  onSelect,
}: {
  stakeholders: readonly Stakeholder[];
  onSelect: (id: string) => void;
}) {
  const pushToast = useUiStore((s) => s.pushToast);
  const wrapper = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState(false);

  const graph = useMemo(() => buildChainGraph(stakeholders), [stakeholders]);
  const positions = useChainPositions(graph);

  const { nodes, edges, drawing } = useMemo(() => {
    if (!positions) return { nodes: [] as ChainFlowNode[], edges: [] as Edge[], drawing: null };
    const flowNodes: ChainFlowNode[] = graph.nodes.map((n) => ({
      id: n.id,
      type: 'person',
      position: positions.get(n.id) ?? { x: 0, y: 0 },
      data: { name: n.name, title: n.title, kind: n.kind },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      draggable: false,
      connectable: false,
    }));
    const flowEdges: Edge[] = graph.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: e.kind === 'reports' ? 'smoothstep' : 'default',
      className: `chain-edge chain-edge-${e.kind}`,
      style:
        e.kind === 'dotted' ? { strokeDasharray: '6 5', strokeWidth: 1.6 } : { strokeWidth: 1.6 },
      focusable: false,
      selectable: false,
    }));
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const node of flowNodes) {
      minX = Math.min(minX, node.position.x);
      minY = Math.min(minY, node.position.y);
      maxX = Math.max(maxX, node.position.x + NODE_WIDTH);
      maxY = Math.max(maxY, node.position.y + NODE_HEIGHT);
    }
    const box: ChartBounds =
      flowNodes.length === 0
        ? { x: 0, y: 0, width: 1, height: 1 }
        : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
    return {
      nodes: flowNodes,
      edges: flowEdges,
      drawing: {
        bounds: box,
        edges: graph.edges,
        positions,
        nodeSize: { width: NODE_WIDTH, height: NODE_HEIGHT },
        lineColor: CHART_LINE,
      },
    };
  }, [graph, positions]);

  const exportPng = async () => {
    const canvas = wrapper.current;
    const viewport = canvas?.querySelector<HTMLElement>('.react-flow__viewport');
    if (!canvas || !viewport || !drawing) return;
    // Only the boxes in view are in the DOM; while exporting, all of them are (see below).
    setExporting(true);
    try {
      await allBoxesRendered(canvas, nodes.length);
      const dataUrl = await renderChartPng(viewport, drawing);
      downloadDataUrl(dataUrl, 'chain-of-command.png');
      pushToast({ tone: 'success', message: 'Chain of command exported as PNG.' });
    } catch (error) {
      pushToast({ tone: 'error', message: `Could not export the chart: ${errorMessage(error)}` });
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="chain" aria-label="Chain of command">
      <div className="chain-toolbar">
        <ul className="chain-legend" aria-label="Legend">
          <li>
            <span className="legend-line" aria-hidden="true" /> reports to
          </li>
          <li>
            <span className="legend-line legend-line-dotted" aria-hidden="true" /> dotted line
          </li>
          <li>
            <span className="legend-box chain-node-vacant" aria-hidden="true" /> vacant position
          </li>
          <li>
            <span className="legend-box chain-node-departed" aria-hidden="true" /> departed
          </li>
        </ul>
        <button
          type="button"
          className="button"
          onClick={() => void exportPng()}
          disabled={exporting || nodes.length === 0}
        >
          {exporting ? 'Exporting…' : 'Export PNG'}
        </button>
      </div>
      <ChainList graph={graph} onSelect={onSelect} />
      <div className="chain-canvas" ref={wrapper}>
        {!positions ? (
          <p className="muted chain-empty" role="status">
            Laying out the chart of {graph.nodes.length} people…
          </p>
        ) : nodes.length === 0 ? (
          <p className="muted chain-empty">No stakeholders yet.</p>
        ) : (
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            fitView
            fitViewOptions={{ padding: 0.05, minZoom: 0.5, maxZoom: 1 }}
            minZoom={0.1}
            nodesDraggable={false}
            nodesConnectable={false}
            edgesFocusable={false}
            // the list above is the keyboard and screen-reader path: no second, silent tab stop per box
            nodesFocusable={false}
            colorMode="system"
            onlyRenderVisibleElements={!exporting}
            proOptions={{ hideAttribution: true }}
            onNodeClick={(_event, node) => onSelect(node.id)}
          />
        )}
      </div>
    </section>
  );
}
