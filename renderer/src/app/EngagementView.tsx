import type { Engagement } from '@shared/model/engagement';
import { useRetainOverview } from '../../db';
import { useWorkbench } from './WorkbenchContext';
import { Icon } from '../components/Icon';
import { errorMessage } from '../lib/errorMessage';
import { formatDate } from '../lib/formatDate';
import { useToday } from '../lib/useToday';
import { useUiStore } from '../state/uiStore';
import { ENGAGEMENT_SCREENS, screenById } from './screens';
import { prefetchScreen } from './prefetchScreen';

/** The open engagement: its header and actions, a tab per screen, and the chosen screen. */
export function EngagementView({ engagement }: { engagement: Engagement }) {
  const { db, store } = useWorkbench();
  // The overview tab's figures stay live while the engagement is open (see useRetainOverview).
  useRetainOverview(db, engagement.id, useToday());
  const openDialog = useUiStore((s) => s.openDialog);
  const pushToast = useUiStore((s) => s.pushToast);
  const screenId = useUiStore((s) => s.screen);
  const setScreen = useUiStore((s) => s.setScreen);
  const screen = screenById(screenId);

  const setArchived = async (archived: boolean) => {
    try {
      if (archived) await store.engagements.archive(engagement.id);
      else await store.engagements.unarchive(engagement.id);
      pushToast({
        tone: 'success',
        message: archived
          ? `“${engagement.client}” archived.`
          : `“${engagement.client}” restored from the archive.`,
        action: archived ? { label: 'Undo', run: () => setArchived(false) } : undefined,
      });
    } catch (error) {
      pushToast({
        tone: 'error',
        message: `Could not ${archived ? 'archive' : 'unarchive'}: ${errorMessage(error)}`,
      });
    }
  };

  return (
    <article className="page" aria-labelledby="engagement-page-title">
      <header className="page-header">
        <div>
          {engagement.title.trim() === engagement.client.trim() ? null : (
            <p className="page-eyebrow">{engagement.client}</p>
          )}
          <h1 className="page-title" id="engagement-page-title" tabIndex={-1} data-focus-return>
            {engagement.title}
          </h1>
          <p className="muted">
            <span
              className={`badge badge-${engagement.archivedAt ? 'archived' : engagement.status}`}
            >
              {engagement.archivedAt ? 'archived' : engagement.status}
            </span>{' '}
            {formatDate(engagement.startDate)} –{' '}
            {engagement.endDate ? formatDate(engagement.endDate) : 'ongoing'}
          </p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="button"
            onClick={() => openDialog({ kind: 'edit-engagement', engagementId: engagement.id })}
          >
            <Icon name="edit" /> Edit
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void setArchived(!engagement.archivedAt)}
          >
            <Icon name="archive" /> {engagement.archivedAt ? 'Unarchive' : 'Archive'}
          </button>
        </div>
      </header>

      <div className="tabs" role="tablist" aria-label="Engagement screens">
        {ENGAGEMENT_SCREENS.map((s, index) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            id={`tab-${s.id}`}
            aria-selected={s.id === screen.id}
            aria-controls="engagement-screen"
            tabIndex={s.id === screen.id ? 0 : -1}
            className="tab"
            title={index < 9 ? `${s.label} (Ctrl+${index + 1})` : s.label}
            onClick={() => setScreen(s.id)}
            onPointerEnter={() => prefetchScreen(db, s.id, engagement.id)}
            onFocus={() => prefetchScreen(db, s.id, engagement.id)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              const step = event.key === 'ArrowRight' ? 1 : -1;
              const next =
                ENGAGEMENT_SCREENS[
                  (index + step + ENGAGEMENT_SCREENS.length) % ENGAGEMENT_SCREENS.length
                ];
              if (!next) return;
              setScreen(next.id);
              document.getElementById(`tab-${next.id}`)?.focus();
            }}
          >
            {s.label}
          </button>
        ))}
      </div>
      <section
        id="engagement-screen"
        className="engagement-screen"
        role="tabpanel"
        aria-labelledby={`tab-${screen.id}`}
      >
        <screen.Component engagement={engagement} />
      </section>
    </article>
  );
}
