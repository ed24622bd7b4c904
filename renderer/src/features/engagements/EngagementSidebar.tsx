import { useEngagements } from '../../../db';
import { useWorkbench } from '../../app/WorkbenchContext';
import { Icon } from '../../components/Icon';
import { useUiStore } from '../../state/uiStore';
import { openGlobalSearch } from '../../app/openSearch';

/** The list of engagements, the "New engagement" action and the archived filter. */
export function EngagementSidebar() {
  const { db } = useWorkbench();
  const showArchived = useUiStore((s) => s.showArchived);
  const setShowArchived = useUiStore((s) => s.setShowArchived);
  const selectedId = useUiStore((s) => s.selectedEngagementId);
  const selectEngagement = useUiStore((s) => s.selectEngagement);
  const openDialog = useUiStore((s) => s.openDialog);
  const engagements = useEngagements(db, { includeArchived: showArchived });

  return (
    <nav className="sidebar" aria-label="Engagements">
      <div className="sidebar-brand">
        <Icon name="logo" size={20} />
        <span>Engagement Workbench</span>
      </div>
      <div className="sidebar-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => openDialog({ kind: 'new-engagement' })}
          title="New engagement (Ctrl+N)"
        >
          <Icon name="plus" /> New engagement
        </button>
        <button
          type="button"
          className="button sidebar-search"
          onClick={openGlobalSearch}
          title="Search every engagement (Ctrl+K)"
        >
          <Icon name="search" /> Search… <kbd>Ctrl K</kbd>
        </button>
      </div>
      <button
        type="button"
        className="engagement-item sidebar-today"
        aria-current={selectedId === null ? 'page' : undefined}
        onClick={() => selectEngagement(null)}
        title="What is due across every engagement (Ctrl+T)"
      >
        <span className="engagement-item-title">Today</span>
      </button>
      <div className="sidebar-heading" id="engagement-list-heading">
        <span>{showArchived ? 'All engagements' : 'Engagements'}</span>
        <span>{engagements?.length ?? ''}</span>
      </div>
      {engagements && engagements.length === 0 ? (
        <p className="sidebar-empty">
          {showArchived ? 'No engagements yet.' : 'No open engagements.'}
        </p>
      ) : null}
      <ul className="engagement-list" aria-labelledby="engagement-list-heading">
        {(engagements ?? []).map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="engagement-item"
              aria-current={e.id === selectedId ? 'true' : undefined}
              onClick={() => selectEngagement(e.id)}
            >
              <span className="engagement-item-client">{e.client}</span>
              <span className="engagement-item-title">
                {/* An engagement titled after its client shows the client once. */}
                <span>{e.title.trim() === e.client.trim() ? '' : e.title}</span>
                {e.archivedAt ? <span className="badge">archived</span> : null}
                {!e.archivedAt && e.status !== 'active' ? (
                  <span className="badge">{e.status}</span>
                ) : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-footer">
        <label>
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(ev) => setShowArchived(ev.target.checked)}
          />
          Show archived
        </label>
        <button
          type="button"
          className="button button-icon"
          aria-label="Settings"
          title="Settings (Ctrl+,)"
          onClick={() => openDialog({ kind: 'settings' })}
        >
          <Icon name="settings" />
        </button>
      </div>
    </nav>
  );
}
