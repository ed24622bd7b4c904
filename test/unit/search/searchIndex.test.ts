import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../shared/search/searchIndex';
import { toSearchDocument } from '../../../shared/search/searchDocument';
import { ENG, OTHER_ENG, deleted, issue, note, stakeholder, ack, uid } from '../rules/fixtures';

const titles = (index: SearchIndex, query: string) => index.search(query).map((h) => h.doc.title);

describe('toSearchDocument', () => {
  it('takes the headline and the text fields, and skips deleted records', () => {
    const doc = toSearchDocument(
      'raisedIssue',
      issue(1, {
        title: 'Disk nearly full',
        condition: 'The data volume is at 91%.',
        evidence: [{ kind: 'quote', text: 'We saw it Monday.' }],
      }),
    );
    expect(doc).toMatchObject({
      id: `raisedIssue:${uid(1)}`,
      entity: 'raisedIssue',
      engagementId: ENG,
      title: 'Disk nearly full',
    });
    expect(doc?.body).toContain('91%');
    expect(doc?.body).toContain('We saw it Monday.');
    expect(toSearchDocument('note', deleted(note(2)))).toBeNull();
    expect(toSearchDocument('note', null)).toBeNull();
    expect(toSearchDocument('note', { id: 5 })).toBeNull();
  });

  it('names an acknowledgement by its quote and remembers its issue', () => {
    const doc = toSearchDocument('acknowledgement', ack(3, { quote: '' }));
    expect(doc?.title).toBe('Acknowledgement');
    expect(doc?.parentId).toBe(uid(100));
  });
});

describe('SearchIndex', () => {
  it('adds, replaces and removes records one at a time', () => {
    const index = new SearchIndex();
    index.apply('note', uid(1), note(1, { title: 'Weekly batch jobs failed' }));
    index.apply('note', uid(2), note(2, { title: 'Disk alerts', body: 'batch window overlaps' }));
    expect(index.size).toBe(2);
    expect(titles(index, 'batch')).toEqual(['Weekly batch jobs failed', 'Disk alerts']);

    // Update: the old words are gone, the new ones found.
    index.apply('note', uid(1), note(1, { title: 'Weekly reports delayed' }));
    expect(titles(index, 'batch')).toEqual(['Disk alerts']);
    expect(titles(index, 'delayed')).toEqual(['Weekly reports delayed']);
    expect(index.size).toBe(2);

    // Soft delete removes it; restore brings it back; a vanished record is removed.
    index.apply('note', uid(2), deleted(note(2, { title: 'Disk alerts', body: 'batch' })));
    expect(titles(index, 'batch')).toEqual([]);
    index.apply('note', uid(2), note(2, { title: 'Disk alerts', body: 'batch' }));
    expect(titles(index, 'batch')).toEqual(['Disk alerts']);
    index.apply('note', uid(2), undefined);
    expect(index.size).toBe(1);
    expect(titles(index, 'disk')).toEqual([]);
    index.remove('note:nothing-here');
    expect(index.size).toBe(1);
  });

  it('keys records by entity and id, so equal ids of two kinds do not clash', () => {
    const index = new SearchIndex();
    index.apply('note', uid(7), note(7, { title: 'Backup host' }));
    index.apply('decision', uid(7), { ...note(7), title: 'Backup decision', rationale: '' });
    expect(index.size).toBe(2);
    expect(
      index
        .search('backup')
        .map((h) => h.doc.entity)
        .sort(),
    ).toEqual(['decision', 'note']);
  });

  it('ranks title matches above body matches, and needs every word', () => {
    const index = new SearchIndex();
    index.addAll('note', [
      note(1, { title: 'Minutes', body: 'We talked about the backup rotation at length.' }),
      note(2, { title: 'Backup rotation', body: 'Short.' }),
      note(3, { title: 'Backup owner', body: 'Nothing about the other word.' }),
    ]);
    expect(titles(index, 'backup rotation')).toEqual(['Backup rotation', 'Minutes']);
    expect(titles(index, 'backup')[0]).toMatch(/^Backup/);
  });

  it('matches the typed prefix and small typos in longer words', () => {
    const index = new SearchIndex();
    index.addAll('stakeholder', [
      stakeholder(1, { name: 'Victor Hale', title: 'Chief Technology Officer' }),
      stakeholder(2, { name: 'Margaret Oduya', title: 'Chief Executive Officer' }),
    ]);
    expect(titles(index, 'vic')).toEqual(['Victor Hale']);
    expect(titles(index, 'technolgy')).toEqual(['Victor Hale']);
    const hit = index.search('chief')[0];
    expect(hit?.terms).toEqual(['chief']);
  });

  it('searches every engagement, and can keep to some kinds of records', () => {
    const index = new SearchIndex();
    index.apply('note', uid(1), note(1, { title: 'Runbook review' }));
    index.apply('note', uid(2), {
      ...note(2, { title: 'Runbook draft' }),
      engagementId: OTHER_ENG,
    });
    index.apply('raisedIssue', uid(3), issue(3, { title: 'Runbook missing' }));
    expect(index.search('runbook')).toHaveLength(3);
    expect(new Set(index.search('runbook').map((h) => h.doc.engagementId))).toEqual(
      new Set([ENG, OTHER_ENG]),
    );
    expect(titles(index, 'runbook').length).toBe(3);
    expect(index.search('runbook', { entities: ['raisedIssue'] }).map((h) => h.doc.title)).toEqual([
      'Runbook missing',
    ]);
    expect(index.search('runbook', { limit: 1 })).toHaveLength(1);
  });

  it('takes hostile and odd text as plain words', () => {
    const index = new SearchIndex();
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(1)> (.*+?^${}|[]\\';
    index.apply('note', uid(1), note(1, { title: 'Odd one', body: hostile }));
    index.apply('note', uid(2), note(2, { title: 'Ünïcödé façade — naïve café 数据库' }));
    expect(titles(index, 'script')).toEqual(['Odd one']);
    expect(titles(index, 'onerror')).toEqual(['Odd one']);
    expect(() => index.search('(.*+?^${}|[]\\')).not.toThrow();
    expect(index.search('   ')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(titles(index, 'café')).toEqual(['Ünïcödé façade — naïve café 数据库']);
    expect(titles(index, 'x'.repeat(5_000))).toEqual([]);
  });

  it('indexes in chunks for the first load', async () => {
    const index = new SearchIndex();
    const notes = Array.from({ length: 1_200 }, (_, i) =>
      note(i + 1, { title: `Note ${i + 1}`, body: i % 2 ? 'even rarer' : 'common' }),
    );
    await index.addAllAsync('note', [...notes, deleted(note(5_000, { title: 'gone' }))], 250);
    expect(index.size).toBe(1_200);
    expect(index.search('rarer', { limit: 10_000 })).toHaveLength(600);
    expect(index.search('gone')).toEqual([]);
  });
});
