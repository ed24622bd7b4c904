import { describe, expect, it } from 'vitest';
import { SearchIndex, TOTAL_CAP } from '../../../shared/search/searchIndex';
import { toSearchDocument } from '../../../shared/search/searchDocument';
import { searchTokens } from '../../../shared/search/searchTokens';
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

    // Update: the old words are gone (whole and as prefixes), the new ones found.
    index.apply('note', uid(1), note(1, { title: 'Weekly reports delayed' }));
    expect(titles(index, 'batch')).toEqual(['Disk alerts']);
    expect(titles(index, 'fail')).toEqual([]);
    expect(titles(index, 'delayed')).toEqual(['Weekly reports delayed']);
    expect(titles(index, 'rep')).toEqual(['Weekly reports delayed']);
    expect(index.size).toBe(2);
    expect(index.get('note', uid(1))?.title).toBe('Weekly reports delayed');

    // Soft delete removes it; restore brings it back; a vanished record is removed.
    index.apply('note', uid(2), deleted(note(2, { title: 'Disk alerts', body: 'batch' })));
    expect(titles(index, 'batch')).toEqual([]);
    expect(index.has('note', uid(2))).toBe(false);
    index.apply('note', uid(2), note(2, { title: 'Disk alerts', body: 'batch' }));
    expect(titles(index, 'batch')).toEqual(['Disk alerts']);
    index.apply('note', uid(2), undefined);
    expect(index.size).toBe(1);
    expect(titles(index, 'disk')).toEqual([]);
    expect(titles(index, 'di')).toEqual([]);
    index.remove('note:nothing-here');
    expect(index.size).toBe(1);
  });

  it('replaces a record changed many times without leaving stale words behind', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 50; i += 1) {
      index.apply('note', uid(1), note(1, { title: `Revision word${i}`, body: `body${i}` }));
    }
    expect(index.size).toBe(1);
    expect(titles(index, 'word49')).toEqual(['Revision word49']);
    expect(titles(index, 'word48')).toEqual([]);
    expect(titles(index, 'body48')).toEqual([]);
    expect(index.query('revision').total).toBe(1);
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
    index.remove(`note:${uid(7)}`);
    expect(titles(index, 'backup')).toEqual(['Backup decision']);
  });

  it('ranks title matches above body matches, and needs every word', () => {
    const index = new SearchIndex();
    index.addAll('note', [
      note(1, { title: 'Minutes', body: 'We talked about the backup rotation at length.' }),
      note(2, { title: 'Backup rotation', body: 'Short.' }),
      note(3, { title: 'Backup owner', body: 'Nothing about the other word.' }),
      note(4, { title: 'Rotation plan', body: 'Covers the backup too.' }),
    ]);
    // Every word in the title first; then the others, the earlier their words the better.
    expect(titles(index, 'backup rotation')).toEqual([
      'Backup rotation',
      'Rotation plan',
      'Minutes',
    ]);
    expect(titles(index, 'backup')[0]).toMatch(/^Backup/);
    expect(titles(index, 'backup').slice(0, 2).sort()).toEqual(['Backup owner', 'Backup rotation']);
    expect(titles(index, 'backup owner')).toEqual(['Backup owner']);
    expect(titles(index, 'backup nowhere')).toEqual([]);
  });

  it('ranks a title match first even when the body mentions the word early and often', () => {
    const index = new SearchIndex();
    index.addAll('note', [
      note(1, { title: 'Weekly summary', body: 'escalation escalation escalation' }),
      note(2, {
        title: 'Status of the escalation memo',
        body: 'A long text without the word. '.repeat(20),
      }),
    ]);
    expect(titles(index, 'escalation')).toEqual([
      'Status of the escalation memo',
      'Weekly summary',
    ]);
  });

  it('matches every word as a prefix, and reports the matched words as written', () => {
    const index = new SearchIndex();
    index.addAll('stakeholder', [
      stakeholder(1, { name: 'Victor Hale', title: 'Chief Technology Officer' }),
      stakeholder(2, { name: 'Margaret Oduya', title: 'Chief Executive Officer' }),
    ]);
    expect(titles(index, 'vic')).toEqual(['Victor Hale']);
    expect(titles(index, 'chief tech')).toEqual(['Victor Hale']);
    expect(titles(index, 'ch te of')).toEqual(['Victor Hale']);
    expect(titles(index, 'VICTOR')).toEqual(['Victor Hale']);
    expect(index.search('chief')[0]?.terms).toEqual(['Chief']);
    // The whole words a prefix matched, so a highlight marks "Technology", not every "t".
    expect(index.search('vic t')[0]?.terms).toEqual(['Victor', 'Technology']);
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
    expect(index.search('runbook', { entities: ['raisedIssue'] }).map((h) => h.doc.title)).toEqual([
      'Runbook missing',
    ]);
    expect(index.query('runbook', { entities: ['raisedIssue'] }).total).toBe(1);
    expect(index.search('runbook', { limit: 1 })).toHaveLength(1);
    expect(index.query('runbook', { limit: 1 }).total).toBe(3);
    expect(index.query('r', { minLength: 2 }).hits).toEqual([]);
  });

  it('leaves out records whose engagement is not in the index when asked', () => {
    const index = new SearchIndex();
    index.apply('engagement', ENG, {
      id: ENG,
      client: 'Northwind',
      title: 'Audit',
      deletedAt: null,
    });
    index.apply('note', uid(1), note(1, { title: 'Runbook review' }));
    index.apply('note', uid(2), {
      ...note(2, { title: 'Runbook draft' }),
      engagementId: OTHER_ENG,
    });
    expect(titles(index, 'runbook')).toHaveLength(2);
    expect(index.search('runbook', { withEngagementOnly: true }).map((h) => h.doc.title)).toEqual([
      'Runbook review',
    ]);
    expect(index.query('runbook', { withEngagementOnly: true }).total).toBe(1);
    // The engagement deleted: its records drop out of such searches.
    index.apply('engagement', ENG, undefined);
    expect(index.query('runbook', { withEngagementOnly: true }).total).toBe(0);
  });

  it('remembers answers until the index changes', () => {
    const index = new SearchIndex();
    index.apply('note', uid(1), note(1, { title: 'Backup owner' }));
    const first = index.query('backup');
    expect(index.query('backup')).toBe(first);
    expect(index.query('backup', { limit: 5 })).not.toBe(first);

    index.apply('note', uid(2), note(2, { title: 'Backup window' }));
    const second = index.query('backup');
    expect(second).not.toBe(first);
    expect(second.total).toBe(2);

    index.remove(`note:${uid(1)}`);
    expect(index.query('backup').hits.map((h) => h.doc.title)).toEqual(['Backup window']);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.query('backup').total).toBe(0);
  });

  it('counts matches exactly up to the cap, then says there are more', () => {
    const index = new SearchIndex();
    const many = Array.from({ length: TOTAL_CAP + 200 }, (_, i) =>
      note(i + 1, { title: `Batch run ${i + 1}`, body: i % 2 ? 'odd' : 'even' }),
    );
    index.addAll('note', many);
    const all = index.query('batch', { limit: 30 });
    expect(all.hits).toHaveLength(30);
    expect(all.total).toBe(TOTAL_CAP);
    expect(all.capped).toBe(true);
    const half = index.query('batch even', { limit: 30 });
    expect(half.total).toBe(600);
    expect(half.capped).toBe(false);
    // Filters apply before counting.
    index.apply('raisedIssue', uid(5_000), issue(5_000, { title: 'Batch failure' }));
    expect(index.query('batch', { entities: ['raisedIssue'] })).toMatchObject({
      total: 1,
      capped: false,
    });
    // Asking for more results than the cap counts them all.
    const big = index.query('batch', { limit: 5_000 });
    expect(big.hits).toHaveLength(TOTAL_CAP + 201);
    expect(big.total).toBe(TOTAL_CAP + 201);
    expect(big.capped).toBe(false);
  });

  it('corrects a mistyped word when nothing matches, and says so', () => {
    const index = new SearchIndex();
    index.addAll('stakeholder', [
      stakeholder(1, { name: 'Victor Hale', title: 'Chief Technology Officer' }),
    ]);
    index.apply('note', uid(2), note(2, { title: 'Escalation memo sent', body: 'Runbook gaps' }));

    const typo = index.query('technolgy');
    expect(typo.hits.map((h) => h.doc.title)).toEqual(['Victor Hale']);
    expect(typo.correctedQuery).toBe('technology');
    expect(typo.hits[0]?.terms).toEqual(['Technology']);

    // 5 to 7 letters: one edit (a swap of neighbours is one); 8 or more: two.
    expect(index.query('runbok').correctedQuery).toBe('runbook');
    expect(index.query('rnubook').correctedQuery).toBe('runbook');
    expect(index.query('runbk').correctedQuery).toBeNull();
    expect(index.query('escalaton').correctedQuery).toBe('escalation');
    expect(index.query('esclaton').correctedQuery).toBe('escalation');
    expect(index.query('esclatn').total).toBe(0);
    // Correct words are kept as typed; only the unknown one changes.
    const mixed = index.query('Memo escalatoin');
    expect(mixed.correctedQuery).toBe('Memo escalation');
    expect(mixed.hits.map((h) => h.doc.title)).toEqual(['Escalation memo sent']);
    // Short words and words with digits are never corrected; exact matches are not corrected.
    expect(index.query('memx').correctedQuery).toBeNull();
    expect(index.query('runb00k').correctedQuery).toBeNull();
    expect(index.query('runbook').correctedQuery).toBeNull();
    // A word that starts an indexed word is a prefix being typed, not a typo.
    expect(index.query('escala zzzzzz').total).toBe(0);
  });

  it('forgets the words of removed and replaced records for corrections', () => {
    const index = new SearchIndex();
    index.apply('note', uid(1), note(1, { title: 'Escalation memo' }));
    expect(index.query('escalaton').correctedQuery).toBe('escalation');
    index.apply('note', uid(1), note(1, { title: 'Decision memo' }));
    expect(index.query('escalaton')).toMatchObject({ total: 0, correctedQuery: null });
    expect(index.query('decison').correctedQuery).toBe('decision');
    index.apply('note', uid(2), note(2, { title: 'Decision log' }));
    index.remove(`note:${uid(1)}`);
    expect(index.query('decison').hits.map((h) => h.doc.title)).toEqual(['Decision log']);
    index.remove(`note:${uid(2)}`);
    expect(index.query('decison')).toMatchObject({ total: 0, correctedQuery: null });
  });

  it('rebuilds the word index in the background once replaced words pile up', async () => {
    const index = new SearchIndex({ staleLimit: 4, sliceSize: 2 });
    index.addAll(
      'note',
      Array.from({ length: 8 }, (_, i) => note(i + 1, { title: `Alpha ${i + 1}` })),
    );
    for (let i = 1; i <= 3; i += 1) index.apply('note', uid(i), note(i, { title: `Beta ${i}` }));
    expect(index.staleRecords).toBe(3);
    expect(index.query('alpha').total).toBe(5);
    expect(index.query('beta').total).toBe(3);

    // The fourth replacement starts a rebuild; changes made while it runs are kept.
    index.apply('note', uid(4), note(4, { title: `Beta 4` }));
    index.apply('note', uid(5), note(5, { title: `Gamma 5` }));
    index.remove(`note:${uid(6)}`);
    index.apply('note', uid(9), note(9, { title: 'Gamma 9' }));
    expect(titles(index, 'gamma').sort()).toEqual(['Gamma 5', 'Gamma 9']);
    await index.settled();
    expect(index.staleRecords).toBeLessThanOrEqual(2);
    expect(
      index
        .query('alpha')
        .hits.map((h) => h.doc.title)
        .sort(),
    ).toEqual(['Alpha 7', 'Alpha 8']);
    expect(index.query('beta').total).toBe(4);
    expect(titles(index, 'gamma').sort()).toEqual(['Gamma 5', 'Gamma 9']);
    expect(index.size).toBe(8);

    // Cleared while rebuilding: the rebuild gives up and the index stays empty.
    for (let i = 1; i <= 8; i += 1) index.apply('note', uid(i), note(i, { title: `Delta ${i}` }));
    index.clear();
    await index.settled();
    expect(index.size).toBe(0);
    expect(index.query('delta').total).toBe(0);
    index.apply('note', uid(1), note(1, { title: 'Epsilon' }));
    expect(titles(index, 'eps')).toEqual(['Epsilon']);
  });

  it('agrees with a plain scan of the records through many random changes', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const words = ['backup', 'batch', 'owner', 'outage', 'disk', 'space', 'runbook', 'rotation'];
    const phrase = (n: number) => Array.from({ length: n }, () => words[random(words.length)]);
    const index = new SearchIndex({ staleLimit: 5, sliceSize: 3 });
    const model = new Map<number, { title: string; body: string }>();
    const queries = ['ba', 'backup o', 'disk s', 'run', 'rot ba', 'outage owner', 'zz'];
    const check = () => {
      for (const q of queries) {
        const tokens = searchTokens(q);
        const holds = (text: string) => {
          const docWords = searchTokens(text);
          return tokens.every((t) => docWords.some((w) => w.startsWith(t)));
        };
        const expected = [...model.entries()]
          .filter(([, r]) => holds(`${r.title} ${r.body}`))
          .map(([n]) => uid(n))
          .sort();
        const answer = index.query(q, { limit: 1_000 });
        expect(answer.hits.map((h) => h.doc.recordId).sort()).toEqual(expected);
        expect(answer.total).toBe(expected.length);
        // Records holding every word in their title come first.
        const inTitle = answer.hits.map((h) => holds(h.doc.title));
        expect(inTitle).toEqual([...inTitle].sort((a, b) => Number(b) - Number(a)));
      }
    };
    for (let step = 0; step < 300; step += 1) {
      const n = 1 + random(40);
      if (random(5) === 0) {
        index.remove(`note:${uid(n)}`);
        model.delete(n);
      } else {
        const record = {
          title: phrase(1 + random(3)).join(' '),
          body: phrase(random(6)).join(' '),
        };
        index.apply('note', uid(n), note(n, record));
        model.set(n, record);
      }
      if (step % 7 === 0) check();
      if (step % 23 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    check();
    await index.settled();
    check();
    expect(index.size).toBe(model.size);
  });

  it('takes hostile and odd text as plain words', () => {
    const index = new SearchIndex();
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(1)> (.*+?^${}|[]\\';
    index.apply('note', uid(1), note(1, { title: 'Odd one', body: hostile }));
    index.apply('note', uid(2), note(2, { title: 'Ünïcödé façade — naïve café 数据库' }));
    index.apply('note', uid(3), note(3, { title: 'Long word', body: `${'y'.repeat(5_000)} end` }));
    expect(titles(index, 'script')).toEqual(['Odd one']);
    expect(titles(index, 'onerror')).toEqual(['Odd one']);
    expect(titles(index, '<script>')).toEqual(['Odd one']);
    expect(() => index.search('(.*+?^${}|[]\\')).not.toThrow();
    expect(index.search('(.*+?^${}|[]\\')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(titles(index, 'café')).toEqual(['Ünïcödé façade — naïve café 数据库']);
    expect(titles(index, 'cafe')).toEqual(['Ünïcödé façade — naïve café 数据库']);
    expect(titles(index, 'NAIVE')).toEqual(['Ünïcödé façade — naïve café 数据库']);
    expect(titles(index, '数据')).toEqual(['Ünïcödé façade — naïve café 数据库']);
    expect(titles(index, 'x'.repeat(5_000))).toEqual([]);
    expect(titles(index, 'y'.repeat(5_000))).toEqual(['Long word']);
    expect(titles(index, 'constructor')).toEqual([]);
    expect(titles(index, '__proto__')).toEqual([]);
    expect(titles(index, 'word '.repeat(500))).toEqual(['Long word']);
    expect(titles(index, `${'y'.repeat(40)} end`)).toEqual(['Long word']);
  });

  it('indexes in slices for the first load, yielding between them', async () => {
    const index = new SearchIndex();
    const notes = Array.from({ length: 1_200 }, (_, i) =>
      note(i + 1, { title: `Note ${i + 1}`, body: i % 2 ? 'even rarer' : 'common' }),
    );
    const loading = index.addAllAsync(
      'note',
      [...notes, deleted(note(5_000, { title: 'gone' }))],
      250,
    );
    // The first slice runs at once; the rest after yielding to the event loop.
    expect(index.size).toBeGreaterThan(0);
    expect(index.size).toBeLessThanOrEqual(250);
    await loading;
    expect(index.size).toBe(1_200);
    expect(index.search('rarer', { limit: 10_000 })).toHaveLength(600);
    expect(index.search('gone')).toEqual([]);
  });
});
