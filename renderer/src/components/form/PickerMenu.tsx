import type { UseComboboxReturnValue } from 'downshift';
import type { ChoiceOption } from '@shared/notebook/choiceFilter';

/** An event Downshift leaves alone when this flag is set (its documented escape hatch). */
export type DownshiftEvent = Event & { preventDownshiftDefault?: boolean };

/** What the list needs of the picker's useCombobox: open or not, the active option, its getters. */
export type PickerCombobox<T> = Pick<
  UseComboboxReturnValue<T>,
  'isOpen' | 'highlightedIndex' | 'getMenuProps' | 'getItemProps'
>;

export interface PickerMenuProps<T extends ChoiceOption> {
  combobox: PickerCombobox<T>;
  /** The options listed (already narrowed). */
  items: readonly T[];
  /** Said in the list when no option is listed. */
  emptyNote: string;
  /** Options matching but left out to keep the list short. */
  hidden: number;
  /** Chooses a clicked option here instead of through Downshift's selectedItem. */
  onChoose?: (item: T) => void;
}

/**
 * The list of a picker (ComboboxField, MultiPicker): a listbox of options labelled
 * "Suggestions", the highlighted one marked (Downshift sets aria-selected and the input's
 * aria-activedescendant), then a note when nothing is listed or when more match than are shown.
 */
export function PickerMenu<T extends ChoiceOption>({
  combobox,
  items,
  emptyNote,
  hidden,
  onChoose,
}: PickerMenuProps<T>) {
  // highlightedIndex: the option the arrow keys are on (the active descendant), -1 for none.
  const { isOpen, highlightedIndex, getMenuProps, getItemProps } = combobox;
  const click = (item: T) =>
    onChoose
      ? {
          onClick: (event: { nativeEvent: DownshiftEvent }) => {
            event.nativeEvent.preventDownshiftDefault = true;
            onChoose(item);
          },
        }
      : {};
  return (
    <ul className="picker-menu" hidden={!isOpen} {...getMenuProps({ 'aria-label': 'Suggestions' })}>
      {isOpen
        ? items.map((item, index) => (
            <li
              key={item.value}
              className="picker-option"
              data-highlighted={highlightedIndex === index ? 'true' : undefined}
              {...getItemProps({ item, index, ...click(item) })}
            >
              {item.label}
            </li>
          ))
        : null}
      {isOpen && items.length === 0 ? (
        <li className="picker-note" role="presentation">
          {emptyNote}
        </li>
      ) : null}
      {isOpen && hidden > 0 ? (
        <li className="picker-note" role="presentation">
          {hidden} more {hidden === 1 ? 'matches' : 'match'}: keep typing to narrow.
        </li>
      ) : null}
    </ul>
  );
}
