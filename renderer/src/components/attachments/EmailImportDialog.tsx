import { useMemo, useState } from 'react';
import { displayFileName } from '@shared/attachments/fileName';
import { buildEmailProposal } from '@shared/email/proposal';
import {
  acknowledgementResponseSchema,
  type AcknowledgementResponse,
} from '@shared/model/acknowledgement';
import type { AttachmentTarget } from '@shared/model/attachment';
import type { MemoRecord } from '@shared/model/memo';
import type { RaisedIssue } from '@shared/model/raisedIssue';
import type { Stakeholder } from '@shared/model/stakeholder';
import { isoToLocalInput, localInputToIso } from '@shared/notebook/localDateTime';
import { useRecords } from '../../../db';
import { saveEmailImport, type EmailImportChoice } from '../../../db/repositories/emailImport';
import { useWorkbench } from '../../app/WorkbenchContext';
import { Dialog } from '../../components/Dialog';
import { errorMessage } from '../../lib/errorMessage';
import { useUiStore } from '../../state/uiStore';
import { choiceLabel } from '../../lib/choiceLabel';
import { DkimMark } from './DkimMark';
import type { PendingEmail } from './useAttachFiles';

type Kind = 'acknowledgement' | 'raise' | 'attach';

/** Props of the import dialog. */
interface EmailImportProps {
  pending: PendingEmail;
  target: AttachmentTarget;
  engagementId: string;
  onClose: () => void;
}

/** Shows what an email would record, lets the person correct it, and saves it in one go. */
export function EmailImportDialog(props: EmailImportProps) {
  const { db } = useWorkbench();
  const stakeholders = useRecords(db, 'stakeholder', props.engagementId);
  const memos = useRecords(db, 'memo', props.engagementId);
  const issues = useRecords(db, 'raisedIssue', props.engagementId);
  if (!stakeholders || !memos || !issues) return null;
  return <EmailImportForm {...props} stakeholders={stakeholders} memos={memos} issues={issues} />;
}

