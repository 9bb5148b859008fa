/** The operator's one screen: queues | call bar + order form (or the queue list) + results | script. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { OrderPanel } from '../order/OrderPanel';
import { QueueList } from '../queues/QueueList';
import { QueueTabs } from '../queues/QueueTabs';
import { ScriptPanel } from '../script/ScriptPanel';
import { useOrderStore } from '../stores/order-store';
import { focusWhenReady, nextOrderButton } from './focus-work';
import { DeskCountdown } from './DeskCountdown';
import { LiveNotices } from './LiveNotices';
import { CallBarSlot } from './phone-slot';

function SavedBanner() {
  const { t } = useTranslation();
  const notice = useOrderStore((s) => s.notice);
  if (notice?.kind !== 'saved') return null;
  return (
    <div className="alert alert-ok saved" role="status">
      <strong>{t('results.saved', { id: notice.orderId, result: t(`results.kind.${notice.result}`) })}</strong>
      <span>{notice.queued ? t('results.queued') : t('results.sent')}</span>
      <span className="next-hint">{t('results.nextHint')} <kbd>F2</kbd></span>
    </div>
  );
}

/** The operator's desk layout. */
export function OperatorDesk() {
  const orderId = useOrderStore((s) => s.view?.order.id ?? null);
  // after login (or a restored session) the keyboard starts on «Следующий заказ»; a held order takes it to «Позвонить»
  useEffect(() => { if (useOrderStore.getState().view === null) focusWhenReady(nextOrderButton); }, []);
  return (
    <div className={orderId === null ? 'desk no-order' : 'desk'}>
      <QueueTabs />
      <div className="center">
        <LiveNotices />
        <DeskCountdown />
        {orderId !== null ? (
          <>
            <CallBarSlot />
            <OrderPanel key={orderId} />
          </>
        ) : (
          <>
            <SavedBanner />
            <QueueList />
          </>
        )}
      </div>
      {orderId !== null ? <ScriptPanel /> : null}
    </div>
  );
}
