import { describe, expect, it } from 'vitest';
import { softDisabled } from '../../../renderer/src/lib/softDisabled';

describe('softDisabled', () => {
  it('is aria-disabled and ignores clicks while off', () => {
    let clicks = 0;
    const props = softDisabled(true, () => void (clicks += 1));
    expect(props['aria-disabled']).toBe(true);
    props.onClick();
    expect(clicks).toBe(0);
  });

  it('has no aria-disabled and runs the action while on', () => {
    let clicks = 0;
    const props = softDisabled(false, () => void (clicks += 1));
    expect(props['aria-disabled']).toBeUndefined();
    props.onClick();
    expect(clicks).toBe(1);
  });
});
