import { useCallback } from 'react';
import type { EngagementScopedEntityName, EntityName } from '@shared/model/registry';
import { getRecord } from '../../db';
import { useWorkbench } from './WorkbenchContext';
import { useUiStore } from '../state/uiStore';

/**
 * The one way to open a record: the screen (tab id) that shows each kind of record. An
 * acknowledgement shows on its raised issue's screen, an engagement on its overview.
 */
export const SCREEN_OF_ENTITY: Partial<Record<EntityName, string>> = {
  engagement: 'overview',
  stakeholder: 'stakeholders',
  ownershipArea: 'ownership',
  risk: 'risks',
  raisedIssue: 'raised-issues',
  acknowledgement: 'raised-issues',
  note: 'notes',
  decision: 'notes',
  memo: 'memos',
};

/** The id of the screen that shows an entity (the overview for anything else). */
export function screenIdFor(entity: EntityName): string {
  return SCREEN_OF_ENTITY[entity] ?? 'overview';
}

/** Opens a record of the open engagement: switches to its screen and selects it there. */
export function openRecord(entity: EngagementScopedEntityName, id: string): void {
  const state = useUiStore.getState();
  state.selectRecord({ entity, id });
  const screen = SCREEN_OF_ENTITY[entity];
  if (screen) state.setScreen(screen);
}

/** A record to open, in any engagement. */
export interface RecordTarget {
  engagementId: string;
  entity: EntityName;
  id: string;
}

/**
 * Opens a record in any engagement: its engagement, the screen that shows it, and the record
 * chosen there. An attachment opens the record it is attached to; an acknowledgement opens the
 * raised issue it answers; an engagement its overview.
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

/** The record of `entity` currently selected, or null (for a screen's detail pane). */
export function useSelectedId(entity: EngagementScopedEntityName): string | null {
  return useUiStore((s) => (s.selectedRecord?.entity === entity ? s.selectedRecord.id : null));
}

/**
 * The records if they are the engagement's, undefined otherwise: a live query keeps its last
 * result while the next engagement's loads, and a screen must not show one engagement's
 * records under another's title.
 */
export function ofEngagement<T extends { engagementId: string }>(
  records: T[] | undefined,
  engagementId: string,
): T[] | undefined {
  if (!records) return undefined;
  const first = records[0];
  return first !== undefined && first.engagementId !== engagementId ? undefined : records;
}
