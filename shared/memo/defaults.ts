import type { RatingKeyWording } from '../model/ratingKey';
import type { RatingKeyRow } from './types';

/** Default wording of a memo's editable parts, filled with the engagement's names. */
export interface MemoWordingContext {
  /** The client organisation. */
  client: string;
  /** The engagement's title. */
  engagementTitle: string;
  /** The engagement's scope text. */
  engagementScope: string;
  /** The engagement's own responsibility wording (absent or '': the standard paragraph). */
  memoResponsibility?: string;
}

/** The default purpose paragraph. */
export function defaultPurpose(c: MemoWordingContext): string {
  return `This memo sets out the issues raised during the engagement "${c.engagementTitle}" for ${c.client}, the answers received so far and what remains open, so that the decisions they call for can be taken by the people accountable for them.`;
}

/** The default limits of the scope. */
export function defaultLimits(c: MemoWordingContext): string {
  const scope = c.engagementScope.trim();
  const base =
    'It is based on what was observed and reported during the engagement. It is not an audit and gives no assurance on matters not listed here.';
  return scope === '' ? base : `Engagement scope: ${scope} ${base}`;
}

/** The default responsibility paragraph. */
export function defaultResponsibility(c: MemoWordingContext): string {
  return `The recommendations in this memo are the consultant's professional advice. Whether and how to act on them is the decision of ${c.client}'s management, who remain responsible for that decision and its consequences.`;
}

/**
 * The responsibility paragraph a memo of the engagement gets when the memo does not set its own:
 * the engagement's wording (`engagement.memoResponsibility`), else the standard paragraph.
 */
export function engagementResponsibility(c: MemoWordingContext): string {
  const own = c.memoResponsibility ?? '';
  return own.trim() !== '' ? own : defaultResponsibility(c);
}

/** The default restricted-distribution paragraph. */
export function defaultDistribution(c: MemoWordingContext): string {
  return `This memo is intended solely for the people named above and for ${c.client}'s internal use. It should not be passed to third parties without the consultant's written consent.`;
}

/** The rating key of an engagement: its own wording where it set one, else the standard key. */
export function ratingKeyOf(wording: RatingKeyWording | undefined): RatingKeyRow[] {
  if (!wording) return RATING_KEY;
  return RATING_KEY.map((row) => ({ rating: row.rating, ...wording[row.rating] }));
}

/** The standard rating key. */
export const RATING_KEY: RatingKeyRow[] = [
  {
    rating: 'high',
    meaning: 'Could cause an outage, data loss or a missed obligation; needs a decision now.',
    timeToAct: 'Within 2 weeks',
  },
  {
    rating: 'medium',
    meaning: 'A material weakness that will cause harm if left as it is.',
    timeToAct: 'Within 3 months',
  },
  {
    rating: 'low',
    meaning: 'An improvement or good practice worth planning.',
    timeToAct: 'Within 6 months',
  },
];
