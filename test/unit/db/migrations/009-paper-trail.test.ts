import { afterEach, describe, expect, it } from 'vitest';
import type Dexie from 'dexie';
import { acknowledgementSchema } from '../../../../shared/model';
import { isFullyAcknowledged } from '../../../../shared/rules';
import { uniqueDbName } from '../helpers';
import { openAtVersion } from './helpers';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const uid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('migration 009: the paper trail (answers per addressee, follow-ups, routing)', () => {
  it('reads an old acknowledgement as the answerer’s own answer only', async () => {
    const name = uniqueDbName('m009');
    const old = openAtVersion(name, 8);
    await old.open();
    const legacy = {
      id: uid(200),
      createdAt: '2026-03-03T10:00:00.000Z',
      updatedAt: '2026-03-04T10:00:00.000Z',
      deletedAt: null,
      engagementId: uid(999),
      raisedIssueId: uid(100),
      memoId: null,
      memoVersion: null,
      byId: uid(2),
      at: '2026-03-03T10:00:00.000Z',
      channel: 'email',
      response: 'received',
      quote: 'I will take this to the CTO.',
      conditions: '',
      expiresOn: null,
    };
    await old.table('acknowledgements').put(legacy);
    old.close();

    const db = openAtVersion(name, 9);
    opened.push(db);
    await db.open();
    const stored = (await db.table('acknowledgements').get(uid(200))) as Record<string, unknown>;
    expect(stored).toEqual({ ...legacy, onBehalfOfId: null, memoFingerprint: null });
    const ack = acknowledgementSchema.parse(stored);
    // raised to the CTO (1); the architect's (2) old answer does not cover the CTO
    const issue = { id: uid(100), raisedToIds: [uid(1)], raisedAt: legacy.at };
    expect(isFullyAcknowledged(issue, [ack])).toBe(false);
    expect(isFullyAcknowledged({ ...issue, raisedToIds: [uid(2)] }, [ack])).toBe(true);
  });

  it('gives old issues no follow-ups and old stakeholders no routing marks', async () => {
    const name = uniqueDbName('m009b');
    const old = openAtVersion(name, 8);
    await old.open();
    await old.table('raisedIssues').put({ id: uid(100), title: 'Disk' });
    await old.table('stakeholders').put({ id: uid(1), name: 'Victor Hale' });
    old.close();
    const db = openAtVersion(name, 9);
    opened.push(db);
    await db.open();
    expect(await db.table('raisedIssues').get(uid(100))).toEqual({
      id: uid(100),
      title: 'Disk',
      followUps: [],
    });
    expect(await db.table('stakeholders').get(uid(1))).toEqual({
      id: uid(1),
      name: 'Victor Hale',
      escalationPoint: 'none',
      escalationAreaIds: [],
      escalationsOnlyToMe: false,
      delegateForIds: [],
    });
  });
});
