import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffLines, MAX_CELLS } from '../../../shared/sync/textDiff';

const changed = (lines: { text: string; kind: string }[]) =>
  lines.filter((l) => l.kind === 'changed').map((l) => l.text);

describe('line diff of a conflict', () => {
  it('marks the lines only one side has', () => {
    const d = diffLines('intro\nmine only\nshared\nend', 'intro\nshared\ntheirs only\nend');
    expect(changed(d.left)).toEqual(['mine only']);
    expect(changed(d.right)).toEqual(['theirs only']);
    expect(d.left.map((l) => l.text)).toEqual(['intro', 'mine only', 'shared', 'end']);
  });

  it('shows non-text values as JSON', () => {
    const d = diffLines(['a', 'b'], ['a', 'c']);
    expect(changed(d.left)).toEqual(['  "b"']);
    expect(changed(d.right)).toEqual(['  "c"']);
  });

  it('marks a huge middle as replaced whole instead of computing a huge table', () => {
    const big = (tag: string) => Array.from({ length: 600 }, (_, i) => `${tag}${i}`).join('\n');
    expect(600 * 600).toBeGreaterThan(MAX_CELLS);
    const d = diffLines(`same\n${big('x')}`, `same\n${big('y')}`);
    expect(changed(d.left)).toHaveLength(600);
    expect(d.left[0]).toEqual({ text: 'same', kind: 'same' });
  });

  it('keeps every line of each side, in order, and the same lines are common to both (fast-check)', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (x, y) => {
        const d = diffLines(x.join('\n'), y.join('\n'));
        expect(d.left.map((l) => l.text)).toEqual(x.join('\n').split('\n'));
        expect(d.right.map((l) => l.text)).toEqual(y.join('\n').split('\n'));
        const same = (side: typeof d.left) =>
          side.filter((l) => l.kind === 'same').map((l) => l.text);
        expect(same(d.left)).toEqual(same(d.right));
        if (x.join('\n') === y.join('\n')) expect(changed(d.left)).toEqual([]);
      }),
      { seed: 1207, numRuns: 300 },
    );
  });
});
