import { describe, expect, it } from 'vitest';
import { buildChainGraph, chainNodeKind } from '../../../shared/notebook/chainGraph';
import { layoutChain, stepRoute } from '../../../shared/notebook/chainLayout';
import { buildPowerGrid, powerQuadrant } from '../../../shared/notebook/powerGrid';
import { reportsToChoices } from '../../../shared/notebook/reportsToChoices';
import { deleted, stakeholder, uid } from '../rules/fixtures';

const ceo = stakeholder(1, { name: 'Margaret', title: 'CEO' });
const cto = stakeholder(2, { name: 'Victor', reportsToId: uid(1), influence: 5, interest: 3 });
const seat = stakeholder(3, {
  name: '(vacant) Head of Operations',
  title: 'Head of Operations',
  isVacant: true,
  reportsToId: uid(2),
});
const former = stakeholder(4, { name: 'Glen', status: 'departed', reportsToId: uid(2) });
const engineer = stakeholder(5, {
  name: 'Tomasz',
  reportsToId: uid(3),
  dottedLineIds: [uid(6)],
  influence: 3,
  interest: 5,
  stance: 'supporter',
});
const architect = stakeholder(6, { name: 'Rosa', reportsToId: uid(2) });
const gone = deleted(stakeholder(7, { name: 'Deleted', reportsToId: uid(2) }));
const people = [ceo, cto, seat, former, engineer, architect, gone];

describe('chain-of-command chart input', () => {
  it('marks vacant seats and departed people', () => {
    expect(chainNodeKind(seat)).toBe('vacant');
    expect(chainNodeKind(former)).toBe('departed');
    expect(chainNodeKind(cto)).toBe('person');
    expect(chainNodeKind({ isVacant: true, status: 'departed' })).toBe('vacant');
  });

  it('draws a solid line per reporting line and a dashed one per dotted line, live people only', () => {
    const graph = buildChainGraph(people);
    expect(graph.nodes.map((n) => n.id)).not.toContain(uid(7));
    expect(graph.nodes).toHaveLength(6);
    const reports = graph.edges.filter((e) => e.kind === 'reports');
    const dotted = graph.edges.filter((e) => e.kind === 'dotted');
    expect(reports).toHaveLength(5);
    expect(reports).toContainEqual(
      expect.objectContaining({ source: uid(3), target: uid(5), kind: 'reports' }),
    );
    expect(dotted).toEqual([
      { id: `dotted:${uid(6)}:${uid(5)}`, source: uid(6), target: uid(5), kind: 'dotted' },
    ]);
  });

  it('leaves out lines to deleted or unknown managers', () => {
    const orphan = stakeholder(8, { reportsToId: uid(7), dottedLineIds: [uid(77)] });
    const graph = buildChainGraph([...people, orphan]);
    expect(graph.edges.some((e) => e.target === uid(8))).toBe(false);
  });

  it('lays managers out before their reports, without overlaps, even with a loop', () => {
    const size = { nodeWidth: 100, nodeHeight: 40 };
    const positions = layoutChain(buildChainGraph(people), size);
    const y = (n: number) => positions.get(uid(n))?.y ?? NaN;
    expect(y(1)).toBeLessThan(y(2));
    expect(y(2)).toBeLessThan(y(3));
    expect(y(3)).toBeLessThan(y(5));
    const boxes = [...positions.values()];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = Math.abs(a.x - b.x) >= 100 || Math.abs(a.y - b.y) >= 40;
        expect(apart).toBe(true);
      }
    }
    const loop = [
      stakeholder(10, { reportsToId: uid(11) }),
      stakeholder(11, { reportsToId: uid(10) }),
    ];
    expect(layoutChain(buildChainGraph(loop)).size).toBe(2);
  });

  it('lays out left to right on request and routes lines out of the right side', () => {
    const positions = layoutChain(buildChainGraph(people), { direction: 'LR' });
    expect(positions.get(uid(1))?.x).toBeLessThan(positions.get(uid(2))?.x ?? -1);
    const route = stepRoute({ x: 0, y: 0 }, { x: 300, y: 100 }, { width: 200, height: 40 });
    expect(route).toEqual([
      { x: 200, y: 20 },
      { x: 250, y: 20 },
      { x: 250, y: 120 },
      { x: 300, y: 120 },
    ]);
  });
});

describe('reports-to choices', () => {
  it('never offers the stakeholder or anyone below them', () => {
    const names = reportsToChoices(uid(2), people).map((s) => s.name);
    expect(names).toEqual(['Margaret']);
  });

  it('offers everyone live for a new stakeholder, by name', () => {
    const names = reportsToChoices(null, people).map((s) => s.name);
    expect(names).toEqual([
      '(vacant) Head of Operations',
      'Glen',
      'Margaret',
      'Rosa',
      'Tomasz',
      'Victor',
    ]);
  });

  it('offers a leaf everyone above and beside them', () => {
    const names = reportsToChoices(uid(5), people).map((s) => s.name);
    expect(names).not.toContain('Tomasz');
    expect(names).toContain('Rosa');
    expect(names).toContain('Margaret');
  });
});

describe('power/interest grid', () => {
  it('places present people by influence (row, 5 on top) and interest (column)', () => {
    const grid = buildPowerGrid(people);
    expect(grid[0]?.[2]?.people.map((s) => s.name)).toEqual(['Victor']);
    expect(grid[2]?.[4]?.people.map((s) => s.name)).toEqual(['Tomasz']);
    const placed = grid.flat().flatMap((c) => c.people.map((s) => s.name));
    expect(placed).not.toContain('Glen');
    expect(placed).not.toContain('(vacant) Head of Operations');
    expect(placed).not.toContain('Deleted');
    expect(placed.sort()).toEqual(['Margaret', 'Rosa', 'Tomasz', 'Victor']);
  });

  it('names the quadrants', () => {
    expect(powerQuadrant(5, 5)).toBe('manage-closely');
    expect(powerQuadrant(5, 1)).toBe('keep-satisfied');
    expect(powerQuadrant(1, 5)).toBe('keep-informed');
    expect(powerQuadrant(2, 2)).toBe('monitor');
    expect(powerQuadrant(3, 3)).toBe('manage-closely');
  });
});
