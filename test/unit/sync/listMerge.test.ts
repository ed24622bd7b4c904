import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decidingEdits,
  fitsShape,
  listFieldShapes,
  mergeFieldEdits,
  type FieldEdit,
  type MergeShape,
} from '../../../shared/sync/listMerge';

const FC = { seed: 1207, numRuns: 300 };

let counter = 0;
/** An edit at logical time `t` (HLCs compare as strings: zero-padded). */
function edit(t: number, old: unknown, next: unknown, id?: string): FieldEdit {
  counter += 1;
  return {
    hlc: `2026-03-02T09:00:00.000Z-${String(t).padStart(4, '0')}-dev`,
    id: id ?? `c${String(counter).padStart(6, '0')}`,
    old,
    new: next,
  };
}

describe('list fields from the schemas', () => {
  it('finds every list field, nested ones included', () => {
    const fields = (entity: string) => [...listFieldShapes(entity).keys()].sort();
    expect(fields('ownershipArea')).toEqual(['raci']);
    expect(listFieldShapes('ownershipArea').get('raci')).toEqual({
      accountableId: 'value',
      responsibleIds: 'list',
      consultedIds: 'list',
      informedIds: 'list',
    });
    expect(fields('raisedIssue')).toEqual(['evidence', 'followUps', 'raisedToIds', 'riskIds']);
    expect(fields('stakeholder')).toEqual(['delegateForIds', 'dottedLineIds', 'escalationAreaIds']);
    expect(fields('note')).toEqual(['links', 'participantIds']);
    expect(fields('decision')).toContain('links');
    expect(fields('risk')).toContain('ownershipAreaIds');
    expect(fields('memo')).toEqual(
      expect.arrayContaining(['ccIds', 'recipientIds', 'exports', 'itemIssueIds', 'cited']),
    );
    expect(fields('nope')).toEqual([]);
  });
});

describe('the form of a list value', () => {
  it('wants arrays where the shape has lists', () => {
    const raci = listFieldShapes('ownershipArea').get('raci') as MergeShape;
    expect(fitsShape('list', [])).toBe(true);
    expect(fitsShape('list', 'a')).toBe(false);
    expect(fitsShape('list', null)).toBe(false);
    const ok = { accountableId: null, responsibleIds: [], consultedIds: [], informedIds: [] };
    expect(fitsShape(raci, ok)).toBe(true);
    expect(fitsShape(raci, { ...ok, informedIds: 'x' })).toBe(false);
    expect(fitsShape(raci, [])).toBe(false);
    expect(fitsShape('value', 'anything')).toBe(true);
  });
});

describe('merging a list', () => {
  it('keeps two concurrent additions', () => {
    const base = edit(1, null, ['a']);
    const mine = edit(2, ['a'], ['a', 'b']);
    const theirs = edit(3, ['a'], ['a', 'c']);
    expect(mergeFieldEdits('list', [base, mine, theirs])).toEqual(['a', 'c', 'b']);
    expect(mergeFieldEdits('list', [theirs, base, mine])).toEqual(['a', 'c', 'b']);
  });

  it('lets a removal win over the additions it had seen, not over a later one', () => {
    const base = edit(1, null, ['a', 'b']);
    const removeA = edit(2, ['a', 'b'], ['b']);
    const addC = edit(3, ['a', 'b'], ['a', 'b', 'c']);
    // addC did not re-add a (a was in its old): the removal stands.
    expect(mergeFieldEdits('list', [base, removeA, addC])).toEqual(['b', 'c']);
    // a re-added after its removal (later HLC) is back.
    const readd = edit(4, ['b'], ['b', 'a']);
    expect(mergeFieldEdits('list', [base, removeA, addC, readd])).toEqual(['b', 'a', 'c']);
  });

  it('is the latest value when the edits form one chain (order kept)', () => {
    const a = edit(1, null, ['x', 'y']);
    const b = edit(2, ['x', 'y'], ['y', 'x', 'z']);
    expect(mergeFieldEdits('list', [b, a])).toEqual(['y', 'x', 'z']);
  });

  it('merges lists of objects (links, evidence) by value', () => {
    const link = (id: string) => ({ entity: 'risk', id });
    const base = edit(1, null, [link('1')]);
    const mine = edit(2, [link('1')], [link('1'), link('2')]);
    const theirs = edit(3, [{ id: '1', entity: 'risk' }], [link('1'), link('3')]);
    expect(mergeFieldEdits('list', [base, mine, theirs])).toEqual([
      link('1'),
      link('3'),
      link('2'),
    ]);
  });

  it('merges an object key by key: lists as sets, other keys by their last writer', () => {
    const shape = listFieldShapes('ownershipArea').get('raci') as MergeShape;
    const raci = (accountableId: string | null, responsibleIds: string[]) => ({
      accountableId,
      responsibleIds,
      consultedIds: [],
      informedIds: [],
    });
    const base = edit(1, null, raci(null, []));
    const setAccountable = edit(2, raci(null, []), raci('boss', []));
    const addAnna = edit(3, raci(null, []), raci(null, ['anna']));
    expect(mergeFieldEdits(shape, [base, setAccountable, addAnna])).toEqual(raci('boss', ['anna']));
  });
});

