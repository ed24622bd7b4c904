import type { z } from 'zod';
import { choice } from './base';

/** How something was communicated: shared by raised issues and acknowledgements. */
export const channelSchema = choice(['email', 'meeting', 'call', 'chat', 'ticket', 'memo']);
export type Channel = z.infer<typeof channelSchema>;
export const channels = channelSchema.options;
