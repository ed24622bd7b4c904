import type { Acknowledgement, AcknowledgementResponse } from '@shared/model/acknowledgement';
import type { RaisedIssue, RaisedIssueStatus } from '@shared/model/raisedIssue';
import { answeredFor, isFullyAcknowledged } from '@shared/rules/addressees';
import { checkMemoLink } from '@shared/rules/acknowledgement';
import { statusAfterAnswersChanged } from '@shared/rules/issueStatus';
import type { WorkbenchDB } from '../database';
import { DeletedRecordError, RecordNotFoundError, ValidationError } from '../errors';
import type { WriteContext } from './context';
import { createRepository } from './core';
import type { CreateInput, PatchOrUpdater, Repository } from './types';

/** An acknowledgement to record against an issue: the issue and engagement are filled in. */
export type AcknowledgementForIssue = Omit<
  CreateInput<'acknowledgement'>,
  'raisedIssueId' | 'engagementId'
>;

/** Options of {@link RaisedIssueRepository.recordAcknowledgement}. */
export interface RecordAcknowledgementOptions {
  /** The issue's new status; by default derived with {@link statusAfterAcknowledgement}. */
  issueStatus?: RaisedIssueStatus;
}

/** The raised-issue writer, with the multi-record helpers. */
export interface RaisedIssueRepository extends Repository<'raisedIssue'> {
  /**
   * Records a stakeholder's answer to the issue and moves the issue's status, in ONE
   * transaction: either both are stored (with their change records) or nothing is.
   * Throws RecordNotFoundError / DeletedRecordError for the issue, ValidationError for either record.
   */
  recordAcknowledgement(
    issueId: string,
    input: AcknowledgementForIssue,
    options?: RecordAcknowledgementOptions,
  ): Promise<{ acknowledgement: Acknowledgement; issue: RaisedIssue }>;
  /**
   * Corrects a recorded acknowledgement (its history keeps the earlier values); a memo link is
   * checked as when recording. Throws ValidationError, RecordNotFoundError, DeletedRecordError.
   */
  correctAcknowledgement(
    acknowledgementId: string,
    patch: Partial<AcknowledgementForIssue>,
  ): Promise<Acknowledgement>;
}

/** Statuses an acknowledgement never moves an issue back from. */
const SETTLED: readonly RaisedIssueStatus[] = ['actioned', 'resolved'];

/** What the new answer means for the people the issue was raised to. */
export interface AnswerCoverage {
  /** True when the answer is an addressee's own or given on an addressee's behalf. */
  fromAddressee: boolean;
  /** True when, with this answer, every addressee has answered (or been answered for). */
  allAnswered: boolean;
}

/**
 * The status an issue takes when an answer arrives. An answer from someone the issue was not
 * raised to (and not given on an addressee's behalf) never moves it: it is theirs. An
 * addressee's declined or risk_accepted answer carries over; any other answer makes the issue
 * acknowledged only once every addressee has answered. An issue already actioned or resolved
 * keeps its status.
 */
export function statusAfterAcknowledgement(
  current: RaisedIssueStatus,
  response: AcknowledgementResponse,
  coverage: AnswerCoverage = { fromAddressee: true, allAnswered: true },
): RaisedIssueStatus {
  if (SETTLED.includes(current) || !coverage.fromAddressee) return current;
  if (response === 'declined' || response === 'risk_accepted') return response;
  return coverage.allAnswered ? 'acknowledged' : current;
}

/**
 * The memo link of an acknowledgement, checked against the engagement's issued memos: the id
 * and version must name an issued memo (the fingerprint is filled in from it when not given,
 * and must match when given). Throws ValidationError otherwise.
 */
export async function checkedMemoLink(
  db: WorkbenchDB,
  engagementId: string,
  input: Pick<AcknowledgementForIssue, 'memoId' | 'memoVersion' | 'memoFingerprint'>,
): Promise<{ memoFingerprint: string | null }> {
  const memoId = input.memoId ?? null;
  if (memoId === null) return { memoFingerprint: input.memoFingerprint ?? null };
  const memos = await db.memos.where('engagementId').equals(engagementId).toArray();
  const version = input.memoVersion ?? null;
  const stored = memos.find(
    (m) => m.deletedAt === null && m.memoId === memoId && m.version === version,
  );
  const link = {
    engagementId,
    memoId,
    memoVersion: version,
    memoFingerprint: input.memoFingerprint ?? stored?.fingerprint ?? null,
  };
  const errors = checkMemoLink(link, memos).filter((v) => v.severity === 'error');
  if (errors.length > 0) {
    throw new ValidationError(
      'acknowledgement',
      errors.map((v) => ({ field: v.field, message: v.message })),
    );
  }
  return { memoFingerprint: link.memoFingerprint };
}

