import type { Engagement } from '@shared/model/engagement';

/** The props every engagement screen receives (the shell's contract with a feature's screen). */
export interface EngagementScreenProps {
  engagement: Engagement;
}
