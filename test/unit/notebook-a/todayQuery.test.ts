import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids';
import { buildSampleEngagement } from '../../../shared/sample';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { loadToday } from '../../../renderer/db/queries/today';
import { openTestStore } from '../db/helpers';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const TODAY = '2026-11-26';

describe('Today over the stored engagements', () => {
  let db: WorkbenchDB | undefined;
  afterEach(() => db?.close());

  it('lists the sample’s overdue answers per person, and nothing once the engagement is archived', async () => {
    const opened = await openTestStore({ now: () => NOW });
    db = opened.db;
    const data = buildSampleEngagement({ now: NOW, newId });
    await opened.store.importEngagement(data);

    const list = await loadToday(db, TODAY);
    expect(list.engagementCount).toBe(1);
    const answers = list.groups.find((g) => g.kind === 'answer-overdue')?.items ?? [];
    const batch = answers.filter((i) => i.title.startsWith('The weekly batch jobs'));
    expect(batch.map((i) => i.personName).sort()).toEqual(['Helen Okafor', 'Tomasz Reilly']);
    expect(answers.some((i) => i.personName === 'Victor Hale')).toBe(true);
    expect(answers.every((i) => i.engagementId === data.engagement.id)).toBe(true);

    await opened.store.engagements.archive(data.engagement.id);
    const archived = await loadToday(db, TODAY);
    expect(archived).toEqual({ groups: [], total: 0, engagementCount: 0, hasRecords: false });
  });
});
