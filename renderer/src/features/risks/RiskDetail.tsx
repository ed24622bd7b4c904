import type { Risk } from '@shared/model/risk';
import { inherentRiskScore, residualRiskScore, riskBand } from '@shared/model/risk';
import type { OwnershipArea } from '@shared/model/ownershipArea';
import type { Stakeholder } from '@shared/model/stakeholder';
import { isAcceptanceExpired, isReviewOverdue } from '@shared/rules/risk';
import { RecordHistory } from '../../components/history/RecordHistory';
import { DeleteButton, DeletedBanner } from '../../components/records';
import { formatDate, formatDateTime } from '../../lib/formatDate';
import { openRecord } from '../../app/openRecord';
import { RecordConflicts } from '../../components/conflicts/RecordConflicts';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel';

function Score({ value, label }: { value: number | null; label: string }) {
  if (value === null) return <span className="muted">not assessed</span>;
  return (
    <span className={`score score-${riskBand(value)}`} aria-label={`${label} ${value}`}>
      {value}
    </span>
  );
}

/** A risk: scores before and after controls, treatment, review, acceptance, actions, history. */
export function RiskDetail({
  risk,
  stakeholders,
  areas,
  today,
  onEdit,
}: {
  risk: Risk;
  stakeholders: readonly Stakeholder[];
  areas: readonly OwnershipArea[];
  today: string;
  onEdit: () => void;
}) {
  const person = (id: string | null) => {
    if (!id) return <span className="muted">nobody</span>;
    const s = stakeholders.find((p) => p.id === id);
    if (!s) return <span className="muted">someone removed</span>;
    return (
      <button type="button" className="text-link" onClick={() => openRecord('stakeholder', id)}>
        {s.name}
      </button>
    );
  };
  const deleted = risk.deletedAt !== null;
  const overdue = isReviewOverdue(risk, today);
  const lapsed = isAcceptanceExpired(risk, today);
  const linkedAreas = risk.ownershipAreaIds.flatMap((id) => areas.find((a) => a.id === id) ?? []);

  return (
    <div className="detail stack">
      {deleted ? <DeletedBanner entity="risk" id={risk.id} noun="Risk" label={risk.title} /> : null}
      <header className="detail-header">
        <div>
          <h2 className="detail-title">{risk.title}</h2>
          <p className="muted detail-subtitle">
            {[risk.category, risk.status, risk.treatment].filter(Boolean).join(' · ')}
          </p>
        </div>
        {deleted ? null : (
          <div className="detail-actions">
            <button type="button" className="button" onClick={onEdit}>
              Edit
            </button>
            <DeleteButton entity="risk" id={risk.id} noun="Risk" label={risk.title} />
          </div>
        )}
      </header>
      <RecordConflicts entity="risk" recordId={risk.id} />
      <dl className="details">
        <dt>Before controls</dt>
        <dd>
          <Score value={inherentRiskScore(risk)} label="Score before controls" /> likelihood{' '}
          {risk.likelihood} × impact {risk.impactScore}
        </dd>
        <dt>After controls</dt>
        <dd>
          <Score value={residualRiskScore(risk)} label="Score after controls" />
          {risk.residualLikelihood !== null
            ? ` likelihood ${risk.residualLikelihood} × impact ${risk.residualImpact}`
            : null}
        </dd>
        <dt>Owner</dt>
        <dd>{person(risk.ownerId)}</dd>
        <dt>Treatment</dt>
        <dd className="capitalize">{risk.treatment}</dd>
        <dt>Next review</dt>
        <dd>
          {formatDate(risk.reviewDate)}
          {overdue ? <span className="badge badge-gap cell-badge">review overdue</span> : null}
        </dd>
        {risk.status === 'accepted' || risk.acceptedById || risk.acceptedUntil ? (
          <>
            <dt>Accepted by</dt>
            <dd>
              {person(risk.acceptedById)} until {formatDate(risk.acceptedUntil)}
              {lapsed ? (
                <span className="badge badge-gap cell-badge">
                  acceptance lapsed: back in review
                </span>
              ) : null}
            </dd>
            {risk.acceptedAt ? (
              <>
                <dt>Accepted on</dt>
                <dd>
                  {formatDateTime(risk.acceptedAt)}
                  {risk.acceptedViaAckId ? (
                    <>
                      {' · '}
                      <button
                        type="button"
                        className="text-link"
                        onClick={() =>
                          risk.acceptedViaAckId &&
                          openRecord('acknowledgement', risk.acceptedViaAckId)
                        }
                      >
                        the answer it came from
                      </button>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            {risk.acceptanceConditions ? (
              <>
                <dt>Conditions</dt>
                <dd className="prose">{risk.acceptanceConditions}</dd>
              </>
            ) : null}
          </>
        ) : null}
        <dt>Cause</dt>
        <dd className="prose">{risk.cause || '—'}</dd>
        <dt>Event</dt>
        <dd className="prose">{risk.event || '—'}</dd>
        <dt>Impact</dt>
        <dd className="prose">{risk.impact || '—'}</dd>
        <dt>Controls</dt>
        <dd className="prose">{risk.mitigation || '—'}</dd>
        <dt>Areas</dt>
        <dd>
          {linkedAreas.length === 0 ? (
            <span className="muted">—</span>
          ) : (
            <span className="inline-list">
              {linkedAreas.map((a) => (
                <button
                  key={a.id}
                  type="button"
                  className="text-link"
                  onClick={() => openRecord('ownershipArea', a.id)}
                >
                  {a.name}
                </button>
              ))}
            </span>
          )}
        </dd>
      </dl>
      <AttachmentsPanel
        target={{ entity: 'risk', id: risk.id }}
        engagementId={risk.engagementId}
        readOnly={risk.deletedAt !== null}
      />
      <RecordHistory entity="risk" id={risk.id} />
    </div>
  );
}
