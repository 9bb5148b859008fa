/** Left column: the 7 queue tabs with live counts and due markers, the Next order button (F2) and its notices. */
import { useTranslation } from 'react-i18next';
import { QUEUE_TABS, isCallableTab } from '../../shared/domain';
import type { QueueTab } from '../../shared/domain/schemas';
import { useHotkey } from '../app/hotkeys';
import { useDeskActions } from '../app/use-desk-actions';
import { useQueueStore } from '../stores/queue-store';

function TabButton({ tab }: { tab: QueueTab }) {
  const { t } = useTranslation();
  const active = useQueueStore((s) => s.tab === tab);
  const total = useQueueStore((s) => s.counts[tab]?.total);
  const due = useQueueStore((s) => s.counts[tab]?.due ?? 0);
  const setTab = useQueueStore((s) => s.setTab);
  const resetList = useQueueStore((s) => s.resetList);
  const readOnly = !isCallableTab(tab);
  return (
    <button type="button" role="tab" aria-selected={active} className={`qtab${active ? ' active' : ''}${readOnly ? ' readonly' : ''}`}
      onClick={() => { resetList(tab); setTab(tab); }} title={readOnly ? t('queue.notCalledHint') : t(`tabs.${tab}`)}>
      <span className="qtab-name">{t(`tabs.${tab}`)}</span>
      {due > 0 && tab !== 'new' ? <span className="due-badge num" title={t('queue.dueTitle', { count: due })}><span aria-hidden="true">{due}</span><span className="sr-only">{t('queue.dueTitle', { count: due })}</span></span> : null}
      <span className="qtab-count num">{total ?? '—'}</span>
    </button>
  );
}

/** The queue tabs column. */
export function QueueTabs() {
  const { t } = useTranslation();
  const { next, release } = useDeskActions();
  const taking = useQueueStore((s) => s.taking);
  const notice = useQueueStore((s) => s.notice);
  const cached = useQueueStore((s) => s.countsCached);
  useHotkey('F2', () => { void next(); });
  return (
    <nav className="queues" aria-label={t('queue.title')}>
      <div className="col-title">
        {t('queue.title')}
        {cached ? <span className="tag tag-warn">{t('queue.cached')}</span> : null}
      </div>
      <div role="tablist" aria-orientation="vertical" className="qtabs">
        {QUEUE_TABS.map((tab) => <TabButton key={tab} tab={tab} />)}
      </div>
      <button type="button" className="btn btn-next" onClick={() => void next()} disabled={taking} aria-keyshortcuts="F2">
        <span>{taking ? t('queue.taking') : t('queue.next')}</span>
        <kbd>F2</kbd>
      </button>
      {notice ? (
        <div className={`alert ${notice.kind === 'nothingDue' ? 'alert-info' : 'alert-error'}`} role="status">
          {notice.kind === 'error' ? <><strong>{t('queue.notice.error')}</strong><span>{notice.message}</span></> : (
            <><strong>{t(`queue.notice.${notice.kind}`)}</strong><span>{t(`queue.noticeHint.${notice.kind}`)}</span></>
          )}
          {notice.kind === 'finishFirst' ? (
            <button type="button" className="btn btn-small" onClick={() => { void release(); useQueueStore.getState().setNotice(null); }}>{t('order.release')}</button>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
