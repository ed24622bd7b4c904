import type { ReactNode } from 'react';
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
  /** Relative width of the list against the detail pane (default 'balanced'). */
  listWidth?: 'narrow' | 'balanced' | 'wide';
}

/**
 * A list and the chosen record's detail side by side (stacked on narrow windows). The detail
 * pane is a labelled region, so tests and screen readers find it by name.
 */
export function MasterDetail({
  list,
  detail,
  detailLabel,
  emptyDetail = 'Choose a row to see its details.',
  listWidth = 'balanced',
}: MasterDetailProps) {
  return (
    <div className={`master-detail master-detail-${listWidth}`}>
      <div className="master-detail-list">{list}</div>
      <section className="master-detail-detail" aria-label={detailLabel}>
        {detail ?? <p className="muted master-detail-empty">{emptyDetail}</p>}
      </section>
    </div>
  );
}
