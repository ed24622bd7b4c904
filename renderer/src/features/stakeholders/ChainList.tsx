import { useMemo } from 'react';
import type { ChainGraph } from '@shared/notebook/chainGraph';
import { chainTree, type ChainTreeItem as TreeItem } from '@shared/notebook/chainTree';
import { countOf } from '../../lib/countOf';

function Branch({ items, onSelect }: { items: TreeItem[]; onSelect: (id: string) => void }) {
  return (
    <ul>
      {items.map(({ node, dottedTo, reports }) => (
        <li key={node.id}>
          <button type="button" className="chain-list-person" onClick={() => onSelect(node.id)}>
            {node.name}
          </button>
          {node.title ? <span className="muted">, {node.title}</span> : null}
          {node.kind !== 'person' ? <span className="badge">{node.kind}</span> : null}
          {dottedTo.length > 0 ? (
            <span className="muted"> · dotted line to {dottedTo.join(', ')}</span>
          ) : null}
          {reports.length > 0 ? <Branch items={reports} onSelect={onSelect} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The chart as a list: each person a button that opens them, their reports nested below. */
export function ChainList({
  graph,
  onSelect,
}: {
  graph: ChainGraph;
  onSelect: (id: string) => void;
}) {
  const tree = useMemo(() => chainTree(graph), [graph]);
  return (
    <details className="chain-list">
      <summary>
        The chain of command as a list ({countOf(graph.nodes.length, 'person', 'people')})
      </summary>
      <nav aria-label="Chain of command as a list">
        <Branch items={tree} onSelect={onSelect} />
      </nav>
    </details>
  );
}
