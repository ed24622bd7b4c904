import { RatingKeyFields } from './RatingKeyFields';
import {
  TIME_ZONES,
  engagementFormSchema,
  fromEngagementForm,
  labelOf,
  toEngagementForm,
  type EngagementFieldName,
  type EngagementFormValues,
} from './engagementForm';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { engagementStatusSchema, type Engagement } from '@shared/model/engagement';
import { suggestEngagementCode } from '@shared/engagementCode';
import { defaultResponsibility } from '@shared/memo/defaults';
import { Dialog } from '../../components/Dialog';
import { FormSection } from '../../components/form';
import { useWorkbench } from '../../app/WorkbenchContext';
import { useUiStore } from '../../state/uiStore';
import { errorMessage } from '../../lib/errorMessage';
import { fieldErrorsOf } from '../../lib/fieldErrors';
import { LogoField } from './LogoField';

/** Create a new engagement or edit (rename) an existing one. */
export function EngagementFormDialog({ engagement }: { engagement?: Engagement }) {
  const { store, settings, updateSettings } = useWorkbench();
  const [saveTemplate, setSaveTemplate] = useState(false);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const selectEngagement = useUiStore((s) => s.selectEngagement);
  const pushToast = useUiStore((s) => s.pushToast);
  const idPrefix = useId();
  const [saveError, setSaveError] = useState<string | null>(null);
  const [codeTouched, setCodeTouched] = useState(Boolean(engagement));
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<EngagementFormValues>({
    resolver: zodResolver(engagementFormSchema),
    defaultValues: toEngagementForm(engagement, {
      name: settings.consultantName,
      firm: settings.consultantFirm,
      template: settings.memoTemplate,
    }),
  });

  const clientName = watch('client');

  const submit = handleSubmit(async (values) => {
    setSaveError(null);
    const { input, ratingKey } = fromEngagementForm(values, engagement);
    const { memoResponsibility, memoLetterhead, memoSignature, memoLogo } = values;
    try {
      if (saveTemplate)
        await updateSettings({
          memoTemplate: {
            letterhead: memoLetterhead,
            signature: memoSignature,
            responsibility: memoResponsibility,
            timeZone: values.timeZone,
            dateStyle: values.memoDateStyle,
            ...(ratingKey ? { ratingKey } : {}),
            ...(memoLogo !== '' ? { logo: memoLogo } : {}),
          },
        });
      if (engagement) {
        await store.engagements.update(engagement.id, input);
        pushToast({ tone: 'success', message: 'Engagement saved.' });
      } else {
        const created = await store.engagements.create(input);
        selectEngagement(created.id);
        pushToast({ tone: 'success', message: `Engagement “${created.client}” created.` });
      }
      closeDialog();
    } catch (error) {
      // Keep everything typed: show the field's error, or the reason, and leave the form open.
      const fieldErrors = fieldErrorsOf(error);
      for (const { field, message } of fieldErrors) {
        if (field in engagementFormSchema.shape)
          setError(field as EngagementFieldName, { message });
      }
      setSaveError(`Not saved: ${errorMessage(error)}`);
    }
  });

  const fieldError = (name: EngagementFieldName) => {
    const message = errors[name]?.message;
    return message ? (
      <span className="field-error" id={`${idPrefix}-${name}-error`} role="alert">
        {labelOf(name)} {message}
      </span>
    ) : null;
  };
  const a11y = (name: EngagementFieldName) => ({
    id: `${idPrefix}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${idPrefix}-${name}-error` : undefined,
  });

  return (
    <Dialog
      title={engagement ? 'Edit engagement' : 'New engagement'}
      description={
        engagement
          ? undefined
          : 'One engagement per client assignment. Everything you record lives inside it.'
      }
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {engagement ? 'Save changes' : 'Create engagement'}
          </button>
        </>
      }
    >
      {saveError ? (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      ) : null}
      <div className="form-grid">
        <FormSection title="Client and engagement">
          <div className="field">
            <label htmlFor={`${idPrefix}-client`}>Client</label>
            <input
              {...register('client', {
                onChange: (event: { target: { value: string } }) => {
                  if (!codeTouched) setValue('code', suggestEngagementCode(event.target.value));
                },
              })}
              {...a11y('client')}
              data-autofocus
              placeholder="For example: Northwind Learning"
            />
            {fieldError('client')}
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-title`}>Engagement title</label>
            <input
              {...register('title')}
              {...a11y('title')}
              placeholder={
                clientName.trim() === ''
                  ? 'Optional: the client by default'
                  : `Optional: “${clientName.trim()}” by default`
              }
            />
            {fieldError('title')}
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-code`}>Memo code</label>
            <input
              {...register('code', {
                onChange: () => setCodeTouched(true),
                setValueAs: (v: string) => v.toUpperCase(),
              })}
              {...a11y('code')}
              placeholder="NWL"
              maxLength={8}
            />
            <span className="field-hint">Used in memo ids, for example NWL-M-2026-004.</span>
            {fieldError('code')}
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-status`}>Status</label>
            <select {...register('status')} {...a11y('status')}>
              {engagementStatusSchema.options.map((s) => (
                <option key={s} value={s}>
                  {s[0]?.toUpperCase() + s.slice(1)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-startDate`}>Start date</label>
            <input type="date" {...register('startDate')} {...a11y('startDate')} />
            {fieldError('startDate')}
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-endDate`}>End date</label>
            <input type="date" {...register('endDate')} {...a11y('endDate')} />
            {fieldError('endDate')}
          </div>
          <div className="field span-2">
            <label htmlFor={`${idPrefix}-scope`}>Scope</label>
            <textarea
              {...register('scope')}
              {...a11y('scope')}
              placeholder="What you were engaged to do, and what is out of scope."
            />
            {fieldError('scope')}
          </div>
        </FormSection>
        <FormSection title="You, on its memos">
          <div className="field">
            <label htmlFor={`${idPrefix}-consultantName`}>Your name on memos</label>
            <input {...register('consultantName')} {...a11y('consultantName')} />
            {fieldError('consultantName')}
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-consultantFirm`}>Your firm on memos</label>
            <input {...register('consultantFirm')} {...a11y('consultantFirm')} />
            {fieldError('consultantFirm')}
          </div>
          <div className="field span-2">
            <label htmlFor={`${idPrefix}-memoResponsibility`}>
              Responsibility paragraph on memos
            </label>
            <textarea
              {...register('memoResponsibility')}
              {...a11y('memoResponsibility')}
              rows={4}
              placeholder={defaultResponsibility({
                client: clientName.trim() === '' ? 'the client' : clientName,
                engagementTitle: '',
                engagementScope: '',
              })}
            />
            <span className="field-hint">
              Every memo of this engagement uses it unless the memo sets its own. Empty uses the
              standard wording shown.
            </span>
            {fieldError('memoResponsibility')}
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-memoLetterhead`}>Letterhead on memos</label>
            <textarea
              {...register('memoLetterhead')}
              {...a11y('memoLetterhead')}
              rows={3}
              placeholder={'Firm name\nStreet and number\nPostcode and city'}
            />
            {fieldError('memoLetterhead')}
          </div>
          <LogoField
            id={`${idPrefix}-memoLogo`}
            value={watch('memoLogo')}
            onChange={(dataUrl) => setValue('memoLogo', dataUrl, { shouldDirty: true })}
          />
          <div className="field">
            <label htmlFor={`${idPrefix}-memoSignature`}>Signature block on memos</label>
            <textarea
              {...register('memoSignature')}
              {...a11y('memoSignature')}
              rows={3}
              placeholder={'Name\nRole\nE-mail, phone'}
            />
            {fieldError('memoSignature')}
          </div>
        </FormSection>
        <FormSection title="Memo wording and dates">
          <RatingKeyFields
            register={(name) => register(name)}
            a11y={a11y}
            fieldError={fieldError}
          />
          <div className="field">
            <label htmlFor={`${idPrefix}-timeZone`}>Time zone</label>
            <input
              {...register('timeZone')}
              {...a11y('timeZone')}
              list={`${idPrefix}-zones`}
              spellCheck={false}
            />
            <datalist id={`${idPrefix}-zones`}>
              {TIME_ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <span className="field-hint">
              Memos print times in this zone, with its abbreviation.
            </span>
            {fieldError('timeZone')}
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-memoDateStyle`}>Dates on memos</label>
            <select {...register('memoDateStyle')} {...a11y('memoDateStyle')}>
              <option value="iso">2026-11-23 (ISO)</option>
              <option value="long">23 November 2026</option>
            </select>
            {fieldError('memoDateStyle')}
          </div>
          <div className="field span-2">
            <label htmlFor={`${idPrefix}-saveTemplate`} className="checkbox-row">
              <input
                id={`${idPrefix}-saveTemplate`}
                type="checkbox"
                checked={saveTemplate}
                onChange={(e) => setSaveTemplate(e.target.checked)}
              />{' '}
              Save as the template for new engagements
            </label>
            <span className="field-hint">
              Letterhead, logo, signature, responsibility paragraph, rating key, time zone and date
              style: the next new engagement starts from them.
            </span>
          </div>
        </FormSection>
      </div>
    </Dialog>
  );
}
