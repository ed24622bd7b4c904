import type { Decision } from '../model/decision';
import type { Note } from '../model/note';
import type { Stakeholder } from '../model/stakeholder';
import type { RecordIndex } from './links';
import { checkLinks } from './links';
import type { Violation } from './violation';
import { violation } from './violation';

/** Cross-record rules of a note: participants are stakeholders, links resolve. */
export function checkNote(
  note: Note,
  stakeholdersById: ReadonlyMap<string, Stakeholder>,
  index: RecordIndex,
): Violation[] {
  const out: Violation[] = [];
  if (
    note.participantIds.some((id) => stakeholdersById.get(id)?.engagementId !== note.engagementId)
  ) {
    out.push(
      violation(
        'participantIds',
        'lists someone who is not a stakeholder of this engagement',
        'note.unknown-participant',
      ),
    );
  }
  out.push(...checkLinks(note.links, note.engagementId, index));
  return out;
}

/**
 * Cross-record rules of a decision: the decider is a stakeholder, the superseding decision
 * exists and the chain of supersessions does not loop, links resolve.
 */
export function checkDecision(
  decision: Decision,
  decisionsById: ReadonlyMap<string, Decision>,
  stakeholdersById: ReadonlyMap<string, Stakeholder>,
  index: RecordIndex,
): Violation[] {
  const out: Violation[] = [];
  const { engagementId } = decision;
  if (
    decision.decidedById !== null &&
    stakeholdersById.get(decision.decidedById)?.engagementId !== engagementId
  ) {
    out.push(
      violation(
        'decidedById',
        'is not a stakeholder of this engagement',
        'decision.unknown-decider',
      ),
    );
  }
  if (decision.supersededById !== null && decision.supersededById !== decision.id) {
    if (decisionsById.get(decision.supersededById)?.engagementId !== engagementId) {
      out.push(
        violation(
          'supersededById',
          'is not a decision of this engagement',
          'decision.unknown-successor',
        ),
      );
    } else {
      const seen = new Set<string>([decision.id]);
      let next: string | null = decision.supersededById;
      while (next !== null) {
        if (seen.has(next)) {
          out.push(
            violation(
              'supersededById',
              'cannot be a decision this one already replaces (it would make a loop)',
              'decision.supersession-cycle',
            ),
          );
          break;
        }
        seen.add(next);
        next = decisionsById.get(next)?.supersededById ?? null;
      }
    }
  }
  out.push(...checkLinks(decision.links, engagementId, index));
  return out;
}
