/**
 * The customer's marks before calling: «Не выкупает» (returns at or above the center's threshold,
 * shared/domain/buyout.ts) and the blacklist reason; with `record`, also the parcels bought out
 * and returned. Nothing when the server sent no marks (an older server) or there is nothing to say.
 */
import { useTranslation } from 'react-i18next';
import type { CustomerHistory } from '../../shared/api/http';

/** The marks of `buyer` (from the customer history). */
export function NonBuyerFlag({ buyer, record = false }: { buyer: CustomerHistory['buyer']; record?: boolean }) {
  const { t } = useTranslation();
  if (!buyer) return null;
  const parcels = buyer.delivered + buyer.returned;
  if (!buyer.nonBuyer && buyer.blacklisted === null && !(record && parcels > 0)) return null;
  return (
    <>
      {buyer.blacklisted !== null ? <span className="tag tag-warn" role="note">{t('history.blacklisted', { reason: buyer.blacklisted })}</span> : null}
      {buyer.nonBuyer ? (
        <span className="tag tag-warn" role="note" title={t('history.nonBuyerHint', buyer)}>{t('history.nonBuyer')}</span>
      ) : null}
      {record && buyer.nonBuyer ? <span className="muted">{t('history.nonBuyerHint', buyer)}</span> : null}
      {record && !buyer.nonBuyer && parcels > 0 ? <span className="muted">{t('history.buyerRecord', buyer)}</span> : null}
    </>
  );
}
