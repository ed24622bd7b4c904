import { useId, useMemo } from 'react';
import { MultiPicker } from '../../components/form';
import type { Stakeholder } from '@shared/model/stakeholder';
import type { RaisedIssue } from '@shared/model/raisedIssue';
import {
  defaultDistribution,
  defaultLimits,
  defaultPurpose,
  engagementResponsibility,
  type MemoWordingContext,
} from '@shared/memo/defaults';
import type { MemoDraft } from '@shared/memo/composerDraft';

/** A list of checkboxes over records. */
function CheckList({
  legend,
  items,
  checked,
  onChange,
}: {
  legend: string;
  items: Array<{ id: string; label: string; hint?: string }>;
  checked: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset className="memo-checklist">
      <legend>{legend}</legend>
      {items.length === 0 ? <p className="muted">Nothing to choose from.</p> : null}
      <div className="memo-checklist-items">
        {items.map((item) => (
          <label key={item.id} className="memo-check">
            <input
              type="checkbox"
              checked={checked.includes(item.id)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...checked, item.id]
                    : checked.filter((id) => id !== item.id),
                )
              }
            />
            <span dir="auto">{item.label}</span>
            {item.hint ? <span className="muted memo-check-hint">{item.hint}</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** People chosen with the searchable picker (chips, type-ahead), as in every form. */
function PeoplePicker({
  label,
  items,
  chosen,
  onChange,
}: {
  label: string;
  items: Array<{ id: string; label: string; hint?: string }>;
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const id = useId();
  const options = useMemo(
    () => items.map((i) => ({ value: i.id, label: i.hint ? `${i.label}, ${i.hint}` : i.label })),
    [items],
  );
  return (
    <MultiPicker
      id={id}
      label={label}
      options={options}
      value={chosen}
      onChange={onChange}
      placeholder="Add a person…"
      emptyMessage="Nobody to choose."
      unknownLabel="Someone removed since"
    />
  );
}

/** One editable paragraph with its default wording as placeholder. */
function Wording({
  id,
  label,
  value,
  fallback,
  hint = 'Empty uses the default wording shown.',
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  fallback: string;
  hint?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        placeholder={fallback}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="field-hint">{hint}</span>
    </div>
  );
}

/** The composer's form: recipients, scope, exclusions and wording. */
export function MemoComposer({
  draft,
  today,
  saveStatus,
  onChange,
  stakeholders,
  issues,
  wording,
  identity,
  from,
}: {
  draft: MemoDraft;
  today: string;
  saveStatus: { text: string; failed: boolean };
  onChange: (patch: Partial<MemoDraft>) => void;
  stakeholders: Stakeholder[];
  issues: RaisedIssue[];
  wording: MemoWordingContext;
  identity: { memoId: string; version: number };
  from: string;
}) {
  const people = stakeholders
    .filter((s) => !s.isVacant && s.status === 'active')
    .map((s) => ({ id: s.id, label: s.name, hint: s.title }));
  const issueItems = issues
    .filter((i) => !(draft.excludeInternal && i.internalOnly))
    .map((i) => ({
      id: i.id,
      label: i.title,
      hint: `${i.severity}, ${i.status.replace('_', ' ')}${i.internalOnly ? ', internal only' : ''}`,
    }));
  return (
    <form
      className="memo-composer card"
      aria-label="Memo composer"
      onSubmit={(e) => e.preventDefault()}
    >
      <p className="memo-identity">
        <strong>{identity.memoId}</strong>, version {identity.version}
        {draft.reissueOf ? ' (re-issue: supersedes the current version when issued)' : ''}
      </p>
      <p
        className={saveStatus.failed ? 'memo-draft-status form-error' : 'memo-draft-status muted'}
        aria-live="polite"
        data-testid="memo-draft-status"
      >
        {saveStatus.text}
      </p>
      <p className="memo-from muted">
        From: {from.trim() === '' ? 'not set (add your name and firm in Settings)' : from}
      </p>
      <div className="field">
        <label htmlFor="memo-subject">Subject</label>
        <input
          id="memo-subject"
          value={draft.subject}
          placeholder={`Open issues and decisions needed: ${wording.engagementTitle}`}
          onChange={(event) => onChange({ subject: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="memo-date">Memo date</label>
        <input
          id="memo-date"
          type="date"
          value={draft.date ?? today}
          aria-describedby="memo-date-hint"
          onChange={(event) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value))
              onChange({ date: event.target.value });
          }}
        />
        <span className="field-hint" id="memo-date-hint">
          {draft.date === null ? (
            'Dated the day it is issued.'
          ) : (
            <>
              Fixed date.{' '}
              <button
                type="button"
                className="memo-link-button"
                onClick={() => onChange({ date: null })}
              >
                Date it the day it is issued
              </button>
            </>
          )}
        </span>
      </div>
      <PeoplePicker
        label="To (decision makers)"
        items={people}
        chosen={draft.recipientIds}
        onChange={(recipientIds) => onChange({ recipientIds })}
      />
      <PeoplePicker
        label="Cc"
        items={people.filter((p) => !draft.recipientIds.includes(p.id))}
        chosen={draft.ccIds}
        onChange={(ccIds) => onChange({ ccIds })}
      />
      <fieldset className="memo-scope">
        <legend>Scope</legend>
        {(
          [
            ['open', 'All open issues'],
            ['sinceLastMemo', 'Everything since the last memo'],
            ['selected', 'Selected issues'],
          ] as const
        ).map(([kind, label]) => (
          <label key={kind} className="memo-check">
            <input
              type="radio"
              name="memo-scope"
              checked={draft.scopeKind === kind}
              onChange={() => onChange({ scopeKind: kind })}
            />
            <span>{label}</span>
          </label>
        ))}
        <label className="memo-check">
          <input
            type="checkbox"
            checked={draft.excludeInternal}
            onChange={(event) => onChange({ excludeInternal: event.target.checked })}
          />
          <span>Leave out internal-only issues</span>
        </label>
      </fieldset>
      {draft.scopeKind === 'selected' ? (
        <CheckList
          legend="Issues in this memo"
          items={issueItems}
          checked={draft.selectedIssueIds}
          onChange={(selectedIssueIds) => onChange({ selectedIssueIds })}
        />
      ) : null}
      <details className="memo-wording">
        <summary>Wording</summary>
        <Wording
          id="memo-purpose"
          label="Purpose and scope"
          value={draft.purpose}
          fallback={defaultPurpose(wording)}
          onChange={(purpose) => onChange({ purpose })}
        />
        <Wording
          id="memo-limits"
          label="Limits of the scope"
          value={draft.limits}
          fallback={defaultLimits(wording)}
          onChange={(limits) => onChange({ limits })}
        />
        <Wording
          id="memo-responsibility"
          label="Responsibility"
          value={draft.responsibility}
          fallback={engagementResponsibility(wording)}
          hint={
            (wording.memoResponsibility ?? '').trim() !== ''
              ? "Empty uses this engagement's wording (shown; change it with Edit engagement)."
              : 'Empty uses the standard wording shown; set your own for every memo of this engagement with Edit engagement.'
          }
          onChange={(responsibility) => onChange({ responsibility })}
        />
        <Wording
          id="memo-distribution"
          label="Restricted distribution"
          value={draft.distribution}
          fallback={defaultDistribution(wording)}
          onChange={(distribution) => onChange({ distribution })}
        />
      </details>
    </form>
  );
}
