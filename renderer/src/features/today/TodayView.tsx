import type { ReactNode } from 'react';
import { useTodayList } from '../../../db';
import type { TodayItem, TodayKind } from '@shared/notebook/today';
import { useWorkbench } from '../../app/WorkbenchContext';
import { formatDate } from '../../lib/formatDate';
import { useToday } from '../../lib/useToday';
import { useOpenRecord } from '../../app/openRecord';
import '../../styles/notebook.css';
import '../../styles/overview.css';
import './today.css';

const GROUP_TITLE: Record<TodayKind, string> = {
  'answer-overdue': 'Answers overdue',
  'follow-up-due': 'Follow-ups due this week',
  'fix-overdue': 'Fixes past their target date',
  'acceptance-lapsed': 'Risk acceptances lapsed: back in review',
  'acceptance-expiring': 'Risk acceptances ending within 14 days',
  'review-due': 'Risk reviews due',
};

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** "today", "in 3 days" or "3 days ago" for a day `daysPast` days before today. */
function relative(daysPast: number): string {
  if (daysPast === 0) return 'today';
  return daysPast < 0 ? `in ${days(-daysPast)}` : `${days(daysPast)} ago`;
}

/** What the item says under its title. */
function itemMeta(item: TodayItem): ReactNode {
  switch (item.kind) {
    case 'answer-overdue':
      return (
        <>
          no answer from <strong>{item.personName}</strong> since{' '}
          {formatDate(item.since?.slice(0, 10))} · follow-up {formatDate(item.day)} ·{' '}
          <strong>{days(item.daysPast)} overdue</strong>
        </>
      );
    case 'follow-up-due':
      return (
        <>
          follow-up {item.daysPast === 0 ? 'today' : formatDate(item.day)} · awaiting{' '}
          <strong>{item.awaitedNames.join(', ')}</strong>
        </>
      );
    case 'fix-overdue':
      return (
        <>
          fix due {formatDate(item.day)} · <strong>{days(item.daysPast)} late</strong>
        </>
      );
    case 'acceptance-lapsed':
      return (
        <>
          accepted until {formatDate(item.day)} · <strong>lapsed {relative(item.daysPast)}</strong>
        </>
      );
    case 'acceptance-expiring':
      return (
        <>
          accepted until {formatDate(item.day)} · last day {relative(item.daysPast)}
        </>
      );
    case 'review-due':
      return (
        <>
          review {formatDate(item.day)} ·{' '}
          <strong>{item.daysPast === 0 ? 'due today' : `${days(item.daysPast)} overdue`}</strong>
        </>
      );
  }
}

/** One group of items, each a button that opens its record. */
function TodayGroupCard({ kind, items }: { kind: TodayKind; items: TodayItem[] }) {
  const open = useOpenRecord();
  const id = `today-${kind}`;
  return (
    <section className="card overview-card today-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {GROUP_TITLE[kind]}
        <span className="overview-count">{items.length}</span>
      </h2>
      <ul className="overview-list">
        {items.map((item) => (
          <li key={`${item.engagementId}:${item.key}`}>
            <button
              type="button"
              className="overview-link"
              onClick={() =>
                void open({
                  engagementId: item.engagementId,
                  entity: item.entity,
                  id: item.recordId,
                })
              }
            >
              <span className="overview-link-title">{item.title}</span>
              <span className="overview-link-meta">{itemMeta(item)}</span>
              <span className="overview-link-meta today-engagement">{item.engagementLabel}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Today, across every active engagement: what to chase and what came due, grouped with counts.
 * `joinSyncFolder` is the shell's sync-folder invitation, shown below the lists.
 */
export function TodayView({ joinSyncFolder }: { joinSyncFolder?: ReactNode }) {
  const { db } = useWorkbench();
  const today = useToday();
  const list = useTodayList(db, today);
  return (
    <section className="today" aria-labelledby="today-title" aria-busy={list === undefined}>
      <header className="today-header">
        <h1 id="today-title">Today</h1>
        <p className="muted">
          {formatDate(today)}
          {list
            ? ` · ${list.engagementCount} active ${list.engagementCount === 1 ? 'engagement' : 'engagements'} · ${list.total} ${list.total === 1 ? 'item' : 'items'}`
            : ''}
        </p>
      </header>
      {list === undefined ? (
        <p className="muted">Loading…</p>
      ) : list.total === 0 ? (
        <p className="today-empty">
          {list.hasRecords ? 'Nothing due today.' : 'Nothing recorded yet.'}
        </p>
      ) : (
        <div className="today-groups">
          {list.groups.map((g) => (
            <TodayGroupCard key={g.kind} kind={g.kind} items={g.items} />
          ))}
        </div>
      )}
      {joinSyncFolder}
    </section>
  );
}
