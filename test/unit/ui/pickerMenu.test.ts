import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChoiceOption } from '@shared/notebook/choiceFilter';
import {
  PickerMenu,
  type DownshiftEvent,
  type PickerCombobox,
  type PickerMenuProps,
} from '../../../renderer/src/components/form/PickerMenu';

const OPTIONS: ChoiceOption[] = [
  { value: 'a', label: 'Helen Okafor' },
  { value: 'b', label: 'Victor Hale' },
];

type ItemArgs = { item: ChoiceOption; index: number; onClick?: (e: unknown) => void };

interface Case extends Partial<Omit<PickerMenuProps<ChoiceOption>, 'combobox'>> {
  isOpen?: boolean;
  highlightedIndex?: number;
}

/** Renders the list with Downshift's getters reduced to the attributes they set. */
function render({ isOpen = true, highlightedIndex = 1, ...props }: Case) {
  const itemArgs: ItemArgs[] = [];
  const combobox = {
    isOpen,
    highlightedIndex,
    getMenuProps: (p: object) => ({ role: 'listbox', id: 'menu', ...p }),
    getItemProps: (args: ItemArgs) => {
      itemArgs.push(args);
      return {
        role: 'option',
        id: `menu-item-${args.index}`,
        'aria-selected': args.index === highlightedIndex,
      };
    },
  } as unknown as PickerCombobox<ChoiceOption>;
  const html = renderToStaticMarkup(
    createElement(PickerMenu<ChoiceOption>, {
      combobox,
      items: OPTIONS,
      hidden: 0,
      emptyNote: 'Nothing matches “zzz”.',
      ...props,
    }),
  );
  return { html, itemArgs };
}

describe('PickerMenu', () => {
  it('lists the options in a labelled listbox, the highlighted one marked', () => {
    const { html } = render({ highlightedIndex: 1 });
    expect(html).toContain(
      '<ul class="picker-menu" role="listbox" id="menu" aria-label="Suggestions">',
    );
    expect(html).toContain(
      '<li class="picker-option" role="option" id="menu-item-0" aria-selected="false">Helen Okafor</li>',
    );
    expect(html).toContain(
      '<li class="picker-option" data-highlighted="true" role="option" id="menu-item-1" aria-selected="true">Victor Hale</li>',
    );
    expect(html).not.toContain('picker-note');
  });

  it('lists nothing while closed, and hides the list', () => {
    const { html, itemArgs } = render({ isOpen: false, hidden: 3 });
    expect(html).toBe(
      '<ul class="picker-menu" hidden="" role="listbox" id="menu" aria-label="Suggestions"></ul>',
    );
    expect(itemArgs).toEqual([]);
  });

  it('says when nothing is listed and how many more match', () => {
    expect(render({ items: [] }).html).toContain(
      '<li class="picker-note" role="presentation">Nothing matches “zzz”.</li>',
    );
    expect(render({ hidden: 1 }).html).toMatch(/>1 more matches: keep typing to narrow.</);
    expect(render({ hidden: 7 }).html).toMatch(/>7 more match: keep typing to narrow.</);
  });

  it('leaves a click to Downshift unless the picker chooses itself', () => {
    expect(render({}).itemArgs.map((a) => a.onClick)).toEqual([undefined, undefined]);
    const chosen: ChoiceOption[] = [];
    const { itemArgs } = render({ onChoose: (item) => chosen.push(item) });
    const event = { nativeEvent: new Event('click') as DownshiftEvent };
    itemArgs[0]?.onClick?.(event);
    expect(chosen).toEqual([OPTIONS[0]]);
    expect(event.nativeEvent.preventDownshiftDefault).toBe(true);
  });
});