function EmailImportForm({
  pending,
  target,
  engagementId,
  onClose,
  stakeholders,
  memos,
  issues,
}: EmailImportProps & {
  stakeholders: readonly Stakeholder[];
  memos: readonly MemoRecord[];
  issues: readonly RaisedIssue[];
}) {
  const { store } = useWorkbench();
  const pushToast = useUiStore((s) => s.pushToast);
  const proposal = useMemo(
    () =>
      buildEmailProposal({
        email: pending.email,
        stakeholders,
        memos,
        raisedIssueId: target.entity === 'raisedIssue' ? target.id : null,
      }),
    [pending.email, stakeholders, memos, target],
  );
  const onIssue = target.entity === 'raisedIssue';
  const [kind, setKind] = useState<Kind>(
    onIssue && proposal.kind === 'raise' ? 'attach' : proposal.kind,
  );
  const [issueId, setIssueId] = useState(proposal.raisedIssueIds[0] ?? '');
  const [byId, setById] = useState(
    proposal.sender?.stakeholderId ?? proposal.sender?.suggestedStakeholderId ?? '',
  );
  const [at, setAt] = useState(isoToLocalInput(proposal.at));
  const [response, setResponse] = useState<AcknowledgementResponse>('received');
  const [quote, setQuote] = useState(proposal.quote);
  const [title, setTitle] = useState(proposal.subject.replace(/^(re|fw|fwd):\s*/i, ''));
  const addressOffer =
    proposal.sender && proposal.sender.stakeholderId === null && byId !== ''
      ? proposal.sender.address
      : null;
  const [addAddress, setAddAddress] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const memoLink = proposal.memo.status === 'linked' ? proposal.memo.citation : null;

  function choice(): EmailImportChoice {
    const when = localInputToIso(at) ?? '';
    if (kind === 'acknowledgement') {
      return {
        kind,
        raisedIssueId: issueId,
        byId,
        at: when,
        quote,
        response,
        memoId: memoLink?.memoId ?? null,
        memoVersion: memoLink?.version ?? null,
        memoFingerprint: memoLink?.fingerprint ?? null,
      };
    }
    if (kind === 'raise') {
      const raisedToIds = proposal.recipients.flatMap((r) =>
        r.stakeholderId ? [r.stakeholderId] : [],
      );
      return {
        kind,
        engagementId,
        title,
        condition: proposal.body.slice(0, 20_000),
        raisedToIds,
        at: when,
      };
    }
    return {
      kind,
      target: onIssue
        ? { entity: 'raisedIssue', id: target.id }
        : { entity: 'engagement', id: engagementId },
    };
  }

  async function save() {
    setError(null);
    try {
      const adds =
        addressOffer && addAddress && kind === 'acknowledgement'
          ? [{ stakeholderId: byId, address: addressOffer }]
          : [];
      await saveEmailImport(
        store,
        {
          ...pending,
          fileName: pending.file.name,
          mediaType: pending.file.mediaType || 'message/rfc822',
          bytes: pending.file.bytes,
        },
        choice(),
        adds,
      );
      pushToast({
        tone: 'success',
        message: `Email “${displayFileName(pending.file.name)}” imported.`,
      });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Dialog
      title="Import email"
      description={`${pending.email.subject || '(no subject)'} — from ${pending.email.from?.address ?? 'unknown'}`}
      onClose={onClose}
      onSubmit={() => void save()}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Save
          </button>
        </>
      }
    >
      <p>
        <DkimMark dkim={pending.facts.dkim} />
      </p>
      {memoLink ? (
        <p>
          Cites memo {memoLink.memoId}, version {memoLink.version}
          {memoLink.fingerprint ? ' with its matching fingerprint' : ''}: linked.
        </p>
      ) : null}
      {proposal.warnings.length > 0 ? (
        <ul className="email-import-warnings" aria-label="Check before saving">
          {proposal.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <fieldset className="email-import-kind">
        <legend>What this email records</legend>
        <label>
          <input
            type="radio"
            name="kind"
            checked={kind === 'acknowledgement'}
            onChange={() => setKind('acknowledgement')}
          />{' '}
          An acknowledgement from the sender
        </label>
        {onIssue ? null : (
          <label>
            <input
              type="radio"
              name="kind"
              checked={kind === 'raise'}
              onChange={() => setKind('raise')}
            />{' '}
            A new issue I raised to the recipients
          </label>
        )}
        <label>
          <input
            type="radio"
            name="kind"
            checked={kind === 'attach'}
            onChange={() => setKind('attach')}
          />{' '}
          Nothing: keep the email as an attachment only
        </label>
      </fieldset>
      {kind === 'acknowledgement' ? (
        <>
          <div className="field">
            <label htmlFor="email-issue">Raised issue</label>
            <select
              id="email-issue"
              value={issueId}
              onChange={(e) => setIssueId(e.target.value)}
              required
            >
              <option value="">Choose…</option>
              {issues.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="email-by">From</label>
            <select id="email-by" value={byId} onChange={(e) => setById(e.target.value)} required>
              <option value="">Choose a stakeholder…</option>
              {stakeholders.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          {addressOffer ? (
            <label className="email-import-address">
              <input
                type="checkbox"
                checked={addAddress}
                onChange={(e) => setAddAddress(e.target.checked)}
              />{' '}
              Add {addressOffer} to this stakeholder’s contact
            </label>
          ) : null}
          <div className="field">
            <label htmlFor="email-response">Response</label>
            <select
              id="email-response"
              value={response}
              onChange={(e) => setResponse(e.target.value as AcknowledgementResponse)}
            >
              {acknowledgementResponseSchema.options.map((r) => (
                <option key={r} value={r}>
                  {choiceLabel(r)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="email-quote">Their words (quoted history removed)</label>
            <textarea
              id="email-quote"
              rows={5}
              value={quote}
              onChange={(e) => setQuote(e.target.value)}
            />
          </div>
        </>
      ) : null}
      {kind === 'raise' ? (
        <div className="field">
          <label htmlFor="email-title">Issue title</label>
          <input id="email-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
      ) : null}
      {kind !== 'attach' ? (
        <div className="field">
          <label htmlFor="email-at">Sent at</label>
          <input
            id="email-at"
            type="datetime-local"
            value={at}
            onChange={(e) => setAt(e.target.value)}
          />
        </div>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
