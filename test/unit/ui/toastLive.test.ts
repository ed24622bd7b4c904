import { describe, expect, it } from 'vitest';
import { toastLiveProps } from '../../../renderer/src/components/toastLive';

describe('toastLiveProps', () => {
  it('reads an error at once and anything else politely', () => {
    expect(toastLiveProps({ tone: 'error' })).toEqual({ role: 'alert' });
    expect(toastLiveProps({ tone: 'success' })).toEqual({ role: 'status' });
    expect(toastLiveProps({ tone: 'info', announced: false })).toEqual({ role: 'status' });
  });

  it('keeps silent a toast the live region has already said, errors included', () => {
    for (const tone of ['info', 'success', 'error'] as const) {
      expect(toastLiveProps({ tone, announced: true })).toEqual({
        role: 'status',
        'aria-live': 'off',
      });
    }
  });
});
