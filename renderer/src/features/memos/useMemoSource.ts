import { useMemo } from 'react';
import type { Engagement } from '@shared/model/engagement';
import type { MemoRecord } from '@shared/model/memo';
import type { MemoSource } from '@shared/memo/buildMemo';
import { useRecords } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';

/** The records a memo is built from, plus the engagement's issued memos (undefined while loading). */
export function useMemoSource(
  engagement: Engagement,
): { source: MemoSource; memos: MemoRecord[] } | undefined {
  const { db } = useWorkbench();
  const stakeholders = useRecords(db, 'stakeholder', engagement.id);
  const ownershipAreas = useRecords(db, 'ownershipArea', engagement.id);
  const risks = useRecords(db, 'risk', engagement.id);
  const raisedIssues = useRecords(db, 'raisedIssue', engagement.id);
  const acknowledgements = useRecords(db, 'acknowledgement', engagement.id);
  const memos = useRecords(db, 'memo', engagement.id);
  const attachments = useRecords(db, 'attachment', engagement.id);
  return useMemo(() => {
    if (
      !stakeholders ||
      !ownershipAreas ||
      !risks ||
      !raisedIssues ||
      !acknowledgements ||
      !memos ||
      !attachments
    ) {
      return undefined;
    }
    return {
      source: {
        engagement,
        stakeholders,
        ownershipAreas,
        risks,
        raisedIssues,
        acknowledgements,
        attachments,
      },
      memos,
    };
  }, [
    engagement,
    stakeholders,
    ownershipAreas,
    risks,
    raisedIssues,
    acknowledgements,
    memos,
    attachments,
  ]);
}
