import {
  RATING_KEY_LABELS,
  RatingKeyFields,
  ratingKeyFromForm,
  ratingKeyToForm,
  ratingKeyFormShape,
} from './RatingKeyFields';
import type { MemoTemplate } from '@shared/model/settings';
import { deviceTimeZone, engagementTimeZone, isValidTimeZone } from '@shared/time/display';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  engagementObject,
  engagementStatusSchema,
  type Engagement,
} from '@shared/model/engagement';
import { suggestEngagementCode } from '@shared/engagementCode';
import { defaultResponsibility } from '@shared/memo/defaults';
import { Dialog } from '../../components/Dialog';
import { useWorkbench } from '../../app/WorkbenchContext';
import { useUiStore } from '../../state/uiStore';
import { errorMessage } from '../../lib/errorMessage';
import { fieldErrorsOf } from '../../lib/fieldErrors';
import { LOGO_MAX_DATA_URL } from '@shared/memo/logo';
import { LogoField } from './LogoField';

const optionalDate = z.union([z.literal(''), z.iso.date({ message: 'must be a date' })]);

/** The form's own shape: dates as '' or YYYY-MM-DD, validated with the shared field rules. */
const formSchema = z
  .object({
    client: engagementObject.shape.client,
    // Optional here: left empty, the engagement is titled after the client.
    title: z.string().trim().max(200, 'must be at most 200 characters'),
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{2,8}$/, 'must be 2 to 8 upper-case letters or digits'),
    status: engagementStatusSchema,
    startDate: optionalDate,
    endDate: optionalDate,
    scope: z.string().max(5_000, 'must be at most 5000 characters'),
    consultantName: z.string().max(200, 'must be at most 200 characters'),
    consultantFirm: z.string().max(200, 'must be at most 200 characters'),
    memoResponsibility: z.string().max(20_000, 'must be at most 20000 characters'),
    memoLetterhead: z.string().max(2_000, 'must be at most 2000 characters'),
    memoSignature: z.string().max(2_000, 'must be at most 2000 characters'),
    memoLogo: z.string().max(LOGO_MAX_DATA_URL, 'must be at most 200 KB'),
    timeZone: z
      .string()
      .trim()
      .refine(isValidTimeZone, 'must be a time zone such as Europe/Berlin'),
    memoDateStyle: z.enum(['iso', 'long']),
    ...ratingKeyFormShape,
  })
  .refine((v) => !v.startDate || !v.endDate || v.startDate <= v.endDate, {
    message: 'must not be before the start date',
    path: ['endDate'],
  });

type FormValues = z.infer<typeof formSchema>;
type FieldName = keyof FormValues;

function toFormValues(
  engagement: Engagement | undefined,
  defaults: { name: string; firm: string; template: MemoTemplate | undefined },
): FormValues {
  const t = engagement ? undefined : defaults.template;
  return {
    client: engagement?.client ?? '',
    title: engagement?.title ?? '',
    code: engagement?.code ?? '',
    status: engagement?.status ?? 'active',
    startDate: engagement?.startDate ?? new Date().toISOString().slice(0, 10),
    endDate: engagement?.endDate ?? '',
    scope: engagement?.scope ?? '',
    consultantName: engagement?.consultantName ?? defaults.name,
    consultantFirm: engagement?.consultantFirm ?? defaults.firm,
    memoResponsibility: engagement?.memoResponsibility ?? t?.responsibility ?? '',
    memoLetterhead: engagement?.memoLetterhead ?? t?.letterhead ?? '',
    memoSignature: engagement?.memoSignature ?? t?.signature ?? '',
    memoLogo: engagement?.memoLogo ?? t?.logo ?? '',
    timeZone: engagement ? engagementTimeZone(engagement) : (t?.timeZone ?? deviceTimeZone()),
    memoDateStyle: engagement?.memoDateStyle ?? t?.dateStyle ?? 'iso',
    ...ratingKeyToForm(engagement ? engagement.memoRatingKey : t?.ratingKey),
  };
}

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
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: toFormValues(engagement, {
      name: settings.consultantName,
      firm: settings.consultantFirm,
      template: settings.memoTemplate,
    }),
  });

  const clientName = watch('client');

  const submit = handleSubmit(async (values) => {
    setSaveError(null);
    const {
      memoResponsibility,
      memoLetterhead,
      memoSignature,
      memoLogo,
      ratingHighMeaning,
      ratingHighTime,
      ratingMediumMeaning,
      ratingMediumTime,
      ratingLowMeaning,
      ratingLowTime,
      ...rest
    } = values;
    const ratingKey = ratingKeyFromForm(
      {
        ratingHighMeaning,
        ratingHighTime,
        ratingMediumMeaning,
        ratingMediumTime,
        ratingLowMeaning,
        ratingLowTime,
      },
      engagement?.memoRatingKey,
    );
    const input = {
      ...rest,
      ...(ratingKey ? { memoRatingKey: ratingKey } : {}),
      title: rest.title.trim() === '' ? rest.client.trim() : rest.title,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      // Left empty on an engagement that never had one: not written (no empty change logged).
      ...(memoResponsibility.trim() !== '' || engagement?.memoResponsibility !== undefined
        ? { memoResponsibility: memoResponsibility.trim() === '' ? '' : memoResponsibility }
        : {}),
      ...(memoLetterhead.trim() !== '' || engagement?.memoLetterhead !== undefined
        ? { memoLetterhead }
        : {}),
      ...(memoSignature.trim() !== '' || engagement?.memoSignature !== undefined
        ? { memoSignature }
        : {}),
      ...(memoLogo !== '' || engagement?.memoLogo !== undefined ? { memoLogo } : {}),
    };
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
        if (field in formSchema.shape) setError(field as FieldName, { message });
      }
      setSaveError(`Not saved: ${errorMessage(error)}`);
    }
  });

  const fieldError = (name: FieldName) => {
    const message = errors[name]?.message;
    return message ? (
      <span className="field-error" id={`${idPrefix}-${name}-error`} role="alert">
        {labelOf(name)} {message}
      </span>
    ) : null;
  };
  const a11y = (name: FieldName) => ({
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
        <RatingKeyFields register={(name) => register(name)} a11y={a11y} fieldError={fieldError} />
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
          <span className="field-hint">Memos print times in this zone, with its abbreviation.</span>
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
      </div>
    </Dialog>
  );
}

const LABELS: Record<FieldName, string> = {
  client: 'Client',
  title: 'Title',
  code: 'Memo code',
  status: 'Status',
  startDate: 'Start date',
  endDate: 'End date',
  scope: 'Scope',
  consultantName: 'Name',
  consultantFirm: 'Firm',
  memoResponsibility: 'Responsibility paragraph',
  memoLetterhead: 'Letterhead',
  memoSignature: 'Signature block',
  memoLogo: 'Logo',
  timeZone: 'Time zone',
  memoDateStyle: 'Dates on memos',
  ...RATING_KEY_LABELS,
};

/** The zones Intl knows, offered while typing (the field takes any name Intl accepts). */
const TIME_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

function labelOf(name: FieldName): string {
  return LABELS[name];
}
