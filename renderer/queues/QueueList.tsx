/** The rows of the selected tab, virtualized (10k rows stay smooth), loaded page by page. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { isCallableTab } from '../../shared/domain';
import type { QueueRow } from '../../shared/api/http';
import { dateTime, useTimeZone } from '../app/format';
import { useDeskActions } from '../app/use-desk-actions';
import { CustomerClock } from '../order/CustomerClock';
import { QUEUE_PAGE, useQueueStore } from '../stores/queue-store';

/** Height of a list row in px (compact rows of 28–32 px for a dense desk). */
export const ROW_HEIGHT = 30;

/** Columns of the queue table: due mark, №, created, offer, customer, customer's time, phone, attempts, callback, owner, action. */
const QUEUE_COLUMNS = 11;

/** One data row's cells; the due mark is a cell with visually hidden text, the dot itself is decoration. */
function Row({ row, readOnly, onOpen, timeZone }: { row: QueueRow; readOnly: boolean; onOpen(id: number): void; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span role="cell" className="c-due">{row.due ? <><span className="due-dot" aria-hidden="true" title={t('queue.dueNow')} /><span className="sr-only">{t('queue.dueNow')}</span></> : null}</span>
      <span role="cell" className="c-id num">{row.id}</span>
      <span role="cell" className="c-date num">{dateTime(row.createdAt, timeZone)}</span>
      <span role="cell" className="c-offer" title={row.offerName}>{row.offerName}</span>
      <span role="cell" className="c-name" title={row.customerName}>{row.customerName}</span>
      <span role="cell" className="c-clock"><CustomerClock zone={row.customerZone} place="row" /></span>
      <span role="cell" className="c-phone num">{row.phoneMasked}</span>
      <span role="cell" className="c-att num">{row.failedAttempts}</span>
      <span role="cell" className={row.callbackAt ? 'c-cb num' : 'c-cb muted'}>{row.callbackAt ? dateTime(row.callbackAt, timeZone) : '—'}</span>
      <span role="cell" className={row.assigneeName ? 'c-owner' : 'c-owner muted'} title={row.assigneeName ?? ''}>{row.assigneeName ?? '—'}</span>
      <span role="cell" className="c-act">
        {readOnly ? null : (
          <button type="button" className="btn btn-small" onClick={() => onOpen(row.id)} aria-label={t('queue.openOrder', { id: row.id })}>
            {t('queue.open')}
          </button>
        )}
      </span>
    </>
  );
}

/** The list of the selected tab. */
export function QueueList() {
  const { t } = useTranslation();
  const tab = useQueueStore((s) => s.tab);
  const list = useQueueStore((s) => s.lists[s.tab]);
  const { loadPage, claim } = useDeskActions();
  const timeZone = useTimeZone();
  const scrollRef = useRef<HTMLDivElement>(null);
  const readOnly = !isCallableTab(tab);
  const total = list?.total ?? 0;

  const missing = list === undefined;
  useEffect(() => { if (missing) void loadPage(tab, 0); }, [tab, missing, loadPage]);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total === 0) return;
    for (let p = Math.floor(first / QUEUE_PAGE); p <= Math.floor(last / QUEUE_PAGE); p += 1) void loadPage(tab, p);
  }, [first, last, total, tab, loadPage]);

  return (
    <section className={`qlist${readOnly ? ' readonly' : ''}`} aria-label={t(`tabs.${tab}`)}>
      <div className="qlist-head">
        <h2>{t(`tabs.${tab}`)}</h2>
        <span className="muted num">{t('queue.total', { count: total })}</span>
        {list?.cached ? <span className="tag tag-warn">{t('queue.cachedList')}</span> : null}
        {readOnly ? <span className="tag tag-readonly" role="note">{t('queue.notCalled')}</span> : null}
        <span className="rule muted">{t(readOnly ? 'queue.rule.notCalled' : tab === 'new' ? 'queue.rule.new' : 'queue.rule.other')}</span>
      </div>
      {readOnly ? <div className="alert alert-warn">{t('queue.notCalledHint')}</div> : null}
      {list?.error ? (
        <div className="alert alert-error" role="alert">
          <strong>{t('queue.listFailed')}</strong>
          <span>{list.error === 'offline' ? t('queue.noticeHint.offline') : list.error}</span>
          <button type="button" className="btn btn-small" onClick={() => useQueueStore.getState().resetList(tab)}>{t('common.retry')}</button>
        </div>
      ) : null}
      {total === 0 && list?.pages[0] === 'loaded' ? <div className="empty">{t('queue.empty')}</div> : null}
      <div ref={scrollRef} className="qlist-scroll" role="table" aria-label={t(`tabs.${tab}`)} aria-rowcount={total + 1} aria-colcount={QUEUE_COLUMNS}
        tabIndex={readOnly ? 0 : undefined}>
        <div role="rowgroup" className="qlist-headgroup">
          <div className="qgrid qgrid-head" role="row" aria-rowindex={1}>
            <span role="columnheader" className="c-due"><span className="sr-only">{t('queue.col.due')}</span></span>
            <span role="columnheader" className="c-id">{t('queue.col.id')}</span>
            <span role="columnheader" className="c-date">{t('queue.col.created')}</span>
            <span role="columnheader" className="c-offer">{t('queue.col.offer')}</span>
            <span role="columnheader" className="c-name">{t('queue.col.customer')}</span>
            <span role="columnheader" className="c-clock">{t('queue.col.customerTime')}</span>
            <span role="columnheader" className="c-phone">{t('queue.col.phone')}</span>
            <span role="columnheader" className="c-att">{t('queue.col.attempts')}</span>
            <span role="columnheader" className="c-cb">{t('queue.col.callback')}</span>
            <span role="columnheader" className="c-owner">{t('queue.col.owner')}</span>
            <span role="columnheader" className="c-act"><span className="sr-only">{t('queue.col.action')}</span></span>
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((it) => {
            const row = list?.rows[it.index];
            return (
              <div key={it.key} role="row" aria-rowindex={it.index + 2} className={`qgrid qrow${row?.due ? ' due' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${it.start}px)` }}
                onDoubleClick={() => { if (row && !readOnly) void claim(row.id); }}>
                {row ? <Row row={row} readOnly={readOnly} onOpen={(id) => void claim(id)} timeZone={timeZone} /> : <span role="cell" className="c-loading muted">{t('common.loading')}</span>}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
