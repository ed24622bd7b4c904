import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../shared/encoding/concatBytes';

describe('concatBytes', () => {
  it('joins any parts in order, views of larger buffers included', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 50 }), { maxLength: 6 }), (parts) => {
        const views = parts.map((p) => {
          const wide = new Uint8Array(p.length + 4);
          wide.set(p, 2);
          return wide.subarray(2, 2 + p.length);
        });
        expect([...concatBytes(views)]).toEqual(parts.flatMap((p) => [...p]));
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });
});
