import { afterEach, describe, expect, it } from 'vitest';
import { parseArchiveText } from '../../../shared/archive';
import {
  buildMemo,
  defaultResponsibility,
  engagementResponsibility,
  renderMemoMarkdown,
} from '../../../shared/memo';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { importArchiveText } from '../../../renderer/db/archive';
import { listDeviceChangesSince } from '../../../renderer/db/queries/changes';
import { applyChanges } from '../../../renderer/db/sync/applyChanges';
import { exportText, storeSample } from '../archive/helpers';
import { OTHER_DEVICE_ID, engagementInput, openTestStore } from '../db/helpers';
import { sample, sampleMemoOptions } from './fixtures';

const opened: WorkbenchDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const OWN = 'Northwind management, not the consultant, decides whether to act on this advice.';

async function store(deviceId?: string) {
  const s = await openTestStore(deviceId ? { deviceId } : {});
  opened.push(s.db);
  return s;
}

describe('engagement memo responsibility wording', () => {
  it("is the memo's default; a memo's own wording wins; absent gives the standard one", () => {
    const data = sample();
    const wording = {
      client: data.engagement.client,
      engagementTitle: data.engagement.title,
      engagementScope: data.engagement.scope,
    };
    const standard = buildMemo(data, sampleMemoOptions(data)).memo.responsibility;
    expect(standard).toBe(defaultResponsibility(wording));
    expect(engagementResponsibility({ ...wording, memoResponsibility: '  ' })).toBe(standard);

    const withOwn = { ...data, engagement: { ...data.engagement, memoResponsibility: OWN } };
    const built = buildMemo(withOwn, sampleMemoOptions(withOwn)).memo;
    expect(built.responsibility).toBe(OWN);
    expect(renderMemoMarkdown(built, { fingerprint: 'f'.repeat(64), state: 'draft' })).toContain(
      'Northwind management, not the consultant',
    );
    const overridden = buildMemo(withOwn, {
      ...sampleMemoOptions(withOwn),
      responsibility: 'This memo only.',
    }).memo;
    expect(overridden.responsibility).toBe('This memo only.');
  });

  it('is stored and logged by the repository; an engagement without it keeps working', async () => {
    const { db, store: s } = await store();
    const e = await s.engagements.create(engagementInput);
    expect('memoResponsibility' in e).toBe(false);
    // editing another field of an engagement without the wording logs nothing about it
    await s.engagements.update(e.id, { title: 'Database review' });
    const history = await s.changes.forRecord('engagement', e.id);
    expect(history.flatMap((c) => c.changes.map((f) => f.field))).not.toContain(
      'memoResponsibility',
    );
    const updated = await s.engagements.update(e.id, { memoResponsibility: OWN });
    expect(updated.memoResponsibility).toBe(OWN);
    expect((await db.engagements.get(e.id))?.memoResponsibility).toBe(OWN);
    const last = (await s.changes.forRecord('engagement', e.id)).at(-1);
    expect(last?.changes).toEqual([{ field: 'memoResponsibility', old: null, new: OWN }]);
    await expect(
      s.engagements.update(e.id, { memoResponsibility: 'x'.repeat(20_001) }),
    ).rejects.toThrow(/memoResponsibility must be at most 20000 characters/);
  });

  it('travels in an archive: export, parse and import keep it', async () => {
    const a = await store();
    const engagementId = await storeSample(a.store);
    await a.store.engagements.update(engagementId, { memoResponsibility: OWN });
    const exported = await exportText(a.db, engagementId);
    const parsed = await parseArchiveText(exported.text, exported.fileName);
    expect(parsed.content.engagement.memoResponsibility).toBe(OWN);
    const b = await store(OTHER_DEVICE_ID);
    await importArchiveText(b.store, exported.text, exported.fileName);
    expect((await b.db.engagements.get(engagementId))?.memoResponsibility).toBe(OWN);
  });

  it('syncs as one more engagement field (last writer wins)', async () => {
    const a = await store();
    const b = await store(OTHER_DEVICE_ID);
    const e = await a.store.engagements.create(engagementInput);
    await a.store.engagements.update(e.id, { memoResponsibility: OWN });
    const result = await applyChanges(
      b.db,
      await listDeviceChangesSince(a.db, a.store.deviceId, 0),
      {
        deviceId: OTHER_DEVICE_ID,
        now: () => new Date('2026-03-02T12:00:00.000Z'),
      },
    );
    expect(result.parked).toBe(0);
    expect((await b.db.engagements.get(e.id))?.memoResponsibility).toBe(OWN);
  });
});
