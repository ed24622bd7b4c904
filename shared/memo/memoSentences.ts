import { UTC_ISO, formatMemoDay, memoInstantDay, type TimeDisplay } from '../time/display';
import { OUTCOME_LABEL, dayOf, followUpText } from './labels';
import type {
  ChronologyEntry,
  ItemMention,
  Memo,
  MemoAddressee,
  MemoFollowUp,
  MemoItem,
  SummaryRow,
} from './types';

/**
 * The memo's sentences that carry dates (the summary's "Acknowledged" column, the details of
 * "Raised and still unacknowledged"), written once for two uses: `buildMemo` writes them into
 * the fingerprinted model with ISO days of UTC instants (`UTC_DAYS`), and the renderers write
 * them again in the engagement's zone and date style (`daysOf(display)`). The model is never
 * changed by the display, so the fingerprint stays independent of it.
 */
export interface MemoDays {
  /** The ISO day ("YYYY-MM-DD") of an instant, in the memo's zone. */
  isoDay(instant: string): string;
  /** An ISO day as printed. */
  print(day: string): string;
}

/** ISO days of UTC instants: the form the fingerprinted model holds. */
export const UTC_DAYS: MemoDays = { isoDay: dayOf, print: (day) => day };

/** The days of a display: local to its zone, in its date style. */
export function daysOf(display: TimeDisplay): MemoDays {
  return {
    isoDay: (instant) => memoInstantDay(instant, display.timeZone),
    print: (day) => formatMemoDay(day, display.dateStyle),
  };
}

/** The printed day of an instant. */
const onDay = (instant: string, days: MemoDays): string => days.print(days.isoDay(instant));

/** An answer in the summary: "Ana Ruiz, 2026-03-24 (by Rosa Lind on their behalf)". */
export function addresseeAnswer(a: MemoAddressee, days: MemoDays): string {
  if (a.answeredAt === null) return `${a.person.name}: no answer`;
  const by = a.delegate ? ` (by ${a.delegate.name} on their behalf)` : '';
  return `${a.person.name}, ${onDay(a.answeredAt, days)}${by}`;
}

/** An answer from someone the raise did not go to: "Ben Ode (not addressed), 2026-03-24". */
export function otherAnswer(name: string, at: string, days: MemoDays): string {
  return `${name} (not addressed), ${onDay(at, days)}`;
}

/** The latest answer to an earlier raise: "earlier raise: Ana Ruiz, 2026-03-24". */
export function earlierAnswer(name: string, at: string, days: MemoDays): string {
  return `earlier raise: ${name}, ${onDay(at, days)}`;
}

/** "followed up 2 times, last 2026-04-03 (no answer)"; "no answer by the follow-up day …". */
export function chaseSummary(followUps: readonly MemoFollowUp[], days: MemoDays): string[] {
  const chasers = followUps.filter((f) => f.kind === 'chaser');
  const last = chasers[chasers.length - 1];
  const times = chasers.length === 1 ? 'time' : 'times';
  return [
    ...(last
      ? [
          `followed up ${chasers.length} ${times}, last ${onDay(last.at, days)} (${OUTCOME_LABEL[last.outcome]})`,
        ]
      : []),
    ...followUps
      .filter((f) => f.kind === 'silence')
      .map((f) => `no answer by the follow-up day ${days.print(f.day ?? dayOf(f.at))}`),
  ];
}

/** Whole days from the day of `instant` to the memo's day (both in the memo's zone). */
export function daysBefore(instant: string, memoDate: string, days: MemoDays): number {
  const utc = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
  return Math.floor((utc(memoDate) - utc(days.isoDay(instant))) / 86_400_000);
}

/** What an unacknowledged item's detail is made of (`buildMemo` knows it from the records). */
export interface UnacknowledgedFacts {
  item: MemoItem;
  /** The memo's day. */
  memoDate: string;
  /** Answers from people the raise did not go to: name and instant. */
  others: ReadonlyArray<{ name: string; at: string }>;
  /** The latest answer to an earlier raise, when the item's own raise has none. */
  earlier: { name: string; at: string } | null;
}

/** The summary's "Acknowledged" cell. */
export function acknowledgedText(f: Omit<UnacknowledgedFacts, 'memoDate'>, days: MemoDays): string {
  return [
    ...f.item.addressees.map((a) => addresseeAnswer(a, days)),
    ...f.others.map((o) => otherAnswer(o.name, o.at, days)),
    ...(f.earlier ? [earlierAnswer(f.earlier.name, f.earlier.at, days)] : []),
  ].join('; ');
}

