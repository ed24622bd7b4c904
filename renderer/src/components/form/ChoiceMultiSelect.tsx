import { useMemo, useState, type KeyboardEvent } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useCombobox, useMultipleSelection } from 'downshift';
import { narrowChoices, type ChoiceOption } from '@shared/notebook/choiceFilter';
import { ControlledField } from './ControlledField';
import { PickerMenu, type DownshiftEvent } from './PickerMenu';
import './form.css';
import type { FieldProps } from './fields';

/** At most this many unchosen options are listed at once (type to narrow the rest). */
const SHOWN_AT_MOST = 50;
const NONE: ReadonlySet<string> = new Set();

/** Props of the picker itself, without the form binding. */
export interface MultiPickerProps {
  id: string;
  label: string;
  options: readonly ChoiceOption[];
  /** The chosen values, in the options' order (unknown values first). */
  value: readonly string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  /** Placeholder of the search box, for example "Add a person…". */
  placeholder?: string;
  emptyMessage?: string;
  /** The label of a chosen value no option has (a record deleted since), to remove it. */
  unknownLabel?: string;
  describedBy?: string;
  invalid?: boolean;
}

/**
 * A searchable multiple choice: the chosen as chips (each with a remove button; Backspace in an
 * empty box or Delete on a chip removes), a combobox that narrows the rest as you type (any
 * case, accents ignored, every word must match) and a listbox you walk with the arrow keys and
 * choose from with Enter or a click. Built on Downshift's useCombobox and useMultipleSelection
 * (the WAI-ARIA 1.2 combobox pattern); scales to thousands of options since only 50 are listed.
 */
