import { type ReactNode } from 'react';
import { useOverview } from '../../../db';
import { inherentRiskScore, riskBand } from '@shared/model/risk';
import type { EngagementScopedEntityName } from '@shared/model/registry';
import { appliedRiskScore } from '@shared/notebook/appliedRiskScore';
import { ownershipGapText } from '@shared/notebook/ownershipText';
import { useWorkbench } from '../../app/WorkbenchContext';
import { formatDate, formatDateTime } from '../../lib/formatDate';
import { useToday } from '../../lib/useToday';
import { openRecord } from '../../app/openRecord';
import type { EngagementScreenProps } from '../../app/screenProps';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel';
import '../../styles/notebook.css';
import '../../styles/overview.css';
import { RecordConflicts } from '../../components/conflicts/RecordConflicts';

const COUNT_LABELS = [
  ['stakeholder', 'Stakeholders'],
  ['ownershipArea', 'Ownership areas'],
  ['risk', 'Risks'],
  ['raisedIssue', 'Raised issues'],
  ['acknowledgement', 'Acknowledgements'],
  ['note', 'Notes'],
  ['decision', 'Decisions'],
] as const;

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** One card of the overview: a titled list of links to records, or a calm "nothing" line. */
function AttentionCard({
  id,
  title,
  tone,
  count,
  empty,
  children,
}: {
  id: string;
  title: string;
  tone: 'alert' | 'warn' | 'plain';
  count?: number;
  empty: string;
  children: ReactNode[];
}) {
  return (
    <section className={`card overview-card overview-${tone}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {title}
        {count !== undefined && count > 0 ? <span className="overview-count">{count}</span> : null}
      </h2>
      {children.length === 0 ? (
        <p className="muted overview-none">{empty}</p>
      ) : (
        <ul className="overview-list">{children}</ul>
      )}
    </section>
  );
}

/** A list item that opens its record on its screen. */
function RecordLink({
  entity,
  id,
  title,
  meta,
  badge,
}: {
  entity: EngagementScopedEntityName;
  id: string;
  title: string;
  meta: ReactNode;
  badge?: ReactNode;
}) {
  return (
    <li>
      <button type="button" className="overview-link" onClick={() => openRecord(entity, id)}>
        <span className="overview-link-title">{title}</span>
        <span className="overview-link-meta">
          {badge}
          {meta}
        </span>
      </button>
    </li>
  );
}

/** What needs attention now, each item linking to its record; the counts at the bottom. */
export function OverviewScreen({ engagement }: EngagementScreenProps) {
  const { db } = useWorkbench();
  const today = useToday();
  // The engagement view keeps this feed live, so it is usually current on arrival; otherwise
  // the last overview read shows (marked busy) until the query has re-read.
  const { data, current } = useOverview(db, engagement.id, today);

  // While another engagement's overview is still on hand, show nothing of it.
  if (!data || data.engagementId !== engagement.id) {
    return <p className="muted">Loading the overview…</p>;
  }
  const name = (id: string | null) => (id ? (data.names.get(id) ?? 'someone removed') : 'nobody');

  return (
    <div className="overview" aria-busy={!current}>
      <RecordConflicts entity="engagement" recordId={engagement.id} />
      <div className="overview-grid">
        <AttentionCard
          id="overview-radar"
          title="Awaiting acknowledgement"
          tone={data.awaiting.length > 0 ? 'alert' : 'plain'}
          count={data.awaiting.length}
          empty={
            data.counts.raisedIssue === 0
              ? 'Nothing recorded yet: no issue has been raised.'
              : 'Everyone each issue past its follow-up day was raised to has answered.'
          }
        >
          {data.awaiting.slice(0, 8).map(({ issue, daysOverdue, unansweredIds }) => (
            <RecordLink
              key={issue.id}
              entity="raisedIssue"
              id={issue.id}
              title={issue.title}
              badge={<span className={`badge badge-sev-${issue.severity}`}>{issue.severity}</span>}
              meta={
                <>
                  no answer from <strong>{unansweredIds.map(name).join(', ')}</strong>
                  {unansweredIds.length < issue.raisedToIds.length
                    ? ` (of ${issue.raisedToIds.map(name).join(', ')})`
                    : ''}{' '}
                  since {formatDate(issue.raisedAt.slice(0, 10))} · follow-up{' '}
                  {formatDate(issue.followUpDue)} · <strong>{days(daysOverdue)} overdue</strong>
                </>
              }
            />
          ))}
        </AttentionCard>

        {data.lapsedAcceptances.length > 0 ? (
          <AttentionCard
            id="overview-lapsed"
            title="Risk acceptances lapsed: back in review"
            tone="alert"
            count={data.lapsedAcceptances.length}
            empty=""
          >
            {data.lapsedAcceptances.slice(0, 8).map(({ risk, daysLapsed }) => (
              <RecordLink
                key={risk.id}
                entity="risk"
                id={risk.id}
                title={risk.title}
                meta={
                  <>
                    accepted by {name(risk.acceptedById)} until {formatDate(risk.acceptedUntil)} ·{' '}
                    <strong>lapsed {days(daysLapsed)} ago</strong>
                  </>
                }
              />
            ))}
          </AttentionCard>
        ) : null}

        <AttentionCard
          id="overview-gaps"
          title="Ownership gaps"
          tone={data.gaps.length > 0 ? 'alert' : 'plain'}
          count={data.gaps.length}
          empty={
            data.counts.ownershipArea === 0
              ? 'Nothing recorded yet: no system or process has been mapped.'
              : 'Every area has an Accountable who can decide and someone Responsible.'
          }
        >
          {data.gaps.slice(0, 8).map(({ area, gaps }) => (
            <RecordLink
              key={area.id}
              entity="ownershipArea"
              id={area.id}
              title={area.name}
              meta={gaps.map((g) => ownershipGapText[g]).join(' · ')}
            />
          ))}
        </AttentionCard>

        <AttentionCard
          id="overview-reviews"
          title="Risk reviews overdue"
          tone={data.overdueReviews.length > 0 ? 'warn' : 'plain'}
          count={data.overdueReviews.length}
          empty={
            data.counts.risk === 0
              ? 'Nothing recorded yet: the risk register is empty.'
              : 'No risk is past its review date.'
          }
        >
          {data.overdueReviews.slice(0, 6).map(({ risk, daysOverdue }) => (
            <RecordLink
              key={risk.id}
              entity="risk"
              id={risk.id}
              title={risk.title}
              meta={
                <>
                  review was due {formatDate(risk.reviewDate)} · owner {name(risk.ownerId)} ·{' '}
                  <strong>{days(daysOverdue)} overdue</strong>
                </>
              }
            />
          ))}
        </AttentionCard>

        <AttentionCard
          id="overview-top-risks"
          title="Top risks"
          tone="plain"
          empty={
            data.counts.risk === 0
              ? 'Nothing recorded yet: the risk register is empty.'
              : 'No open risk in the register.'
          }
        >
          {data.topRisks.map((risk) => {
            const { score, basis, residual } = appliedRiskScore(risk);
            return (
              <RecordLink
                key={risk.id}
                entity="risk"
                id={risk.id}
                title={risk.title}
                badge={
                  <span
                    className={`score score-${riskBand(score)}`}
                    title={basis === 'inherent' ? 'Score before controls' : 'Score after controls'}
                  >
                    {score}
                  </span>
                }
                meta={
                  <>
                    {basis === 'residual'
                      ? `${score} after controls (${inherentRiskScore(risk)} before)`
                      : residual === null
                        ? `${score} before controls (after not assessed)`
                        : `${score} before controls; ${residual} expected once they are in place`}{' '}
                    · {risk.status}
                  </>
                }
              />
            );
          })}
        </AttentionCard>

        <AttentionCard
          id="overview-notes"
          title="Recent notes"
          tone="plain"
          empty="Nothing recorded yet: no notes."
        >
          {data.recentNotes.map((note) => (
            <RecordLink
              key={note.id}
              entity="note"
              id={note.id}
              title={note.title}
              meta={`${formatDateTime(note.date)} · ${note.kind}`}
            />
          ))}
        </AttentionCard>
      </div>

      <section aria-label="Records in this engagement" className="overview-counts">
        {COUNT_LABELS.map(([entity, label]) => (
          <div className="stat" key={entity}>
            <span className="stat-value">{data.counts[entity]}</span>
            <span className="stat-label">{label}</span>
          </div>
        ))}
      </section>
      <AttachmentsPanel
        target={{ entity: 'engagement', id: engagement.id }}
        engagementId={engagement.id}
      />
    </div>
  );
}
