import { useCallback, useState } from 'react';
import { ArchiveError, type ArchiveProblem, type ParsedArchive } from '@shared/archive';
import { importArchive, type ArchiveImportResult } from '../../../db/archive';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { readArchive, type ReadProgress } from './archiveReader';
import { pickFile } from './fileIo';

/** Where an archive import stands. */
export type ImportPhase =
  | { kind: 'idle' }
  | { kind: 'reading'; progress: ReadProgress }
  | { kind: 'ready'; parsed: ParsedArchive; fileName: string; exists: boolean }
  | { kind: 'writing'; parsed: ParsedArchive; fileName: string }
  | { kind: 'done'; result: ArchiveImportResult; parsed: ParsedArchive }
  | { kind: 'error'; message: string; problems: ArchiveProblem[] };

/**
 * The steps of importing an archive or restoring a backup: read (with progress, checked in a
 * worker), preview what it holds, then write it in one transaction. Nothing is written before
 * the user confirms, and nothing at all if any check fails.
 */
export function useArchiveImport(intoEngagementId?: string) {
  const { client, store } = useWorkbench();
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'idle' });

  const fail = useCallback((error: unknown) => {
    setPhase({
      kind: 'error',
      message: errorMessage(error),
      problems: error instanceof ArchiveError ? error.problems : [],
    });
  }, []);

  const load = useCallback(
    async (file: { token: string; name: string }) => {
      setPhase({ kind: 'reading', progress: { stage: 'reading', fraction: 0 } });
      try {
        const parsed = await readArchive(client, file, (progress) =>
          setPhase({ kind: 'reading', progress }),
        );
        const exists = (await store.db.engagements.get(parsed.content.engagement.id)) !== undefined;
        setPhase({ kind: 'ready', parsed, fileName: file.name, exists });
      } catch (error) {
        fail(error);
      }
    },
    [client, store, fail],
  );

  /** Asks for a file, then reads and checks it. */
  const chooseFile = useCallback(async () => {
    try {
      const file = await pickFile(client, 'archive', 'Import engagement archive');
      if (file) await load(file);
    } catch (error) {
      fail(error);
    }
  }, [client, load, fail]);

  /** Reads and checks one of the automatic backups. */
  const chooseBackup = useCallback(
    async (id: string) => {
      try {
        await load(await client.call('backup.open', { id }));
      } catch (error) {
        fail(error);
      }
    },
    [client, load, fail],
  );

  /** Writes the checked archive (copy when the engagement is not here, merge when it is). */
  const commit = useCallback(async () => {
    if (phase.kind !== 'ready') return null;
    const { parsed, fileName } = phase;
    setPhase({ kind: 'writing', parsed, fileName });
    try {
      const result = await importArchive(store, parsed, {
        mode: 'auto',
        ...(intoEngagementId ? { intoEngagementId } : {}),
      });
      setPhase({ kind: 'done', result, parsed });
      return result;
    } catch (error) {
      fail(error);
      return null;
    }
  }, [phase, store, intoEngagementId, fail]);

  const reset = useCallback(() => setPhase({ kind: 'idle' }), []);
  return { phase, chooseFile, chooseBackup, commit, reset };
}
