import { describe, expect, it } from 'vitest';
import type { Engagement } from '@shared/model/engagement';
import {
  engagementFormSchema,
  fromEngagementForm,
  toEngagementForm,
  type EngagementFormValues,
} from '../../../renderer/src/features/engagements/engagementForm';

const defaults = { name: 'Ada Consultant', firm: 'Ada Ltd', template: undefined };

/** A new engagement's form as the user leaves it, with `patch` typed in. */
const newForm = (patch: Partial<EngagementFormValues> = {}): EngagementFormValues => ({
  ...toEngagementForm(undefined, defaults),
  client: 'Northwind Logistics',
  code: 'NWL',
  ...patch,
});

/** An existing engagement: fromEngagementForm reads only its memo wording and rating key. */
const had = (fields: Partial<Engagement>): Engagement => fields as Engagement;

describe('engagement form: what a new engagement starts from', () => {
  it('takes the consultant from the settings and the template wording when there is one', () => {
    const values = toEngagementForm(undefined, {
      ...defaults,
      template: {
        letterhead: 'Ada Ltd, 1 High St',
        signature: 'Ada',
        responsibility: 'Ours is advice.',
        timeZone: 'Europe/Berlin',
        dateStyle: 'long',
      },
    });
    expect(values.consultantName).toBe('Ada Consultant');
    expect(values.consultantFirm).toBe('Ada Ltd');
    expect(values.memoLetterhead).toBe('Ada Ltd, 1 High St');
    expect(values.memoResponsibility).toBe('Ours is advice.');
    expect(values.timeZone).toBe('Europe/Berlin');
    expect(values.memoDateStyle).toBe('long');
    expect(values.title).toBe('');
  });
});

describe('engagement form: what is saved', () => {
  it('titles an engagement after its client when the title is left empty', () => {
    expect(fromEngagementForm(newForm({ title: '  ' }), undefined).input.title).toBe(
      'Northwind Logistics',
    );
    expect(fromEngagementForm(newForm({ title: 'Audit 2026' }), undefined).input.title).toBe(
      'Audit 2026',
    );
  });

  it('saves empty dates as null', () => {
    const { input } = fromEngagementForm(newForm({ startDate: '', endDate: '' }), undefined);
    expect(input.startDate).toBeNull();
    expect(input.endDate).toBeNull();
  });

  it('does not write memo wording left empty on an engagement that never had it', () => {
    const values = newForm({ memoResponsibility: ' ', memoLetterhead: '', memoSignature: '' });
    const { input } = fromEngagementForm(values, undefined);
    expect('memoResponsibility' in input).toBe(false);
    expect('memoLetterhead' in input).toBe(false);
    expect('memoSignature' in input).toBe(false);
  });

  it('clears memo wording the engagement had when it is emptied', () => {
    const values = newForm({ memoResponsibility: '  ', memoLetterhead: '', memoSignature: '' });
    const { input } = fromEngagementForm(
      values,
      had({ memoResponsibility: 'Old', memoLetterhead: 'Old', memoSignature: 'Old' }),
    );
    expect(input).toMatchObject({ memoResponsibility: '', memoLetterhead: '', memoSignature: '' });
  });

  it('keeps the standard rating key out of a new engagement, and a changed one in', () => {
    expect(fromEngagementForm(newForm(), undefined).ratingKey).toBeNull();
    const changed = fromEngagementForm(newForm({ ratingHighTime: 'within 2 days' }), undefined);
    expect(changed.ratingKey?.high.timeToAct).toBe('within 2 days');
    expect(changed.input).toHaveProperty('memoRatingKey', changed.ratingKey);
  });
});

describe('engagement form: what is refused', () => {
  it('refuses an end date before the start date, a bad code and an unknown zone', () => {
    const result = engagementFormSchema.safeParse(
      newForm({
        startDate: '2026-05-02',
        endDate: '2026-05-01',
        code: 'nw',
        timeZone: 'Mars/Base',
      }),
    );
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['code', 'endDate', 'timeZone']);
  });

  it('accepts the form as a new engagement starts', () => {
    expect(engagementFormSchema.safeParse(newForm()).success).toBe(true);
  });
});
