import type { Acknowledgement } from '../model/acknowledgement';
import type { Risk } from '../model/risk';
import { answeredFor } from './addressees';
import { toIsoDay, type IsoDay } from './dates';
import { isAcceptanceExpired } from './risk';

/** The fields of a risk that make up its acceptance record. */
export type AcceptanceFields = Pick<
  Risk,
  | 'status'
  | 'treatment'
  | 'acceptedById'
  | 'acceptedAt'
  | 'acceptedUntil'
  | 'acceptanceConditions'
  | 'acceptedViaAckId'
>;

/**
 * The change that records a "risk accepted" answer as the risk's acceptance, one record: who
 * accepted (the person answered for: an addressee a delegate answered for, else the answerer),
 * when, on what conditions, until when, and the acknowledgement it came from.
 */
export function acceptancePatch(
  ack: Pick<
    Acknowledgement,
    'id' | 'byId' | 'onBehalfOfId' | 'at' | 'conditions' | 'expiresOn' | 'response'
  >,
): AcceptanceFields {
  if (ack.response !== 'risk_accepted')
    throw new Error('only a "risk accepted" answer accepts a risk');
  return {
    status: 'accepted',
    treatment: 'accept',
    acceptedById: answeredFor(ack),
    acceptedAt: ack.at,
    acceptedUntil: ack.expiresOn,
    acceptanceConditions: ack.conditions,
    acceptedViaAckId: ack.id,
  };
}

/** A risk whose acceptance lapsed: back in review since the day after it lapsed. */
export interface LapsedAcceptance {
  risk: Risk;
  /** Whole days since the acceptance lapsed. */
  daysLapsed: number;
}

/**
 * The live accepted risks whose acceptance lapsed before `today`, longest lapsed first: each
 * is back in review (the acceptance no longer covers it) until accepted again or treated.
 */
export function lapsedAcceptances(
  risks: readonly Risk[],
  today: IsoDay | Date,
): LapsedAcceptance[] {
  const day = toIsoDay(today);
  return risks
    .filter((r) => r.deletedAt === null && isAcceptanceExpired(r, day))
    .map((risk) => ({
      risk,
      daysLapsed: Math.round(
        (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${risk.acceptedUntil ?? day}T00:00:00Z`)) /
          86_400_000,
      ),
    }))
    .sort((a, b) => b.daysLapsed - a.daysLapsed || a.risk.title.localeCompare(b.risk.title));
}
