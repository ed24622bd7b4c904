import { create } from 'zustand';

/**
 * The one polite live region's text (app/LiveAnnouncer.tsx): sync, import and export say what
 * they are doing and how it ended through it. `seq` changes with every announcement, so the same
 * words said twice are read twice.
 */
interface AnnouncerState {
  message: string;
  seq: number;
}

export const useAnnouncer = create<AnnouncerState>()(() => ({ message: '', seq: 0 }));

/** Says `message` through the live region (politely: after what the reader is saying). */
export function announce(message: string): void {
  useAnnouncer.setState((s) => ({ message, seq: s.seq + 1 }));
}
