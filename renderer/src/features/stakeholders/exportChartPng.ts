import { toCanvas } from 'html-to-image';
import type { ChainEdge } from '@shared/notebook/chainGraph';
import { stepRoute, type NodePosition } from '@shared/notebook/chainLayout';

/** The box the chart's nodes occupy, in chart units. */
export interface ChartBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the export draws besides the nodes' HTML. */
export interface ChartDrawing {
  bounds: ChartBounds;
  edges: readonly ChainEdge[];
  positions: ReadonlyMap<string, NodePosition>;
  nodeSize: { width: number; height: number };
  /** The lines' colour. */
  lineColor: string;
}

/** The widest image the export produces (larger charts are scaled down to fit). */
const MAX_SIDE = 8_000;
const PADDING = 24;

/**
 * Renders the whole chart (not only the part in view) to a PNG data URL. The boxes are the
 * flow's own HTML drawn by html-to-image; the lines are drawn on the canvas underneath from the
 * layout, because html-to-image 1.11.13 drops CSS-styled SVG (its issue #516) and would
 * export the boxes without their lines.
 */
export async function renderChartPng(
  viewport: HTMLElement,
  drawing: ChartDrawing,
): Promise<string> {
  const { bounds } = drawing;
  const zoom = Math.min(1, MAX_SIDE / Math.max(bounds.width, bounds.height, 1));
  const width = Math.ceil(bounds.width * zoom + PADDING * 2);
  const height = Math.ceil(bounds.height * zoom + PADDING * 2);
  const boxes = await toCanvas(viewport, {
    width,
    height,
    skipFonts: true,
    pixelRatio: 1,
    filter: (node) => !(node instanceof Element && node.classList.contains('react-flow__edges')),
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${PADDING - bounds.x * zoom}px, ${PADDING - bounds.y * zoom}px) scale(${zoom})`,
    },
  });
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this window cannot draw images');
  const background = getComputedStyle(document.documentElement)
    .getPropertyValue('--bg-raised')
    .trim();
  ctx.fillStyle = background || '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const toCanvasPoint = (p: { x: number; y: number }) => ({
    x: PADDING + (p.x - bounds.x) * zoom,
    y: PADDING + (p.y - bounds.y) * zoom,
  });
  ctx.strokeStyle = drawing.lineColor;
  ctx.lineWidth = Math.max(1, 1.6 * zoom);
  for (const edge of drawing.edges) {
    const source = drawing.positions.get(edge.source);
    const target = drawing.positions.get(edge.target);
    if (!source || !target) continue;
    const points = stepRoute(source, target, drawing.nodeSize).map(toCanvasPoint);
    ctx.setLineDash(edge.kind === 'dotted' ? [6 * zoom, 5 * zoom] : []);
    ctx.beginPath();
    const [first, ...rest] = points;
    if (!first) continue;
    ctx.moveTo(first.x, first.y);
    if (edge.kind === 'dotted') {
      const last = points[points.length - 1] ?? first;
      const midX = (first.x + last.x) / 2;
      ctx.bezierCurveTo(midX, first.y, midX, last.y, last.x, last.y);
    } else {
      for (const p of rest) ctx.lineTo(p.x, p.y);
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.drawImage(boxes, 0, 0);
  return canvas.toDataURL('image/png');
}

/** Hands a data URL to the browser as a download with `fileName`. */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  link.click();
}
