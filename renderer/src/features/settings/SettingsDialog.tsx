import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { settingsSchema } from '@shared/model/settings';
import type { z } from 'zod';
import { Dialog } from '../../components/Dialog';
import { useWorkbench } from '../../app/WorkbenchContext';
import { useUiStore } from '../../state/uiStore';
import { errorMessage } from '../../lib/errorMessage';

const formSchema = settingsSchema.pick({
  consultantName: true,
  consultantFirm: true,
  deviceName: true,
  notifyDue: true,
});
type FormValues = z.input<typeof formSchema>;

/** The consultant's name and firm (defaults for new engagements' memos) and this device's name. */
export function SettingsDialog() {
  const { settings, updateSettings } = useWorkbench();
  const closeDialog = useUiStore((s) => s.closeDialog);
  const pushToast = useUiStore((s) => s.pushToast);
  const [saveError, setSaveError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      consultantName: settings.consultantName,
      consultantFirm: settings.consultantFirm,
      deviceName: settings.deviceName,
      notifyDue: settings.notifyDue,
    },
  });

  const submit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      await updateSettings(values);
      pushToast({ tone: 'success', message: 'Settings saved.' });
      closeDialog();
    } catch (error) {
      setSaveError(`Not saved: ${errorMessage(error)}`);
    }
  });

  return (
    <Dialog
      title="Settings"
      description="Set once on each device. New engagements take your name and firm for their memos."
      onClose={closeDialog}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            Save settings
          </button>
        </>
      }
    >
      {saveError ? (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="settings-name">Your name</label>
        <input
          id="settings-name"
          {...register('consultantName')}
          aria-invalid={errors.consultantName ? true : undefined}
        />
        {errors.consultantName ? (
          <span className="field-error">Name {errors.consultantName.message}</span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="settings-firm">Your firm</label>
        <input
          id="settings-firm"
          {...register('consultantFirm')}
          aria-invalid={errors.consultantFirm ? true : undefined}
        />
        {errors.consultantFirm ? (
          <span className="field-error">Firm {errors.consultantFirm.message}</span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="settings-device">This device’s name</label>
        <input
          id="settings-device"
          {...register('deviceName')}
          aria-invalid={errors.deviceName ? true : undefined}
        />
        <span className="field-hint">
          Shown in record histories and to the devices you sync with.
        </span>
        {errors.deviceName ? (
          <span className="field-error">Device name {errors.deviceName.message}</span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="settings-notify" className="checkbox-row">
          <input id="settings-notify" type="checkbox" {...register('notifyDue')} /> Remind me once a
          day of what came due
        </label>
        <span className="field-hint">
          An OS notification of answers overdue, follow-ups, late fixes and risk acceptances.
        </span>
      </div>
      <p className="field-hint">Device id: {settings.deviceId}</p>
    </Dialog>
  );
}
