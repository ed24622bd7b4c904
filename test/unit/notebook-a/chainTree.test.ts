import { describe, expect, it } from 'vitest';
import type { ChainGraph } from '../../../shared/notebook/chainGraph';
import { chainTree, type ChainTreeItem } from '../../../shared/notebook/chainTree';

const node = (id: string) => ({ id, name: id.toUpperCase(), title: '', kind: 'person' as const });
const edge = (source: string, target: string, kind: 'reports' | 'dotted' = 'reports') => ({
  id: `${kind}-${source}-${target}`,
  source,
  target,
  kind,
});
const shape = (items: ChainTreeItem[]): unknown =>
  items.map((i) => [i.node.id, ...(i.dottedTo.length ? [i.dottedTo] : []), shape(i.reports)]);

describe('the chain of command as a tree', () => {
  it('nests reports under their manager and names dotted lines', () => {
    const graph: ChainGraph = {
      nodes: ['ceo', 'cto', 'dba', 'pm'].map(node),
      edges: [
        edge('ceo', 'cto'),
        edge('cto', 'dba'),
        edge('ceo', 'pm'),
        edge('cto', 'pm', 'dotted'),
      ],
    };
    expect(shape(chainTree(graph))).toEqual([
      [
        'ceo',
        [
          ['cto', [['dba', []]]],
          ['pm', ['CTO'], []],
        ],
      ],
    ]);
  });

  it('places everyone once, even in a reporting loop written by someone else', () => {
    const graph: ChainGraph = {
      nodes: ['a', 'b', 'c'].map(node),
      edges: [edge('a', 'b'), edge('b', 'a'), edge('c', 'c'), edge('x', 'a')],
    };
    const ids: string[] = [];
    const walk = (items: ChainTreeItem[]) =>
      items.forEach((i) => {
        ids.push(i.node.id);
        walk(i.reports);
      });
    walk(chainTree(graph));
    expect(ids.sort()).toEqual(['a', 'b', 'c']);
  });
});
