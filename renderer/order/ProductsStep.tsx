/** Step 2: the main offer plus secondary items (offer, quantity, discount by the promo terms, gift = 100 %), live totals. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedDiscountsFor, formatRub, lineTotalKop, orderTotals, pricingViolations } from '../../shared/domain';
import type { Offer, OrderLine } from '../../shared/domain/schemas';
import { useOrderStore } from '../stores/order-store';
import { useSessionStore } from '../stores/session-store';

function DiscountSelect({ label, value, options, onChange }: { label: string; value: number; options: number[]; onChange(v: number): void }) {
  const { t } = useTranslation();
  const all = options.includes(value) ? options : [...options, value].sort((a, b) => a - b);
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {all.map((d) => <option key={d} value={d}>{d === 100 ? t('products.gift') : `${d} %`}</option>)}
    </select>
  );
}

function AddLine({ offers, mainSku, onAdd, onCancel }: { offers: Offer[]; mainSku: string | null; onAdd(l: OrderLine): void; onCancel(): void }) {
  const { t } = useTranslation();
  const active = offers.filter((o) => o.active);
  const [sku, setSku] = useState(active[0]?.sku ?? '');
  const [qty, setQty] = useState(1);
  const [discount, setDiscount] = useState(0);
  const offer = active.find((o) => o.sku === sku);
  const options = offer ? allowedDiscountsFor(offer.sku, mainSku, offers) : [0];
  const save = () => {
    if (!offer) return;
    onAdd({ offerSku: offer.sku, name: offer.name, quantity: Math.max(1, Math.min(999, qty)), unitPriceKop: offer.priceKop, discountPct: options.includes(discount) ? discount : 0, main: false });
  };
  return (
    <div className="add-line" role="group" aria-label={t('products.addTitle')}>
      <label className="field grow">
        <span>{t('products.offer')}</span>
        <select value={sku} onChange={(e) => { setSku(e.target.value); setDiscount(0); }} autoFocus>
          {active.map((o) => <option key={o.sku} value={o.sku}>{o.name} · {formatRub(o.priceKop)}</option>)}
        </select>
      </label>
      <label className="field w-qty">
        <span>{t('products.qty')}</span>
        <input type="number" min={1} max={999} value={qty} onChange={(e) => setQty(Number(e.target.value) || 1)} className="num" />
      </label>
      <label className="field w-disc">
        <span>{t('products.discount')}</span>
        <select value={discount} onChange={(e) => setDiscount(Number(e.target.value))}>
          {options.map((d) => <option key={d} value={d}>{d === 100 ? t('products.gift') : `${d} %`}</option>)}
        </select>
      </label>
      <button type="button" className="btn btn-primary" onClick={save} disabled={!offer}>{t('common.save')}</button>
      <button type="button" className="btn btn-ghost" onClick={onCancel}>{t('common.cancel')}</button>
      {offer?.promo.text ? <p className="hint promo">{offer.promo.text}</p> : null}
    </div>
  );
}

/** The products step with totals. */
export function ProductsStep() {
  const { t } = useTranslation();
  const lines = useOrderStore((s) => s.form?.lines);
  const delivery = useOrderStore((s) => s.form?.delivery ?? null);
  const patchLine = useOrderStore((s) => s.patchLine);
  const removeLine = useOrderStore((s) => s.removeLine);
  const addLine = useOrderStore((s) => s.addLine);
  const repriceLines = useOrderStore((s) => s.repriceLines);
  const offers = useSessionStore((s) => s.offers);
  const [adding, setAdding] = useState(false);
  const totals = useMemo(() => orderTotals(lines ?? [], delivery), [lines, delivery]);
  const mainSku = lines?.find((l) => l.main)?.offerSku ?? null;
  const stalePrices = useMemo(() => pricingViolations(lines ?? [], offers).some((v) => v.code === 'priceMismatch'), [lines, offers]);
  if (!lines) return null;
  return (
    <section className="step" aria-labelledby="step2">
      <h3 id="step2" className="step-title"><span className="step-no">2</span>{t('order.step.products')}</h3>
      <table className="table lines">
        <thead>
          <tr>
            <th>{t('products.offer')}</th><th className="right w-qty">{t('products.qty')}</th><th className="right">{t('products.price')}</th>
            <th className="w-disc">{t('products.discount')}</th><th className="right">{t('products.sum')}</th><th className="w-x" />
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            return (
              <tr key={`${l.offerSku}-${i}`} className={l.discountPct === 100 ? 'gift' : undefined}>
                <td>
                  {l.main ? <span className="tag tag-main">{t('products.main')}</span> : null} {l.name}
                  {l.discountPct === 100 ? <span className="tag tag-gift">{t('products.gift')}</span> : null}
                </td>
                <td className="right">
                  <input type="number" min={1} max={999} className="num qty" value={l.quantity} aria-label={t('products.qtyOf', { name: l.name })}
                    onChange={(e) => patchLine(i, { quantity: Math.max(1, Math.min(999, Number(e.target.value) || 1)) })} />
                </td>
                <td className="num right">{formatRub(l.unitPriceKop)}</td>
                <td>
                  <DiscountSelect label={t('products.discountOf', { name: l.name })} value={l.discountPct}
                    options={allowedDiscountsFor(l.offerSku, l.main ? null : mainSku, offers)} onChange={(d) => patchLine(i, { discountPct: d })} />
                </td>
                <td className="num right">{formatRub(lineTotalKop(l))}</td>
                <td>
                  {l.main ? null : (
                    <button type="button" className="btn btn-icon" onClick={() => removeLine(i)} aria-label={t('products.remove', { name: l.name })}>×</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={4} className="right muted">{t('totals.goods')}</td>
            <td className="num right" data-testid="totals-goods">{formatRub(totals.subtotalKop - totals.discountKop)}</td><td />
          </tr>
          {totals.discountKop > 0 ? (
            <tr><td colSpan={4} className="right muted">{t('totals.discount')}</td><td className="num right">−{formatRub(totals.discountKop)}</td><td /></tr>
          ) : null}
        </tfoot>
      </table>
      {stalePrices ? (
        <p className="hint warn" role="status">
          {t('products.stalePrices')}{' '}
          <button type="button" className="btn btn-link" onClick={() => repriceLines(offers)}>{t('products.reprice')}</button>
        </p>
      ) : null}
      {adding
        ? <AddLine offers={offers} mainSku={mainSku} onAdd={(l) => { addLine(l); setAdding(false); }} onCancel={() => setAdding(false)} />
        : <button type="button" className="btn btn-link" onClick={() => setAdding(true)} disabled={offers.length === 0}>+ {t('products.add')}</button>}
    </section>
  );
}
