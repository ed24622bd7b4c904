/** One option of a multiple choice: the stored value and the words shown (its name). */
export interface ChoiceOption {
  /** The value stored when chosen (a record id). */
  value: string;
  /** The visible label, also the checkbox's accessible name. */
  label: string;
}

/** What a long multiple-choice list shows for a filter. */
export interface NarrowedChoices<T extends ChoiceOption> {
  /** The options to show, in their given order. */
  shown: T[];
  /** Options matching the filter left out to keep the list short. */
  hidden: number;
  /** Options matching the filter (chosen or not). */
  matching: number;
}

/** Lower case without accents, for matching "reseau" with "Réseau". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * Narrows a long list of options by a filter: an option matches when its label holds every
 * word of the filter (any case, accents ignored). Options already chosen are always shown
 * (they can be unticked); at most `limit` others are shown, the count of the rest is returned.
 * The given order is kept, so ticking one never moves the list.
 */
export function narrowChoices<T extends ChoiceOption>(
  options: readonly T[],
  chosen: ReadonlySet<string>,
  filter: string,
  limit: number,
): NarrowedChoices<T> {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const shown: T[] = [];
  let hidden = 0;
  let matching = 0;
  let others = 0;
  for (const option of options) {
    const label = words.length > 0 ? fold(option.label) : '';
    const matches = words.every((w) => label.includes(w));
    if (matches) matching += 1;
    if (chosen.has(option.value)) {
      shown.push(option);
    } else if (matches) {
      if (others < limit) {
        shown.push(option);
        others += 1;
      } else {
        hidden += 1;
      }
    }
  }
  return { shown, hidden, matching };
}
