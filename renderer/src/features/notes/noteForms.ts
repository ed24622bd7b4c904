import { z } from 'zod';
import { decisionObject, decisionStatusSchema, type Decision } from '@shared/model/decision';
import { noteKindSchema, noteObject, type Note } from '@shared/model/note';
import {
  emptyToNull,
  isoToLocalInput,
  localDateTimeField,
  localInputToIso,
  optionalIdField,
} from '../../components/form';

/** The note form: the shared field rules, the date as a local date-time. */
export const noteFormSchema = z.object({
  title: noteObject.shape.title,
  date: localDateTimeField,
  kind: noteKindSchema,
  participantIds: noteObject.shape.participantIds.unwrap(),
  body: noteObject.shape.body.unwrap(),
  links: noteObject.shape.links.unwrap(),
});
export type NoteFormValues = z.infer<typeof noteFormSchema>;

/** The note form's starting values. */
export function toNoteForm(note: Note | null): NoteFormValues {
  return {
    title: note?.title ?? '',
    date: isoToLocalInput(note?.date ?? new Date().toISOString()),
    kind: note?.kind ?? 'meeting',
    participantIds: note?.participantIds ?? [],
    body: note?.body ?? '',
    links: note?.links ?? [],
  };
}

/** The note fields of submitted values. */
export function fromNoteForm(values: NoteFormValues) {
  return { ...values, date: localInputToIso(values.date) ?? values.date };
}

/** The decision form: what, by whom, when, why, where it stands, what replaced it. */
export const decisionFormSchema = z.object({
  title: decisionObject.shape.title,
  decidedById: optionalIdField,
  decidedAt: z.union([z.literal(''), localDateTimeField]),
  rationale: decisionObject.shape.rationale.unwrap(),
  status: decisionStatusSchema,
  supersededById: optionalIdField,
  links: decisionObject.shape.links.unwrap(),
});
export type DecisionFormValues = z.infer<typeof decisionFormSchema>;

/** The decision form's starting values. */
export function toDecisionForm(decision: Decision | null): DecisionFormValues {
  return {
    title: decision?.title ?? '',
    decidedById: decision?.decidedById ?? '',
    decidedAt: decision
      ? isoToLocalInput(decision.decidedAt)
      : isoToLocalInput(new Date().toISOString()),
    rationale: decision?.rationale ?? '',
    status: decision?.status ?? 'accepted',
    supersededById: decision?.supersededById ?? '',
    links: decision?.links ?? [],
  };
}

/** The decision fields of submitted values. */
export function fromDecisionForm(values: DecisionFormValues) {
  return {
    ...values,
    decidedById: emptyToNull(values.decidedById),
    decidedAt: values.decidedAt === '' ? null : localInputToIso(values.decidedAt),
    supersededById: emptyToNull(values.supersededById),
  };
}
