import { useRef, type PointerEvent, type ReactNode } from 'react';
import { Icon } from '../Icon';
import { PaneFillContext } from './paneFill';
import { splitAfterKey, splitAtPointer, SPLIT_MAX, SPLIT_MIN } from './paneSplit';
import { splitFor, usePaneLayout } from './paneLayoutStore';
import './MasterDetail.css';

/** Props of {@link MasterDetail}. */
export interface MasterDetailProps {
  /** The list (usually a DataTable) on the left. */
  list: ReactNode;
  /** The chosen record's detail, or null/undefined when nothing is chosen. */
  detail?: ReactNode;
  /** The accessible name of the detail region, for example "Stakeholder details". */
  detailLabel: string;
  /** Shown in the detail pane while nothing is chosen. */
  emptyDetail?: ReactNode;
  /** Kept for callers; the split is now the user's (dragged, remembered per screen). */
  listWidth?: 'narrow' | 'balanced' | 'wide';
  /** The key the divider's position is remembered under (default: the detail label). */
  layoutKey?: string;
}

/**
 * A list and the chosen record's detail side by side, each scrolling on its own, split by a
 * divider the user drags or moves with the arrow keys (a focusable ARIA separator whose
 * position is remembered per screen). The detail can take the whole width. The detail pane is a
 * labelled region, so tests and screen readers find it by name.
 */
export function MasterDetail({
  list,
  detail,
  detailLabel,
  emptyDetail = 'Choose a row to see its details.',
  layoutKey = detailLabel,
}: MasterDetailProps) {
  const share = usePaneLayout((s) => splitFor(s.splits, layoutKey));
  const fullWidth = usePaneLayout((s) => s.fullWidth[layoutKey] === true) && detail != null;
  const setSplit = usePaneLayout((s) => s.setSplit);
  const setFullWidth = usePaneLayout((s) => s.setFullWidth);
  const rootRef = useRef<HTMLDivElement>(null);

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    const box = rootRef.current?.getBoundingClientRect();
    if (box) setSplit(layoutKey, splitAtPointer(event.clientX, box.left, box.width));
  };

  return (
    <div
      ref={rootRef}
      className={`master-detail${fullWidth ? ' master-detail-full' : ''}`}
      style={{ gridTemplateColumns: `minmax(0, ${share}fr) 9px minmax(0, ${100 - share}fr)` }}
    >
      <div className="master-detail-list" hidden={fullWidth}>
        <PaneFillContext.Provider value={true}>{list}</PaneFillContext.Provider>
      </div>
      {/* A focusable separator is an interactive widget (WAI-ARIA window splitter pattern). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize the list and ${detailLabel.toLocaleLowerCase()}`}
        aria-valuenow={share}
        aria-valuemin={SPLIT_MIN}
        aria-valuemax={SPLIT_MAX}
        aria-valuetext={`list ${share}% of the width`}
        tabIndex={0}
        hidden={fullWidth}
        className="master-detail-divider"
        onKeyDown={(event) => {
          const next = splitAfterKey(share, event.key);
          if (next === null) return;
          event.preventDefault();
          setSplit(layoutKey, next);
        }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          event.preventDefault();
        }}
        onPointerMove={onPointerMove}
        onPointerUp={(event) => event.currentTarget.releasePointerCapture(event.pointerId)}
        onDoubleClick={() => setSplit(layoutKey, 55)}
      />
      <section className="master-detail-detail" aria-label={detailLabel}>
        {detail != null ? (
          <button
            type="button"
            className="button button-ghost master-detail-expand"
            aria-pressed={fullWidth}
            title={fullWidth ? 'Show the list beside the details' : 'Open the details full width'}
            onClick={() => setFullWidth(layoutKey, !fullWidth)}
          >
            <Icon name={fullWidth ? 'collapse' : 'expand'} />
            <span className="visually-hidden">Full width</span>
          </button>
        ) : null}
        {detail ?? <p className="muted master-detail-empty">{emptyDetail}</p>}
      </section>
    </div>
  );
}
