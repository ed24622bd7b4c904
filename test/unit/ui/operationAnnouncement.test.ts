import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { announceOperation, failureAnnounced } from '../../../renderer/src/lib/announceOperation';
import { operationAnnouncement } from '../../../renderer/src/lib/operationAnnouncement';
import { useAnnouncer } from '../../../renderer/src/state/announcer';

const memoPdf = { verb: 'export', subject: 'memo HM-M-2026-001 version 1 (PDF)' } as const;
const csv = { verb: 'import', subject: 'stakeholders from people.csv' } as const;

describe('operationAnnouncement', () => {
  it('says an export starts, where it went, that it was cancelled or why it failed', () => {
    expect(operationAnnouncement(memoPdf, { kind: 'started' })).toBe(
      'Exporting memo HM-M-2026-001 version 1 (PDF)…',
    );
    expect(operationAnnouncement(memoPdf, { kind: 'done', file: 'memo.pdf' })).toBe(
      'Memo HM-M-2026-001 version 1 (PDF) exported to memo.pdf.',
    );
    expect(operationAnnouncement(memoPdf, { kind: 'cancelled' })).toBe(
      'Export of memo HM-M-2026-001 version 1 (PDF) cancelled.',
    );
    expect(
      operationAnnouncement(memoPdf, { kind: 'failed', message: 'ENOSPC: no space left' }),
    ).toBe('Export of memo HM-M-2026-001 version 1 (PDF) failed: ENOSPC: no space left.');
  });

  it('says what an import wrote, and how far it got', () => {
    expect(operationAnnouncement(csv, { kind: 'started' })).toBe(
      'Importing stakeholders from people.csv…',
    );
    expect(operationAnnouncement(csv, { kind: 'done', detail: '3 created, 1 updated' })).toBe(
      'Stakeholders from people.csv imported: 3 created, 1 updated.',
    );
    expect(
      operationAnnouncement(
        { verb: 'import', subject: 'the archive a.engagement.json' },
        { kind: 'progress', detail: 'checked; nothing is written until you confirm' },
      ),
    ).toBe(
      'Importing the archive a.engagement.json: checked; nothing is written until you confirm.',
    );
    // an error that already ends a sentence gets no second full stop
    expect(operationAnnouncement(csv, { kind: 'failed', message: 'Row 3 is not valid.' })).toBe(
      'Import of stakeholders from people.csv failed: Row 3 is not valid.',
    );
  });

  it('reads a hostile file name or error text as one bounded line', () => {
    // Any UTF-16 text, long ones included, with line breaks and tabs mixed in.
    const hostile = fc.string({ unit: 'binary', maxLength: 5_000, size: 'large' });
    fc.assert(
      fc.property(hostile, hostile, (name, why) => {
        const op = { verb: 'import', subject: `the archive ${name}` } as const;
        for (const text of [
          operationAnnouncement(op, { kind: 'failed', message: why }),
          operationAnnouncement(op, { kind: 'done', file: name, detail: why }),
        ]) {
          expect(text).not.toMatch(/[\n\r\t]/);
          // each part is at most 240 characters: three parts and the words around them
          expect(text.length).toBeLessThanOrEqual(800);
        }
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});

describe('announceOperation', () => {
  const said: string[] = [];
  const unsubscribe = useAnnouncer.subscribe((s) => said.push(s.message));
  afterEach(() => {
    said.length = 0;
  });
  afterAll(unsubscribe);

  it('announces the start, then the file written', async () => {
    const result = await announceOperation(memoPdf, async () => ({ file: 'memo.pdf' }));
    expect(result).toEqual({ file: 'memo.pdf' });
    expect(said).toEqual([
      'Exporting memo HM-M-2026-001 version 1 (PDF)…',
      'Memo HM-M-2026-001 version 1 (PDF) exported to memo.pdf.',
    ]);
  });

  it('announces a cancelled save dialog', async () => {
    expect(await announceOperation(memoPdf, async () => null)).toBeNull();
    expect(said.at(-1)).toBe('Export of memo HM-M-2026-001 version 1 (PDF) cancelled.');
  });

  it('announces a failure and still throws it to the caller', async () => {
    await expect(
      announceOperation(csv, async () => {
        throw new Error('the file is not UTF-8');
      }),
    ).rejects.toThrow('the file is not UTF-8');
    expect(said.at(-1)).toBe(
      'Import of stakeholders from people.csv failed: the file is not UTF-8.',
    );
  });

  it('marks the failure it announced, so its toast need not say it again', async () => {
    const failure = new Error('disk full');
    await expect(
      announceOperation(memoPdf, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(failureAnnounced(failure)).toBe(true);
    expect(failureAnnounced(new Error('disk full'))).toBe(false);
    expect(failureAnnounced('disk full')).toBe(false);
    expect(failureAnnounced(null)).toBe(false);
  });

  it('says the same words twice as two announcements', async () => {
    const before = useAnnouncer.getState().seq;
    await announceOperation(memoPdf, async () => ({ file: 'memo.pdf' }));
    await announceOperation(memoPdf, async () => ({ file: 'memo.pdf' }));
    expect(useAnnouncer.getState().seq).toBe(before + 4);
  });
});