export function MultiPicker({
  id,
  label,
  options,
  value,
  onChange,
  onBlur,
  placeholder = 'Type to search…',
  emptyMessage = 'Nothing to choose from.',
  unknownLabel = 'A record no longer listed',
  describedBy,
  invalid,
}: MultiPickerProps) {
  const [input, setInput] = useState('');
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const chosen = useMemo(() => new Set(value), [value]);
  const selectedItems = useMemo(
    () => value.map((v) => byValue.get(v) ?? { value: v, label: unknownLabel }),
    [value, byValue, unknownLabel],
  );
  const { shown, hidden } = useMemo(() => {
    const open = options.filter((o) => !chosen.has(o.value));
    return narrowChoices(open, NONE, input, SHOWN_AT_MOST);
  }, [options, chosen, input]);

  const order = useMemo(() => options.map((o) => o.value), [options]);
  const add = (item: ChoiceOption) => {
    const unknown = value.filter((v) => !byValue.has(v));
    onChange([...unknown, ...order.filter((v) => v === item.value || chosen.has(v))]);
  };
  const remove = (item: ChoiceOption) => onChange(value.filter((v) => v !== item.value));

  const { getSelectedItemProps, getDropdownProps } = useMultipleSelection<ChoiceOption>({
    selectedItems,
    itemToKey: (item) => item?.value,
    onStateChange: ({ type, selectedItems: next }) => {
      if (
        next &&
        (type === useMultipleSelection.stateChangeTypes.SelectedItemKeyDownBackspace ||
          type === useMultipleSelection.stateChangeTypes.SelectedItemKeyDownDelete ||
          type === useMultipleSelection.stateChangeTypes.DropdownKeyDownBackspace ||
          type === useMultipleSelection.stateChangeTypes.FunctionRemoveSelectedItem)
      ) {
        onChange(next.map((i) => i.value));
      }
    },
  });

  const combobox = useCombobox<ChoiceOption>({
    id,
    inputId: id,
    items: shown,
    itemToString: (item) => item?.label ?? '',
    itemToKey: (item) => item?.value,
    // Downshift owns the box's text; the list is narrowed by the copy kept here. A choice is
    // made in the key or click event itself (never through Downshift's selectedItem, whose
    // after-render callbacks would reset the box and drop the next keystroke).
    selectedItem: null,
    defaultHighlightedIndex: 0,
  });
  const { isOpen, highlightedIndex, getLabelProps, getInputProps, openMenu, setInputValue } =
    combobox;

  const choose = (item: ChoiceOption | undefined) => {
    if (!item) return;
    add(item);
    setInput('');
    setInputValue('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement> & { nativeEvent: DownshiftEvent }) => {
    if (event.key === 'Enter' && isOpen && highlightedIndex >= 0) {
      event.preventDefault();
      event.nativeEvent.preventDownshiftDefault = true;
      choose(shown[highlightedIndex]);
      return;
    }
    // Escape closes the list first; with the list closed it is the dialog's.
    if (event.key === 'Escape' && isOpen) {
      event.stopPropagation();
      event.preventDefault();
    } else if (event.key === 'Escape') {
      event.nativeEvent.preventDownshiftDefault = true;
    }
    // Enter with the list closed must not choose or submit anything by surprise: it opens it.
    if (event.key === 'Enter' && !isOpen && input !== '') {
      event.preventDefault();
      openMenu();
    }
  };

  const dropdown = getDropdownProps({ preventKeyAction: isOpen && input !== '' }) as {
    onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  };

  return (
    <div className={`picker${invalid ? ' picker-invalid' : ''}`}>
      <label className="picker-label" {...getLabelProps()}>
        {label}
        {value.length > 0 ? <span className="picker-count"> ({value.length})</span> : null}
      </label>
      <div className="picker-box">
        {selectedItems.length > 0 ? (
          <ul className="picker-chips" aria-label={`Chosen: ${label}`}>
            {selectedItems.map((item, index) => (
              <li
                key={item.value}
                className={`picker-chip${byValue.has(item.value) ? '' : ' picker-chip-unknown'}`}
                {...getSelectedItemProps({ selectedItem: item, index })}
              >
                <span className="picker-chip-label">{item.label}</span>
                <button
                  type="button"
                  className="picker-chip-remove"
                  aria-label={`Remove ${item.label}`}
                  tabIndex={-1}
                  onClick={(event) => {
                    event.stopPropagation();
                    remove(item);
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          className="picker-input"
          placeholder={options.length === 0 ? emptyMessage : placeholder}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          {...getInputProps({
            ...dropdown,
            // Ours first, then the chips' (Backspace in an empty box); not through
            // getDropdownProps, which drops the handlers given to it while the list is open.
            onKeyDown: (
              event: KeyboardEvent<HTMLInputElement> & { nativeEvent: DownshiftEvent },
            ) => {
              onKeyDown(event);
              if (!event.nativeEvent.preventDownshiftDefault) dropdown.onKeyDown?.(event);
            },
            onBlur,
            // Narrow the list in the keystroke's own event, so Enter right after typing
            // chooses from the narrowed list.
            onChange: (event) => setInput((event.currentTarget as HTMLInputElement).value),
            onClick: () => openMenu(),
          })}
        />
      </div>
      <PickerMenu
        combobox={combobox}
        items={shown}
        hidden={hidden}
        onChoose={choose}
        emptyNote={
          options.length === 0
            ? emptyMessage
            : input.trim() === ''
              ? 'Everything is chosen.'
              : `Nothing matches “${input.trim()}”.`
        }
      />
    </div>
  );
}

/**
 * Choose several records (value: an array of ids) from a possibly long list, bound to a form
 * field: see {@link MultiPicker}.
 */
export function ChoiceMultiSelect<T extends FieldValues>(
  props: FieldProps<T> & {
    options: readonly ChoiceOption[];
    /** Placeholder of the search box, for example "Add a person…". */
    filterPlaceholder?: string;
    /** Shown when there is nothing to choose from. */
    emptyMessage?: string;
    /** The label of a chosen value no option has (a record deleted since), to remove it. */
    unknownLabel?: string;
  },
) {
  const { options, filterPlaceholder, emptyMessage, unknownLabel, ...field } = props;
  return (
    <ControlledField
      {...field}
      render={(binding, value) => (
        <MultiPicker
          {...binding}
          options={options}
          value={Array.isArray(value) ? (value as string[]) : []}
          placeholder={filterPlaceholder}
          emptyMessage={emptyMessage}
          unknownLabel={unknownLabel}
        />
      )}
    />
  );
}
