/** Step 5: the sums to say aloud — without delivery, delivery, total — and the mandatory phrase. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRub, orderTotals } from '../../shared/domain';
import { useOrderStore } from '../stores/order-store';

/** Live totals of the open form. */
export function useLiveTotals() {
  const lines = useOrderStore((s) => s.form?.lines);
  const delivery = useOrderStore((s) => s.form?.delivery ?? null);
  return useMemo(() => orderTotals(lines ?? [], delivery), [lines, delivery]);
}

/** The closing step. */
export function ClosingStep() {
  const { t } = useTranslation();
  const totals = useLiveTotals();
  const hasDelivery = useOrderStore((s) => s.form?.delivery != null);
  const goods = formatRub(totals.subtotalKop - totals.discountKop);
  const delivery = hasDelivery ? formatRub(totals.deliveryKop) : t('totals.noDelivery');
  const total = formatRub(totals.totalKop);
  return (
    <section className="step step-closing" aria-labelledby="step5">
      <h3 id="step5" className="step-title"><span className="step-no">5</span>{t('order.step.closing')}</h3>
      <dl className="totals" aria-label={t('totals.title')}>
        <div><dt>{t('totals.withoutDelivery')}</dt><dd className="num" data-testid="total-goods">{goods}</dd></div>
        <div><dt>{t('totals.delivery')}</dt><dd className="num" data-testid="total-delivery">{delivery}</dd></div>
        <div className="grand"><dt>{t('totals.total')}</dt><dd className="num" data-testid="total-grand">{total}</dd></div>
      </dl>
      <p className="say-aloud">{t('closing.phrase', { goods, delivery, total })}</p>
    </section>
  );
}
