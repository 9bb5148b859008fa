/** The open order: header, the five steps on one scrolling sheet (or «Заказы клиента», or the order's «История»), and the fixed results bar. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerHistory } from '../../shared/api/http';
import { call, isUnreachable, useApi } from '../app/api-context';
import { dateTime, useTimeZone } from '../app/format';
import { useDeskActions } from '../app/use-desk-actions';
import { useOrderStore } from '../stores/order-store';
import { ClosingStep } from './ClosingStep';
import { CustomerHistoryTab } from './CustomerHistoryTab';
import { CustomerClock } from './CustomerClock';
import { CustomerStep } from './CustomerStep';
import { NonBuyerFlag } from './NonBuyerFlag';
import { DeliveryStep } from './DeliveryStep';
import { OrderHistoryTab } from './OrderHistoryTab';
import { PhoneStep } from './PhoneStep';
import { ProductsStep } from './ProductsStep';
import { ResultsBar } from './ResultsBar';
import { useDraftAutosave } from './use-draft-autosave';

function useCustomerHistory(phone: string | undefined): CustomerHistory | null | 'offline' {
  const api = useApi();
  const [state, setState] = useState<{ phone: string; value: CustomerHistory | 'offline' } | null>(null);
  useEffect(() => {
    if (!phone) return undefined;
    let live = true;
    call(api, 'customer.history', { phone })
      .then((value) => { if (live) setState({ phone, value }); })
      .catch((e: unknown) => { if (live) setState({ phone, value: isUnreachable(e) ? 'offline' : { phone, orders: [] } }); });
    return () => { live = false; };
  }, [api, phone]);
  return state && state.phone === phone ? state.value : null;
}

/** The order panel (rendered only while an order is open). */
export function OrderPanel() {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const { release } = useDeskActions();
  const order = useOrderStore((s) => s.view?.order);
  const pending = useOrderStore((s) => s.view?.pending.length ?? 0);
  const rejection = useOrderStore((s) => s.view?.rejection ?? null);
  const [tab, setTab] = useState<'form' | 'history' | 'story'>('form');
  const autosave = useDraftAutosave();
  const history = useCustomerHistory(order?.customer.phone);
  if (!order) return null;
  const others = history && history !== 'offline' ? history.orders.filter((o) => o.id !== order.id).length : 0;
  return (
    <section className="order" aria-label={t('order.title', { id: order.id })}>
      <div className="order-head">
        <h2 className="num">{t('order.title', { id: order.id })}</h2>
        <span className="muted">{t('order.created', { at: dateTime(order.createdAt, timeZone) })}</span>
        <CustomerClock zone={order.customerZone} place="order" />
        <span className={order.failedAttempts > 3 ? 'tag tag-warn' : 'muted'}>{t('order.attempts', { count: order.failedAttempts })}</span>
        {order.callbackAt ? <span className="muted">{t('order.callbackAt', { at: dateTime(order.callbackAt, timeZone) })}</span> : null}
        {pending > 0 ? <span className="tag tag-warn">{t('order.pending', { count: pending })}</span> : null}
        {history && history !== 'offline' ? <NonBuyerFlag buyer={history.buyer} /> : null}
        <span className="spacer" />
        <button type="button" className="btn btn-small btn-ghost" onClick={() => void release()}>{t('order.release')}</button>
      </div>
      {rejection ? <div className="alert alert-error" role="alert"><strong>{t('order.rejected')}</strong><span>{rejection.message}</span></div> : null}
      {order.comment ? <div className="prev-comment"><span className="muted">{t('order.prevComment')}</span> {order.comment}</div> : null}
      <div className="order-tabs">
        <div className="order-tablist" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'form'} className={tab === 'form' ? 'active' : ''} onClick={() => setTab('form')}>{t('order.tabForm')}</button>
          <button type="button" role="tab" aria-selected={tab === 'history'} className={tab === 'history' ? 'active' : ''} onClick={() => setTab('history')}>
            {t('order.tabHistory')} {others > 0 ? <span className="badge num">{others}</span> : null}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'story'} className={tab === 'story' ? 'active' : ''} onClick={() => setTab('story')}>{t('story.tab')}</button>
        </div>
        <span className="spacer" />
        <span className={`autosave ${autosave.failed ? 'field-error' : 'muted'}`} role="status">
          {autosave.failed ? t('order.draftFailed') : autosave.savedAt ? t('order.draftSaved', { at: dateTime(autosave.savedAt, timeZone).slice(11) }) : ''}
        </span>
      </div>
      <div className="order-scroll">
        {tab === 'form' ? (
          <>
            <PhoneStep />
            <ProductsStep />
            <CustomerStep />
            <DeliveryStep />
            <ClosingStep />
          </>
        ) : tab === 'history' ? <CustomerHistoryTab history={history} currentId={order.id} /> : <OrderHistoryTab orderId={order.id} />}
      </div>
      <ResultsBar />
    </section>
  );
}