/** Creates the raised-issue writer; `acknowledgements` is the acknowledgement writer to use. */
export function createRaisedIssueRepository(
  ctx: WriteContext,
  acknowledgements: Repository<'acknowledgement'>,
): RaisedIssueRepository {
  const base = createRepository(ctx, 'raisedIssue');
  const { db } = ctx;
  return {
    ...base,
    recordAcknowledgement(issueId, input, options = {}) {
      const scope = [
        db.raisedIssues,
        db.acknowledgements,
        db.stakeholders,
        db.memos,
        db.engagements,
        db.changes,
        db.meta,
      ];
      return db.transaction('rw', scope, async () => {
        const issue = await db.raisedIssues.get(issueId);
        if (!issue) throw new RecordNotFoundError('raisedIssue', issueId);
        if (issue.deletedAt !== null) throw new DeletedRecordError('raisedIssue', issueId);
        const memoLink = await checkedMemoLink(db, issue.engagementId, input);
        const acknowledgement = await acknowledgements.create({
          ...input,
          ...memoLink,
          raisedIssueId: issue.id,
          engagementId: issue.engagementId,
        });
        const acks = await db.acknowledgements.where('raisedIssueId').equals(issue.id).toArray();
        const coverage = {
          fromAddressee: issue.raisedToIds.includes(answeredFor(acknowledgement)),
          allAnswered: isFullyAcknowledged(issue, acks),
        };
        const status =
          options.issueStatus ??
          statusAfterAcknowledgement(issue.status, acknowledgement.response, coverage);
        const updated = await base.update(issue.id, { status });
        return { acknowledgement, issue: updated };
      });
    },
    correctAcknowledgement(acknowledgementId, patch) {
      const scope = [
        db.acknowledgements,
        db.raisedIssues,
        db.stakeholders,
        db.memos,
        db.engagements,
        db.changes,
        db.meta,
      ];
      return db.transaction('rw', scope, async () => {
        const current = await db.acknowledgements.get(acknowledgementId);
        if (!current) throw new RecordNotFoundError('acknowledgement', acknowledgementId);
        const merged = { ...current, ...patch };
        const changesMemo =
          merged.memoId !== current.memoId || merged.memoVersion !== current.memoVersion;
        const memoLink = await checkedMemoLink(db, current.engagementId, {
          memoId: merged.memoId,
          memoVersion: merged.memoVersion,
          // a new memo choice takes that version's fingerprint
          memoFingerprint: changesMemo
            ? (patch.memoFingerprint ?? null)
            : (merged.memoFingerprint ?? null),
        });
        return acknowledgements.update(acknowledgementId, { ...patch, ...memoLink });
      });
    },
  };
}

/**
 * The acknowledgement writer whose corrections, deletions and restores keep the issue's status
 * true to its answers ({@link statusAfterAnswersChanged}): deleting the one answer that made an
 * issue "acknowledged" puts it back to raised, in the same transaction as the delete.
 */
export function createAcknowledgementRepository(
  ctx: WriteContext,
  inner: Repository<'acknowledgement'>,
): Repository<'acknowledgement'> {
  const { db } = ctx;
  const issues = createRepository(ctx, 'raisedIssue');
  const scope = [
    db.raisedIssues,
    db.acknowledgements,
    db.stakeholders,
    db.engagements,
    db.changes,
    db.meta,
  ];
  const following =
    <A extends unknown[]>(write: (...args: A) => Promise<Acknowledgement>, check = false) =>
    (...args: A): Promise<Acknowledgement> =>
      db.transaction('rw', scope, async () => {
        const ack = await write(...args);
        const issue = await db.raisedIssues.get(ack.raisedIssueId);
        // thrown inside the transaction: the write is rolled back with it
        if (check && issue) await refuseNonAddresseeBehalf(db, ack, issue);
        if (!issue || issue.deletedAt !== null) return ack;
        const acks = await db.acknowledgements.where('raisedIssueId').equals(issue.id).toArray();
        const status = statusAfterAnswersChanged(issue, acks);
        if (status !== issue.status) await issues.update(issue.id, { status });
        return ack;
      });
  return {
    ...inner,
    create: (input: CreateInput<'acknowledgement'>) =>
      db.transaction('rw', scope, async () => {
        const ack = await inner.create(input);
        const issue = await db.raisedIssues.get(ack.raisedIssueId);
        if (issue) await refuseNonAddresseeBehalf(db, ack, issue);
        return ack;
      }),
    update: following(
      (id: string, patch: PatchOrUpdater<'acknowledgement'>) => inner.update(id, patch),
      true,
    ),
    softDelete: following((id: string) => inner.softDelete(id)),
    restore: following((id: string) => inner.restore(id)),
  };
}

/**
 * An answer given "on behalf of" someone the issue was not raised to covers nobody: refused when
 * written (the engagement check still flags such records arriving from elsewhere). Throws
 * ValidationError naming the person.
 */
async function refuseNonAddresseeBehalf(
  db: WorkbenchDB,
  ack: Pick<Acknowledgement, 'onBehalfOfId'>,
  issue: Pick<RaisedIssue, 'raisedToIds'>,
): Promise<void> {
  const forId = ack.onBehalfOfId;
  if (forId === null || issue.raisedToIds.includes(forId)) return;
  const name = (await db.stakeholders.get(forId))?.name ?? 'that person';
  throw new ValidationError('acknowledgement', [
    {
      field: 'onBehalfOfId',
      message: `must be someone the issue was raised to: it was not raised to ${name}. Record the answer as the answerer's own, or add ${name} to the people it was raised to first.`,
    },
  ]);
}
