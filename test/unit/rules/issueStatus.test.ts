import { describe, expect, it } from 'vitest';
import { statusAfterAnswersChanged } from '../../../shared/rules/issueStatus';
import { ack, deleted, issue, uid } from './fixtures';

const CTO = uid(1);
const CEO = uid(2);
const DELEGATE = uid(3);

describe('the status after an answer was corrected, deleted or restored', () => {
  const toBoth = issue(100, { raisedToIds: [CTO, CEO], status: 'acknowledged' });

  it('an acknowledged issue goes back to raised when an addressee is no longer answered', () => {
    const cto = ack(200, { byId: CTO });
    const ceo = ack(201, { byId: CEO });
    expect(statusAfterAnswersChanged(toBoth, [cto, ceo])).toBe('acknowledged');
    expect(statusAfterAnswersChanged(toBoth, [cto, deleted(ceo)])).toBe('raised');
    // corrected: the CEO's answer was in fact her delegate's, given for nobody
    expect(statusAfterAnswersChanged(toBoth, [cto, { ...ceo, byId: DELEGATE }])).toBe('raised');
  });

  it('a raised issue becomes acknowledged when a correction completes the answers', () => {
    const raised = { ...toBoth, status: 'raised' as const };
    const cto = ack(200, { byId: CTO });
    const forCeo = ack(201, { byId: DELEGATE, onBehalfOfId: CEO });
    expect(statusAfterAnswersChanged(raised, [cto, forCeo])).toBe('acknowledged');
    expect(statusAfterAnswersChanged(raised, [cto])).toBe('raised');
    // raised to nobody: nothing to complete
    expect(statusAfterAnswersChanged({ ...raised, raisedToIds: [] }, [])).toBe('raised');
  });

  it('keeps a status that was a decision', () => {
    for (const status of ['declined', 'risk_accepted', 'actioned', 'resolved'] as const) {
      expect(statusAfterAnswersChanged({ ...toBoth, status }, [])).toBe(status);
    }
  });
});
