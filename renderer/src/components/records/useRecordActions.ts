import { useCallback } from 'react';
import type { EntityName } from '@shared/model/registry';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';

/** What the delete and restore actions of one entity do. */
export interface RecordActions {
  /**
   * Soft-deletes a record and shows a toast with Undo (which restores it). `label` names the
   * record in the toast, for example the note's title. Resolves to true when deleted.
   */
  softDelete(id: string, label: string): Promise<boolean>;
  /** Restores a deleted record, with a toast. Resolves to true when restored. */
  restore(id: string, label: string): Promise<boolean>;
}

/** The soft-delete-with-Undo and Restore actions of an entity, through the store. */
export function useRecordActions(entity: EntityName, noun: string): RecordActions {
  const { store } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);

  const restore = useCallback(
    async (id: string, label: string) => {
      try {
        await store.repository(entity).restore(id);
        pushToast({ tone: 'success', message: `${noun} “${label}” restored.` });
        return true;
      } catch (error) {
        pushToast({ tone: 'error', message: `Could not restore: ${errorMessage(error)}` });
        return false;
      }
    },
    [store, entity, noun, pushToast],
  );

  const softDelete = useCallback(
    async (id: string, label: string) => {
      try {
        await store.repository(entity).softDelete(id);
        pushToast({
          tone: 'success',
          message: `${noun} “${label}” deleted.`,
          action: { label: 'Undo', run: () => void restore(id, label) },
        });
        return true;
      } catch (error) {
        pushToast({ tone: 'error', message: `Could not delete: ${errorMessage(error)}` });
        return false;
      }
    },
    [store, entity, noun, pushToast, restore],
  );

  return { softDelete, restore };
}
