import { useCallback, useState } from 'react';
import { newId } from '@shared/ids';
import { buildSampleEngagement } from '@shared/sample';
import { useWorkbench } from '../../app/WorkbenchContext';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';

/** Loads the fictional Northwind Learning engagement, dated relative to today, and opens it. */
export function useLoadSample(): { loadSample: () => Promise<void>; loading: boolean } {
  const { store, settings } = useWorkbench();
  const selectEngagement = useUiStore((s) => s.selectEngagement);
  const pushToast = useUiStore((s) => s.pushToast);
  const [loading, setLoading] = useState(false);

  const loadSample = useCallback(async () => {
    setLoading(true);
    try {
      const data = buildSampleEngagement({ now: new Date(), newId });
      data.engagement = {
        ...data.engagement,
        consultantName: settings.consultantName,
        consultantFirm: settings.consultantFirm,
      };
      const count = await store.importEngagement(data);
      selectEngagement(data.engagement.id);
      pushToast({ tone: 'success', message: `Sample engagement loaded: ${count} records.` });
    } catch (error) {
      pushToast({
        tone: 'error',
        message: `The sample engagement could not be loaded: ${errorMessage(error)}`,
      });
    } finally {
      setLoading(false);
    }
  }, [store, settings.consultantName, settings.consultantFirm, selectEngagement, pushToast]);

  return { loadSample, loading };
}
