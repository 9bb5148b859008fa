/**
 * The team lead's / admin's home: tabs for the live board, reports, call quality, plans and (admin role) the
 * administration screens. Keeps the board live while mounted (one GET, then live events).
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api-context';
import { useSessionStore } from '../stores/session-store';
import './lead-i18n';
import { LEAD_CSS } from './lead-styles';
import { useBoardLive } from './board/use-board-live';
import { BoardView } from './board/BoardView';
import { ReportsView } from './reports/ReportsView';
import { PlansView } from './plans/PlansView';
import { AdminView } from './admin/AdminView';
import { QualityView } from './quality/QualityView';

type View = 'board' | 'reports' | 'quality' | 'plans' | 'admin';

/** The lead/admin screen container the app shell routes lead and admin logins to. */
export function LeadHome() {
  const { t } = useTranslation();
  const api = useApi();
  useBoardLive(api);
  const role = useSessionStore((s) => s.session?.user.role);
  const views: View[] = role === 'admin' ? ['board', 'reports', 'quality', 'plans', 'admin'] : ['board', 'reports', 'quality', 'plans'];
  const [view, setView] = useState<View>('board');
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = views.indexOf(view);
    const next = views[(i + (e.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length] ?? 'board';
    setView(next);
    document.getElementById(`lead-tab-${next}`)?.focus();
  };
  return (
    <main className="lead-home" aria-label={t('lead.title')}>
      <style>{LEAD_CSS}</style>
      <div className="lead-nav" role="tablist" aria-label={t('lead.nav')} onKeyDown={onKey}>
        {views.map((v) => (
          <button
            key={v}
            id={`lead-tab-${v}`}
            type="button"
            role="tab"
            aria-selected={view === v}
            aria-controls={`lead-panel-${v}`}
            tabIndex={view === v ? 0 : -1}
            className={view === v ? 'lead-tab active' : 'lead-tab'}
            onClick={() => setView(v)}
          >
            {t(`lead.views.${v}`)}
          </button>
        ))}
      </div>
      <div id={`lead-panel-${view}`} role="tabpanel" aria-labelledby={`lead-tab-${view}`} className="lead-panel">
        {view === 'board' ? <BoardView /> : null}
        {view === 'reports' ? <ReportsView /> : null}
        {view === 'quality' ? <QualityView /> : null}
        {view === 'plans' ? <PlansView /> : null}
        {view === 'admin' && role === 'admin' ? <AdminView /> : null}
      </div>
    </main>
  );
}
