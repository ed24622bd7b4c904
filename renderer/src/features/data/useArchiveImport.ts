import { useCallback, useEffect, useRef, useState } from 'react';
import { ArchiveError, type ArchiveProblem } from '@shared/archive';
import type { ArchiveImportResult } from '../../../db/archive';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { announce } from '../../state/announcer';
import { countOf } from '../../lib/countOf';
import { operationAnnouncement, type OperationOutcome } from '../../lib/operationAnnouncement';
import { readArchive, type CheckedArchive, type ReadProgress } from './archiveReader';
import type { ArchiveHeader } from './archiveWorkerProtocol';
import { pickFile } from '../../lib/fileIo';
import { restoreAttachmentBytes } from '../../../db/archive/backupBlobs';

/** Where an archive import stands. */
export type ImportPhase =
  | { kind: 'idle' }
  | { kind: 'reading'; progress: ReadProgress }
  | { kind: 'ready'; parsed: ArchiveHeader; fileName: string; exists: boolean }
  | { kind: 'writing'; parsed: ArchiveHeader; fileName: string }
  | {
      kind: 'done';
      result: ArchiveImportResult;
      parsed: ArchiveHeader;
      bytesWarning: string | null;
    }
  | { kind: 'error'; message: string; problems: ArchiveProblem[] };

/** The live region follows the import: reading, checked, written or refused (and why). */
function say(fileName: string, outcome: OperationOutcome): void {
  announce(operationAnnouncement({ verb: 'import', subject: `the archive ${fileName}` }, outcome));
}

/**
 * The steps of importing an archive or restoring a backup: read (with progress, checked in a
 * worker), preview what it holds, then write it in one transaction. Nothing is written before
 * the user confirms, and nothing at all if any check fails.
 */
export function useArchiveImport(intoEngagementId?: string) {
  const { client, store } = useWorkbench();
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'idle' });
  // The checked archive waiting for the user's confirmation (its records live in the worker).
  const checked = useRef<CheckedArchive | null>(null);
  const drop = useCallback(() => {
    checked.current?.dispose();
    checked.current = null;
  }, []);
  useEffect(() => drop, [drop]);

  const fail = useCallback((error: unknown, fileName?: string) => {
    if (fileName !== undefined) say(fileName, { kind: 'failed', message: errorMessage(error) });
    setPhase({
      kind: 'error',
      message: errorMessage(error),
      problems: error instanceof ArchiveError ? error.problems : [],
    });
  }, []);

  const load = useCallback(
    async (file: { token: string; name: string }) => {
      drop();
      setPhase({ kind: 'reading', progress: { stage: 'reading', fraction: 0 } });
      say(file.name, { kind: 'started' });
      try {
        const archive = await readArchive(client, file, (progress) =>
          setPhase({ kind: 'reading', progress }),
        );
        checked.current = archive;
        const { header } = archive;
        const exists = (await store.db.engagements.get(header.summary.engagementId)) !== undefined;
        setPhase({ kind: 'ready', parsed: header, fileName: file.name, exists });
        say(file.name, {
          kind: 'progress',
          detail: 'checked; nothing is written until you confirm',
        });
      } catch (error) {
        fail(error, file.name);
      }
    },
    [client, store, fail, drop],
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
    const archive = checked.current;
    if (phase.kind !== 'ready' || !archive) return null;
    const { parsed, fileName } = phase;
    checked.current = null;
    setPhase({ kind: 'writing', parsed, fileName });
    try {
      const result = await archive.write(store, {
        mode: 'auto',
        ...(intoEngagementId ? { intoEngagementId } : {}),
      });
      // The records are in; bytes the backups folder holds for them follow (each checked
      // against its record). Missing ones show "not on this device yet".
      const bytesWarning = await restoreAttachmentBytes(client, store.db, result.engagementId).then(
        ({ refused }) =>
          refused.length === 0
            ? null
            : `${countOf(refused.length, 'attached file')} in the backups folder did not match ${refused.length === 1 ? 'its' : 'their'} record and ${refused.length === 1 ? 'was' : 'were'} not used (${refused.map((h) => h.slice(0, 16)).join(', ')}): ${refused.length === 1 ? 'it shows' : 'they show'} “not on this device yet”.`,
        (error: unknown) =>
          `The records are in, but attached files could not be read from the backups folder: ${errorMessage(error)}`,
      );
      setPhase({ kind: 'done', result, parsed, bytesWarning });
      say(fileName, {
        kind: 'done',
        detail:
          result.mode === 'copy'
            ? `a new engagement, ${countOf(result.recordsWritten, 'record')}`
            : `merged, ${countOf(result.changesAdded, 'change')} added`,
      });
      return result;
    } catch (error) {
      fail(error, fileName);
      return null;
    }
  }, [phase, store, intoEngagementId, fail, client]);

  const reset = useCallback(() => {
    drop();
    setPhase({ kind: 'idle' });
  }, [drop]);
  return { phase, chooseFile, chooseBackup, commit, reset };
}
