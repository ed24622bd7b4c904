import { useCallback } from 'react';
import type { FollowUp } from '@shared/model/raisedIssue';
import { deleteFollowUpPatch, restoreFollowUpPatch } from '@shared/rules/followUpEdits';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';

/**
 * Deleting a follow-up of an issue, with Undo in the toast (like every record's delete): one
 * update of the issue that keeps the follow-up with `deletedAt`, so its history shows both.
 */
export function useFollowUpActions(issueId: string) {
  const { store } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const restore = useCallback(
    async (deleted: FollowUp, label: string) => {
      try {
        await store.raisedIssues.update(issueId, (current) =>
          restoreFollowUpPatch(current, deleted),
        );
        pushToast({ tone: 'success', message: `Follow-up “${label}” restored.` });
      } catch (error) {
        pushToast({ tone: 'error', message: `Could not restore: ${errorMessage(error)}` });
      }
    },
    [store, issueId, pushToast],
  );
  const softDelete = useCallback(
    async (target: FollowUp, label: string) => {
      try {
        let deletedAt = '';
        await store.raisedIssues.update(issueId, (current, at) => {
          deletedAt = at;
          return deleteFollowUpPatch(current, target, at);
        });
        pushToast({
          tone: 'success',
          message: `Follow-up “${label}” deleted.`,
          action: { label: 'Undo', run: () => void restore({ ...target, deletedAt }, label) },
        });
      } catch (error) {
        pushToast({ tone: 'error', message: `Could not delete: ${errorMessage(error)}` });
      }
    },
    [store, issueId, pushToast, restore],
  );
  return { softDelete };
}
