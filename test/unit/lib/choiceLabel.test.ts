import { describe, expect, it } from 'vitest';
import { choiceLabel } from '../../../renderer/src/lib/choiceLabel';

describe('choiceLabel', () => {
  it('turns a stored choice into words with a capital first letter', () => {
    expect(choiceLabel('risk_accepted')).toBe('Risk accepted');
    expect(choiceLabel('open')).toBe('Open');
    expect(choiceLabel('not_yet_due_now')).toBe('Not yet due now');
  });

  it('leaves an empty value empty', () => {
    expect(choiceLabel('')).toBe('');
  });
});
