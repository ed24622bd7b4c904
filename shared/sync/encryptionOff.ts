/**
 * Turning a folder's encryption off: the one rule every device applies to an "encryption-off"
 * statement (see DESIGN.md "Encryption").
 *
 * A statement is honoured only when all of these hold:
 * - it is in the verified roster.json of the device that states it (its own key and id in the
 *   statement, so a statement copied into another device's roster counts for nothing);
 * - that device's key is approved in the roster (not pending, not removed);
 * - it names the workspace key this device knows for the folder (its check value), so a
 *   decision about an earlier key never turns off encryption set up again later; a device that
 *   knows no key (a newcomer without the passphrase) matches instead the hash of the keys.json
 *   in the folder against the one the statement names (signed with it).
 *
 * Anything else (an unapproved or removed device's statement) is refused and reported; a missing
 * keys.json without an honoured statement still stops the round (policy.ts).
 */
import type { KeyStanding, RosterInput, RosterStatement } from './roster';

/** An honoured decision. */
export interface OffDecision {
  /** The approved device that decided. */
  deviceId: string;
  /** When (its clock). */
  at: string;
  /** The check value of the key retired. */
  keyCheck: string;
}

/** What a statement must name: the key's check value, or (no key known) keys.json's hash. */
export type OffMatch = { keyCheck: string } | { keysHash: string };

/** What the statements of a roster say about turning encryption off. */
export interface OffVerdict {
  /** The decision honoured (the earliest, when several approved devices stated it), or null. */
  decision: OffDecision | null;
  /** Devices whose statement for this key is refused (not approved, or removed). */
  refused: string[];
}

/** Applies the rule to the verified roster inputs and the standings computed from them. */
export function encryptionOffVerdict(
  inputs: readonly RosterInput[],
  standings: ReadonlyMap<string, KeyStanding>,
  match: OffMatch | null,
): OffVerdict {
  const verdict: OffVerdict = { decision: null, refused: [] };
  if (match === null) return verdict;
  for (const input of inputs) {
    const statement = input.statements.find(
      (s): s is Extract<RosterStatement, { op: 'encryption-off' }> =>
        s.op === 'encryption-off' &&
        ('keyCheck' in match ? s.keyCheck === match.keyCheck : s.keysHash === match.keysHash) &&
        s.key === input.key &&
        s.deviceId === input.deviceId,
    );
    if (!statement) continue;
    if (standings.get(input.key)?.status !== 'approved') {
      verdict.refused.push(input.deviceId);
      continue;
    }
    const earlier =
      verdict.decision !== null &&
      (verdict.decision.at < statement.at ||
        (verdict.decision.at === statement.at && verdict.decision.deviceId < input.deviceId));
    if (!earlier) {
      verdict.decision = {
        deviceId: input.deviceId,
        at: statement.at,
        keyCheck: statement.keyCheck,
      };
    }
  }
  return verdict;
}
