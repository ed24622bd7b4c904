import type { ComponentType } from 'react';
import type { EngagementScreenProps } from './screenProps';
import { OverviewScreen } from '../features/overview/OverviewScreen';
import { StakeholdersScreen } from '../features/stakeholders/StakeholdersScreen';
import { OwnershipScreen } from '../features/ownership/OwnershipScreen';
import { RisksScreen } from '../features/risks/RisksScreen';
import { RaisedIssuesScreen } from '../features/raised-issues/RaisedIssuesScreen';
import { NotesScreen } from '../features/notes/NotesScreen';
import { MemosScreen } from '../features/memos/MemosScreen';
import { DataScreen } from '../features/data/DataScreen';
import { SyncScreen } from '../features/sync/SyncScreen';

export type { EngagementScreenProps };

/** One tab of the open engagement. Add a screen here and it gets a tab and a Ctrl/Cmd+digit shortcut. */
export interface EngagementScreen {
  /** Stable id, kept in the UI store (for example 'risks'). */
  id: string;
  /** The tab's label, also its accessible name. */
  label: string;
  Component: ComponentType<EngagementScreenProps>;
}

export const ENGAGEMENT_SCREENS: readonly EngagementScreen[] = [
  { id: 'overview', label: 'Overview', Component: OverviewScreen },
  { id: 'stakeholders', label: 'Stakeholders', Component: StakeholdersScreen },
  { id: 'ownership', label: 'Ownership', Component: OwnershipScreen },
  { id: 'risks', label: 'Risks', Component: RisksScreen },
  // Part B's screens stay last: Raised issues, then Notes.
  { id: 'raised-issues', label: 'Raised issues', Component: RaisedIssuesScreen },
  { id: 'notes', label: 'Notes', Component: NotesScreen },
  { id: 'memos', label: 'Memos', Component: MemosScreen },
  { id: 'data', label: 'Data', Component: DataScreen },
  { id: 'sync', label: 'Sync', Component: SyncScreen },
];

/** The screen with this id, or the first one. */
export function screenById(id: string | null | undefined): EngagementScreen {
  return ENGAGEMENT_SCREENS.find((s) => s.id === id) ?? (ENGAGEMENT_SCREENS[0] as EngagementScreen);
}
