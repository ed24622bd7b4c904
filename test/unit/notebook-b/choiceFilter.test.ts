import { describe, expect, it } from 'vitest';
import { narrowChoices, type ChoiceOption } from '../../../shared/notebook/choiceFilter';

const risks: ChoiceOption[] = [
  { value: 'r1', label: 'Reporting database server runs out of disk space' },
  { value: 'r2', label: 'Weekly batch jobs fail without anyone noticing' },
  { value: 'r3', label: 'Réseau de sauvegarde saturé' },
  { value: 'r4', label: 'Publishing depends on a single database administrator' },
];

const labels = (shown: ChoiceOption[]) => shown.map((o) => o.value);

describe('narrowChoices', () => {
  it('shows every option, in order, with no filter and room for all', () => {
    const result = narrowChoices(risks, new Set(), '', 10);
    expect(labels(result.shown)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(result.hidden).toBe(0);
    expect(result.matching).toBe(4);
  });

  it('matches every word of the filter in any order, any case, accents ignored', () => {
    expect(labels(narrowChoices(risks, new Set(), 'DATABASE', 10).shown)).toEqual(['r1', 'r4']);
    expect(labels(narrowChoices(risks, new Set(), 'disk database', 10).shown)).toEqual(['r1']);
    expect(labels(narrowChoices(risks, new Set(), 'reseau sature', 10).shown)).toEqual(['r3']);
    expect(labels(narrowChoices(risks, new Set(), '  batch   ', 10).shown)).toEqual(['r2']);
    expect(narrowChoices(risks, new Set(), 'nothing like it', 10).shown).toEqual([]);
  });

  it('keeps chosen options listed in place even when the filter does not match them', () => {
    const result = narrowChoices(risks, new Set(['r2']), 'database', 10);
    expect(labels(result.shown)).toEqual(['r1', 'r2', 'r4']);
    expect(result.matching).toBe(2);
  });

  it('lists at most `limit` unchosen options and counts the rest', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ value: `r${i}`, label: `Risk ${i}` }));
    const result = narrowChoices(many, new Set(['r999']), '', 50);
    expect(result.shown).toHaveLength(51);
    expect(result.shown.at(-1)?.value).toBe('r999');
    expect(result.hidden).toBe(949);
    const withFive = many.filter((o) => o.label.includes('5')).length;
    const narrowed = narrowChoices(many, new Set(), 'risk 5', 5);
    expect(labels(narrowed.shown)).toEqual(['r5', 'r15', 'r25', 'r35', 'r45']);
    expect(narrowed.matching).toBe(withFive);
    expect(narrowed.hidden).toBe(withFive - 5);
  });
});