/** A random history: devices edit their own view of a list and exchange edits at random. */
const historyArb = fc
  .array(
    fc.record({
      device: fc.nat(2),
      kind: fc.constantFrom('add', 'remove', 'sync'),
      element: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      from: fc.nat(2),
    }),
    { maxLength: 25 },
  )
  .map((steps) => {
    const all: FieldEdit[] = [edit(0, null, ['a'], 'c-create')];
    const known: FieldEdit[][] = [[...all], [...all], [...all]];
    const additions: { edit: FieldEdit; element: string }[] = [];
    steps.forEach((step, t) => {
      const mine = known[step.device] as FieldEdit[];
      if (step.kind === 'sync') {
        for (const e of known[step.from] as FieldEdit[]) if (!mine.includes(e)) mine.push(e);
        return;
      }
      const current = mergeFieldEdits('list', mine) as string[];
      const next =
        step.kind === 'add'
          ? current.includes(step.element)
            ? current
            : [...current, step.element]
          : current.filter((x) => x !== step.element);
      if (next === current || next.length === current.length) return;
      const made = edit(t + 1, current, next, `c-${String(t).padStart(3, '0')}-${step.device}`);
      mine.push(made);
      all.push(made);
      if (step.kind === 'add') additions.push({ edit: made, element: step.element });
    });
    return { all, additions };
  });

describe('list merge properties (fast-check, fixed seed)', () => {
  it('gives the same list in any order and with duplicates', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.nat()), ({ all }, keys) => {
        const reference = mergeFieldEdits('list', all);
        const shuffled = all
          .map((e, i) => ({ e, k: keys[i % Math.max(1, keys.length)] ?? i }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        expect(mergeFieldEdits('list', shuffled)).toEqual(reference);
        expect(mergeFieldEdits('list', [...shuffled, ...all])).toEqual(reference);
      }),
      FC,
    );
  });

  it('loses no addition that no later edit removed', () => {
    fc.assert(
      fc.property(historyArb, ({ all, additions }) => {
        const merged = mergeFieldEdits('list', all) as string[];
        for (const { edit: added, element } of additions) {
          const removedLater = all.some(
            (e) =>
              (e.hlc > added.hlc || (e.hlc === added.hlc && e.id > added.id)) &&
              (e.old as string[]).includes(element) &&
              !(e.new as string[]).includes(element),
          );
          if (!removedLater) expect(merged).toContain(element);
        }
        expect(new Set(merged).size).toBe(merged.length);
      }),
      FC,
    );
  });

  it('keeps, in the deciding edits, everything the merge needs (snapshots)', () => {
    fc.assert(
      fc.property(historyArb, ({ all }) => {
        const kept = [...decidingEdits('list', all)];
        expect(mergeFieldEdits('list', kept)).toEqual(mergeFieldEdits('list', all));
      }),
      FC,
    );
  });

  it('is the latest value for a single device (no concurrency)', () => {
    fc.assert(
      fc.property(fc.array(fc.subarray(['a', 'b', 'c', 'd'])), (values) => {
        const edits: FieldEdit[] = [];
        let previous: unknown = null;
        values.forEach((value, t) => {
          edits.push(edit(t, previous, value));
          previous = value;
        });
        const expected = values.length === 0 ? undefined : values[values.length - 1];
        expect(mergeFieldEdits('list', edits)).toEqual(expected);
      }),
      FC,
    );
  });
});

describe('merging an object holding lists (an area’s raci), fast-check', () => {
  const shape = listFieldShapes('ownershipArea').get('raci') as MergeShape;
  const people = ['p1', 'p2', 'p3', 'p4'];
  /** Random edits from random earlier states: each sets the accountable or toggles someone. */
  const raciHistory = fc
    .array(
      fc.record({
        from: fc.nat(),
        list: fc.constantFrom('responsibleIds', 'consultedIds', 'informedIds', 'accountableId'),
        who: fc.constantFrom(...people),
      }),
      { maxLength: 20 },
    )
    .map((steps) => {
      const empty = { accountableId: null, responsibleIds: [], consultedIds: [], informedIds: [] };
      const edits: FieldEdit[] = [edit(0, null, empty, 'r-create')];
      steps.forEach((step, t) => {
        const base = edits[step.from % edits.length] as FieldEdit;
        const old = base.new as Record<string, unknown>;
        const next = { ...old };
        if (step.list === 'accountableId') next.accountableId = step.who;
        else {
          const list = old[step.list] as string[];
          next[step.list] = list.includes(step.who)
            ? list.filter((p) => p !== step.who)
            : [...list, step.who];
        }
        edits.push(edit(t + 1, old, next, `r-${String(t).padStart(3, '0')}`));
      });
      return edits;
    });

  it('gives the same raci in any order, and the deciding edits give it too', () => {
    fc.assert(
      fc.property(raciHistory, fc.array(fc.nat()), (edits, keys) => {
        const reference = mergeFieldEdits(shape, edits);
        const shuffled = edits
          .map((e, i) => ({ e, k: keys[i % Math.max(1, keys.length)] ?? i }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        expect(mergeFieldEdits(shape, shuffled)).toEqual(reference);
        expect(mergeFieldEdits(shape, [...decidingEdits(shape, edits)])).toEqual(reference);
        // the accountable is the last one set
        const setters = edits.filter(
          (e) =>
            (e.old as { accountableId?: unknown } | null)?.accountableId !==
            (e.new as { accountableId: unknown }).accountableId,
        );
        const last = setters.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0)).pop();
        expect((reference as { accountableId: unknown }).accountableId).toEqual(
          (last?.new as { accountableId: unknown } | undefined)?.accountableId ?? null,
        );
      }),
      FC,
    );
  });
});