/** The detail of an item in "Raised and still unacknowledged". */
export function unacknowledgedText(f: UnacknowledgedFacts, days: MemoDays): string {
  const { item } = f;
  const own = item.raises.find((r) => r.isThisItem) ?? item.raises[item.raises.length - 1];
  const at = own?.at ?? item.firstRaisedAt;
  const names = (list: MemoAddressee[]) => list.map((a) => a.person.name).join(', ');
  const waiting = item.addressees.filter((a) => a.answeredAt === null);
  const answered = item.addressees.filter((a) => a.answeredAt !== null);
  const parts = [
    `raised ${onDay(at, days)} to ${names(item.addressees)}, ${daysBefore(at, f.memoDate, days)} days before this memo`,
    `not yet answered by ${names(waiting)}`,
    ...(answered.length > 0 ? [`answered by ${names(answered)}`] : []),
    ...f.others.map((o) => `also answered: ${otherAnswer(o.name, o.at, days)}`),
    ...chaseSummary(own?.followUps ?? [], days),
  ];
  if (f.earlier) {
    parts.push(
      `an earlier raise was acknowledged by ${f.earlier.name}, ${onDay(f.earlier.at, days)}`,
    );
  }
  return parts.join('; ');
}

/**
 * The facts of an item as the stored model shows them: answers from people not addressed are
 * those of its own raise (same title) given for someone it did not go to; the earlier answer is
 * the latest one when its own raise has none. The model does not link an answer to its raise by
 * id, so callers check the result against the fingerprinted text (`localized`).
 */
function factsFromModel(item: MemoItem): Omit<UnacknowledgedFacts, 'memoDate'> {
  const addressed = new Set(item.addressees.map((a) => a.person.id));
  const own = item.acknowledgements.filter((a) => a.issueTitle === item.title);
  const others = own
    .filter((a) => !addressed.has((a.onBehalfOf ?? a.by).id))
    .map((a) => ({ name: a.by.name, at: a.at }));
  const last = item.acknowledgements[item.acknowledgements.length - 1];
  const earlier = own.length === 0 && last ? { name: last.by.name, at: last.at } : null;
  return { item, others, earlier };
}

/**
 * A sentence in the display's zone and style, written from the model, but only when the same
 * writing in ISO UTC days gives exactly the fingerprinted text: then both say the same facts and
 * differ only in how dates print. Otherwise (a memo stored before these sentences, a model that
 * does not say enough) the fingerprinted text is printed as it is.
 */
function localized(stored: string, write: (days: MemoDays) => string, display: TimeDisplay) {
  if (display.timeZone === UTC_ISO.timeZone && display.dateStyle === UTC_ISO.dateStyle) {
    return stored;
  }
  return write(UTC_DAYS) === stored ? write(daysOf(display)) : stored;
}

/** A summary row's "Acknowledged" cell in the display's zone and style. */
export function localSummaryAcknowledged(
  memo: Memo,
  row: SummaryRow,
  display: TimeDisplay,
): string {
  const item = memo.items.find((i) => i.ref === row.ref);
  if (!item) return row.acknowledged;
  const facts = factsFromModel(item);
  return localized(row.acknowledged, (days) => acknowledgedText(facts, days), display);
}

/** An unacknowledged item's detail in the display's zone and style. */
export function localUnacknowledgedDetail(
  memo: Memo,
  mention: ItemMention,
  display: TimeDisplay,
): string {
  const item = memo.items.find((i) => i.ref === mention.ref);
  if (!item) return mention.detail;
  const facts = { ...factsFromModel(item), memoDate: memo.header.date };
  return localized(mention.detail, (days) => unacknowledgedText(facts, days), display);
}

/** The printed day of an instant in the display's zone and style (exhibits, answers). */
export function localDayOf(instant: string, display: TimeDisplay): string {
  return onDay(instant, daysOf(display));
}

/** A summary row's "Raised on" day: the local day of its item's first raise. */
export function localRaisedOn(memo: Memo, row: SummaryRow, display: TimeDisplay): string {
  const item = memo.items.find((i) => i.ref === row.ref);
  return item && dayOf(item.firstRaisedAt) === row.raisedOn
    ? localDayOf(item.firstRaisedAt, display)
    : formatMemoDay(row.raisedOn, display.dateStyle);
}

/** The memo's "Raised and still unacknowledged" list in the display's zone and style. */
export function localUnacknowledged(memo: Memo, display: TimeDisplay): ItemMention[] {
  return memo.unacknowledged.map((m) => ({
    ...m,
    detail: localUnacknowledgedDetail(memo, m, display),
  }));
}

/** A chaser or silence as the chronology words it: "… on "<title of the raise>"". */
export function followUpEntryText(f: MemoFollowUp, raiseTitle: string, display: TimeDisplay) {
  return `${followUpText(f, (t) => t, display)} on "${raiseTitle}"`;
}

/**
 * A chronology entry's words in the display's style: a recorded silence names its follow-up
 * day. The entry is matched to its follow-up by time and kind and rewritten only when the
 * same writing in ISO gives exactly the fingerprinted words.
 */
export function localChronologyText(memo: Memo, c: ChronologyEntry, display: TimeDisplay): string {
  if (c.kind !== 'follow-up' || display.dateStyle === 'iso') return c.text;
  for (const item of memo.items) {
    for (const r of item.raises) {
      for (const f of r.followUps) {
        if (f.at !== c.at || f.kind !== 'silence') continue;
        if (followUpEntryText(f, r.title, UTC_ISO) === c.text) {
          return followUpEntryText(f, r.title, display);
        }
      }
    }
  }
  return c.text;
}
