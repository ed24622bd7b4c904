import {
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { EntityName } from '@shared/model/registry';
import type { SearchHit } from '@shared/search/searchIndex';
import { snippetAround } from '@shared/search/highlight';
import { useWorkbench } from '../../app/WorkbenchContext';
import { Highlighted } from './Highlighted';
import { liveSearchIndexOf } from '../../../db';
import { useOpenRecord } from '../../app/openRecord';
import './search.css';

/** How a kind of record is named in the results. */
const KIND: Partial<Record<EntityName, string>> = {
  engagement: 'Engagement',
  stakeholder: 'Stakeholder',
  ownershipArea: 'Ownership',
  risk: 'Risk',
  raisedIssue: 'Raised issue',
  acknowledgement: 'Acknowledgement',
  note: 'Note',
  decision: 'Decision',
  memo: 'Memo',
};

/** At most this many results are listed. */
const LIMIT = 30;

/** Queries shorter than this (one letter) would match nearly everything: the box waits. */
const MIN_LENGTH = 2;

/** The status line under the box once a query ran: how many match, or what was searched instead. */
function resultSummary(
  query: string,
  result: { total: number; capped: boolean; correctedQuery: string | null; shown: number },
): string {
  const { total, capped, correctedQuery, shown } = result;
  if (total === 0) return `No matches for “${query}”.`;
  const count = `${total.toLocaleString()}${capped ? '+' : ''} ${total === 1 && !capped ? 'match' : 'matches'}`;
  const best = capped || total > shown ? `, best ${shown} shown` : '';
  if (correctedQuery !== null) {
    return `No exact matches; showing results for “${correctedQuery}” (${count}${best}).`;
  }
  return `${count} for “${query}”${best}`;
}

/**
 * The global search (Ctrl/Cmd+K): every record of every engagement, archived ones included,
 * ranked, the matched words highlighted. Arrow keys move, Enter opens, Escape closes.
 */
export function SearchPalette({ onClose }: { onClose: () => void }) {
  const { db } = useWorkbench();
  const live = liveSearchIndexOf(db);
  const revision = useSyncExternalStore(
    (listener) => live.subscribe(listener),
    () => live.revision,
  );
  const openRecord = useOpenRecord();
  const [query, setQuery] = useState('');
  // The box shows each key first; the results render after it (React's deferred value).
  const searched = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    void live.start().catch(() => undefined);
    return () => dialog?.close();
  }, [live]);

  const { hits, total, capped, correctedQuery } = useMemo(() => {
    void revision;
    // Records of deleted engagements are left out (their engagement is not in the index).
    return live.index.query(searched, {
      limit: LIMIT,
      minLength: MIN_LENGTH,
      withEngagementOnly: true,
    });
  }, [live, searched, revision]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onClose();
    void openRecord({
      engagementId: hit.doc.engagementId,
      entity: hit.doc.entity,
      id: hit.doc.recordId,
    });
  };
  const optionId = (i: number) => `${listId}-option-${i}`;
  const current = Math.min(active, Math.max(0, hits.length - 1));
  const status = live.status;

  return (
    // A click on the backdrop closes the palette, as Escape does from the keyboard.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={dialogRef}
      className="dialog search-palette"
      aria-label="Search everything"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="search-box">
        <input
          type="search"
          role="combobox"
          aria-label="Search all engagements"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={hits.length > 0 ? optionId(current) : undefined}
          placeholder="Search issues, notes, people, risks… in every engagement"
          // The palette's only field: it takes focus when the palette opens (a modal dialog).
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((i) => Math.min(hits.length - 1, i + 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((i) => Math.max(0, i - 1));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              choose(hits[current]);
            }
          }}
        />
      </div>
      <p className="search-status muted" aria-live="polite">
        {status === 'loading'
          ? 'Indexing your records…'
          : status === 'failed'
            ? 'The search index could not be built.'
            : searched.trim() === ''
              ? 'Type to search every engagement, archived ones too.'
              : searched.trim().length < MIN_LENGTH
                ? 'Keep typing…'
                : resultSummary(searched.trim(), {
                    total,
                    capped,
                    correctedQuery,
                    shown: hits.length,
                  })}
      </p>
      <ul id={listId} role="listbox" aria-label="Search results" className="search-results">
        {hits.map((hit, i) => {
          const engagement = live.index.get('engagement', hit.doc.engagementId);
          return (
            // Options are chosen from the keyboard through the combobox (aria-activedescendant).
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={hit.doc.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className="search-result"
              onMouseMove={() => setActive(i)}
              onClick={() => choose(hit)}
            >
              {/* The record type is its own label; read aloud as "Note: title. snippet". */}
              <span className="search-result-kind">
                <span className="search-result-kind-label">
                  {KIND[hit.doc.entity] ?? hit.doc.entity}
                </span>
                <span className="visually-hidden">: </span>
              </span>
              <span className="search-result-main">
                <span className="search-result-title">
                  <Highlighted text={hit.doc.title} terms={hit.terms} />
                </span>
                {hit.doc.body ? (
                  <span className="search-result-snippet">
                    <span className="visually-hidden">. </span>
                    <Highlighted
                      text={snippetAround(hit.doc.body, hit.terms, 140)}
                      terms={hit.terms}
                    />
                  </span>
                ) : null}
              </span>
              <span className="search-result-engagement muted">
                <span className="visually-hidden">
                  {hit.doc.entity === 'engagement' ? '' : ' · '}
                </span>
                {hit.doc.entity === 'engagement' ? '' : (engagement?.title.split(' — ')[0] ?? '')}
              </span>
            </li>
          );
        })}
      </ul>
    </dialog>
  );
}
