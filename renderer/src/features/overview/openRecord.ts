import type { EngagementScopedEntityName } from '@shared/model/registry';
import { useUiStore } from '../../state/uiStore';

/** The screen (tab id) that shows each kind of record. */
export const SCREEN_OF_ENTITY: Partial<Record<EngagementScopedEntityName, string>> = {
  stakeholder: 'stakeholders',
  ownershipArea: 'ownership',
  risk: 'risks',
  raisedIssue: 'raised-issues',
  acknowledgement: 'raised-issues',
  note: 'notes',
  decision: 'notes',
};

/** Opens a record: switches to its screen and selects it there. */
export function openRecord(entity: EngagementScopedEntityName, id: string): void {
  const state = useUiStore.getState();
  state.selectRecord({ entity, id });
  const screen = SCREEN_OF_ENTITY[entity];
  if (screen) state.setScreen(screen);
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
