import type { ComponentType } from 'react';
import type { Engagement } from '@shared/model/engagement';
import { OverviewScreen } from './OverviewScreen';

/** The props every engagement screen receives. */
export interface EngagementScreenProps {
  engagement: Engagement;
}

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
];

/** The screen with this id, or the first one. */
export function screenById(id: string | null | undefined): EngagementScreen {
  return ENGAGEMENT_SCREENS.find((s) => s.id === id) ?? (ENGAGEMENT_SCREENS[0] as EngagementScreen);
}
