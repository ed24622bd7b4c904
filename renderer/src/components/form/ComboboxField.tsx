import { useMemo, useState, type KeyboardEvent } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useCombobox } from 'downshift';
import { narrowChoices } from '@shared/notebook/choiceFilter';
import { ControlledField } from './ControlledField';
import { PickerMenu, type DownshiftEvent } from './PickerMenu';
import type { FieldProps, SelectOption } from './fields';
import './form.css';

const SHOWN_AT_MOST = 50;
const NONE: ReadonlySet<string> = new Set();

interface PickerProps {
  id: string;
  label: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
}

/**
 * One choice from a possibly long list (people, risks, issues): a combobox showing the chosen
 * label, narrowed as you type (every word, any case, accents ignored), walked with the arrow
 * keys and chosen with Enter or a click; Escape closes the list and restores the choice.
 * Downshift's useCombobox (WAI-ARIA 1.2 combobox pattern).
 */
function SinglePicker({
  id,
  label,
  options,
  value,
  onChange,
  onBlur,
  describedBy,
  invalid,
  autoFocus,
}: PickerProps) {
  const selected = useMemo(() => options.find((o) => o.value === value) ?? null, [options, value]);
  // What the user typed since the list opened (none: the whole list); Downshift owns the box.
  const [input, setInput] = useState('');
  const { shown, hidden } = useMemo(
    () => narrowChoices(options, NONE, input, SHOWN_AT_MOST),
    [options, input],
  );
  const combobox = useCombobox<SelectOption>({
    id,
    inputId: id,
    items: shown,
    itemToString: (item) => item?.label ?? '',
    itemToKey: (item) => item?.value,
    selectedItem: selected,
    defaultHighlightedIndex: 0,
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onChange(selectedItem.value);
    },
    onIsOpenChange: ({ isOpen: open }) => {
      if (!open) setInput('');
    },
  });
  const { isOpen, getLabelProps, getInputProps } = combobox;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement> & { nativeEvent: DownshiftEvent }) => {
    // Escape closes the list first; with the list closed it is the dialog's (Downshift would
    // clear the choice and keep the dialog open).
    if (event.key === 'Escape' && isOpen) {
      event.stopPropagation();
      event.preventDefault();
    } else if (event.key === 'Escape') {
      event.nativeEvent.preventDownshiftDefault = true;
    }
  };

  return (
    <div className={`picker${invalid ? ' picker-invalid' : ''}`}>
      <label className="picker-label" {...getLabelProps()}>
        {label}
      </label>
      <div className="picker-box picker-box-single">
        <input
          className="picker-input"
          placeholder="Type to search…"
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          data-autofocus={autoFocus || undefined}
          {...getInputProps({
            onKeyDown,
            onBlur,
            // Narrow the list in the keystroke's own event (Enter right after typing is right).
            onChange: (event) => setInput(event.currentTarget.value),
            // Typing replaces the shown choice, as in a native combo box.
            onFocus: (event) => event.currentTarget.select(),
          })}
        />
        <span className="picker-caret" aria-hidden="true">
          ▾
        </span>
      </div>
      <PickerMenu
        combobox={combobox}
        items={shown}
        hidden={hidden}
        emptyNote={`Nothing matches “${input.trim()}”.`}
      />
    </div>
  );
}

/**
 * A SelectField for long lists of records: same props, same value (the option's value, '' for
 * none), but searchable (see {@link SinglePicker}).
 */
export function ComboboxField<T extends FieldValues>(
  props: FieldProps<T> & { options: readonly SelectOption[] },
) {
  const { options, autoFocus, ...field } = props;
  return (
    <ControlledField
      {...field}
      render={(binding, value) => (
        <SinglePicker
          value={typeof value === 'string' ? value : ''}
          options={options}
          autoFocus={autoFocus}
          {...binding}
        />
      )}
    />
  );
}
