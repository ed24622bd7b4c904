// The window's side of the parser worker, run inline (Node has no Worker): the same requests and
// answers as in the app, where parsers.worker.ts answers them off the window's thread.
import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids';
import { openParser, readCsvFile, verifyInWorker } from '../../../renderer/src/lib/parsers';

describe('parser worker requests', () => {
  it('reads a CSV file, then plans its import for a mapping, with problems per row', async () => {
    const file = await readCsvFile('Name;Notes\nAda;fine\nB;"cut\nC;y\n');
    expect(file.summary).toEqual({ headers: ['Name', 'Notes'], rowCount: 1, problemCount: 2 });
    const plan = await file.plan(['name', 'notes'], {
      entity: 'stakeholder',
      engagementId: newId(),
      existing: [],
      stakeholders: [],
    });
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, refusedRows: 2 });
    file.close();
  });

  it('verifies a memo file; a plan before any file is an error; close rejects what is pending', async () => {
    const verdict = await verifyInWorker(
      { fileName: 'x.md', kind: 'markdown', sha256: '', text: '# nothing', pdfTitle: null },
      [],
    );
    expect(verdict.outcome).toBe('unreadable');
    const parser = openParser();
    await expect(
      parser.ask({
        type: 'csv-plan',
        mapping: [],
        context: { entity: 'risk', engagementId: newId(), existing: [], stakeholders: [] },
      }),
    ).rejects.toThrow('no CSV file was read');
    const pending = parser.ask({ type: 'csv-read', text: 'a\n1\n' });
    parser.close();
    await expect(pending).rejects.toThrow('closed');
  });
});
