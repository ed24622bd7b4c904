import { engagementDisplay } from '@shared/time/display';
import { useCallback, useState } from 'react';
import { newId } from '@shared/ids';
import { composeMemo } from '@shared/memo';
import { buildSampleEngagement, sampleMemoPlan } from '@shared/sample';
import { issueMemoVersion } from '../../../db/repositories/memos';
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
      const now = new Date();
      const data = buildSampleEngagement({ now, newId });
      data.engagement = {
        ...data.engagement,
        consultantName: settings.consultantName || data.engagement.consultantName,
        consultantFirm: settings.consultantFirm || data.engagement.consultantFirm,
      };
      // The issued memo and the reply acknowledging it (composed first: hashing is not a
      // database step, and the writes below are one transaction).
      const plan = sampleMemoPlan(data, now);
      const memo = await composeMemo(
        data,
        plan.options,
        'issued',
        engagementDisplay(data.engagement),
      );
      const count = await store.atomically(async () => {
        const written = await store.importEngagement(data);
        const record = await issueMemoVersion(
          store,
          {
            engagementId: data.engagement.id,
            memoId: plan.options.memoId,
            version: 1,
            status: 'issued',
            supersededBy: null,
            issuedAt: plan.issuedAt,
            subject: memo.memo.header.subject,
            recipientIds: plan.options.recipientIds,
            ccIds: plan.options.ccIds,
            composition: {
              date: plan.options.date,
              scopeKind: 'open',
              selectedIssueIds: [],
              excludeInternal: true,
              purpose: '',
              limits: '',
              responsibility: '',
              distribution: '',
            },
            display: memo.display,
            content: memo.canonical,
            fingerprint: memo.fingerprint,
            markdown: memo.markdown,
            cited: memo.cited,
            itemIssueIds: memo.memo.items.map((i) => i.id),
            exports: [],
          },
          null,
        );
        await store.raisedIssues.recordAcknowledgement(plan.reply.raisedIssueId, {
          ...plan.reply,
          memoId: record.memoId,
          memoVersion: record.version,
        });
        return written + 2;
      });
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
