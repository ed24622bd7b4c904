import { z } from 'zod';
import type { SystemField } from './base';
import {
  choice,
  engagementScopedShape,
  isoDateTimeSchema,
  optionalText,
  refList,
  requiredText,
  systemFieldMask,
} from './base';
import { recordLinks } from './link';

/** What the note records. */
export const noteKindSchema = choice(['meeting', 'observation', 'call', 'other']);
export type NoteKind = z.infer<typeof noteKindSchema>;

/** A dated note: a meeting, a call, an observation (plain object, usable for forms). */
export const noteObject = z.object({
  ...engagementScopedShape,
  /** When the meeting, call or observation happened (UTC). */
  date: isoDateTimeSchema,
  /** Short title, for example "Weekly sync with operations". */
  title: requiredText(200),
  /** The note itself (Markdown). */
  body: optionalText(100_000),
  /** meeting, observation, call or other. */
  kind: noteKindSchema.default('meeting'),
  /** The stakeholders who took part. */
  participantIds: refList(),
  /** Records the note is about. */
  links: recordLinks(),
});

/** A whole stored note (no cross-field checks). */
export const noteSchema = noteObject;

export type Note = z.infer<typeof noteSchema>;

/** The fields a caller supplies to create a note (defaults optional). */
export type NoteInput = Omit<z.input<typeof noteObject>, SystemField>;

/** The create form's fields (everything but the system fields). */
export const noteInputObject = noteObject.omit(systemFieldMask);
