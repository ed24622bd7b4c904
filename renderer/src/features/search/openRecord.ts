import { useCallback } from 'react';
import type { EntityName } from '@shared/model/registry';
import { getRecord } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { useUiStore } from '../../state/uiStore';
import { ENGAGEMENT_SCREENS } from '../engagement/screens';

/** The tab (by its label) that shows each kind of record. */
const SCREEN_LABEL: Partial<Record<EntityName, string>> = {
  engagement: 'Overview',
  stakeholder: 'Stakeholders',
  ownershipArea: 'Ownership',
  risk: 'Risks',
  raisedIssue: 'Raised issues',
  acknowledgement: 'Raised issues',
  note: 'Notes',
  decision: 'Notes',
  memo: 'Memos',
};
// An attachment opens the record it is attached to (see useOpenRecord).

/** The id of the screen that shows an entity (the first screen if that one is missing). */
export function screenIdFor(entity: EntityName): string {
  const label = SCREEN_LABEL[entity];
  return (
    (ENGAGEMENT_SCREENS.find((s) => s.label === label) ?? ENGAGEMENT_SCREENS[0])?.id ?? 'overview'
  );
}

/** A record to open. */
export interface RecordTarget {
  engagementId: string;
  entity: EntityName;
  id: string;
}

/**
 * Opens a record: its engagement, the screen that shows it, and the record chosen there. An
 * acknowledgement opens the raised issue it answers; an attachment opens the record it is
 * attached to; an engagement opens its overview.
 */
export function useOpenRecord(): (target: RecordTarget) => Promise<void> {
  const { db } = useWorkbench();
  return useCallback(
    async (target: RecordTarget) => {
      const ui = useUiStore.getState();
      let { entity, id } = target;
      if (entity === 'attachment') {
        const attachment = await getRecord(db, 'attachment', id);
        if (attachment) ({ entity, id } = attachment.target);
      }
      if (entity === 'acknowledgement') {
        const ack = await getRecord(db, 'acknowledgement', id);
        if (ack) {
          entity = 'raisedIssue';
          id = ack.raisedIssueId;
        }
      }
      ui.selectEngagement(target.engagementId);
      ui.setScreen(screenIdFor(entity));
      if (entity === 'engagement' || entity === 'acknowledgement') ui.selectRecord(null);
      else ui.selectRecord({ entity, id });
    },
    [db],
  );
}
