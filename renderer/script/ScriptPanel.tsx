/**
 * The script of the open order's offer with its variables filled from the live form (fillScript:
 * unknown ones stay visible as `{{name}}`), rendered like the admin preview (ScriptBody), and the objection
 * library: search by word (Ctrl+K), Alt+1…9 opens an answer.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Script } from '../../shared/api/http';
import { fillScript, formatRub } from '../../shared/domain';
import { call, useApi } from '../app/api-context';
import { useHotkey } from '../app/hotkeys';
import { useLiveTotals } from '../order/ClosingStep';
import { CustomerClock } from '../order/CustomerClock';
import { useOrderStore } from '../stores/order-store';
import { useSessionStore } from '../stores/session-store';
import { ScriptBody, type RenderVar } from './ScriptBody';

/** The values script placeholders may use, from the live form. */
export function useScriptVars(): Record<string, string> {
  const { t } = useTranslation();
  const name = useOrderStore((s) => s.form?.customer.name ?? '');
  const lines = useOrderStore((s) => s.form?.lines);
  const delivery = useOrderStore((s) => s.form?.delivery ?? null);
  const operator = useSessionStore((s) => s.session?.user.name ?? '');
  const totals = useLiveTotals();
  return useMemo(() => {
    const main = lines?.find((l) => l.main);
    const firstName = name.trim().split(/\s+/).length > 1 ? name.trim().split(/\s+/)[1] ?? name : name.trim();
    const goods = formatRub(totals.subtotalKop - totals.discountKop);
    const deliveryText = delivery ? formatRub(totals.deliveryKop) : t('script.deliveryUnknown');
    const total = formatRub(totals.totalKop);
    const term = delivery ? (delivery.daysMin === delivery.daysMax ? `${delivery.daysMax}` : `${delivery.daysMin}–${delivery.daysMax}`) : '';
    return {
      customerName: name.trim(), customerFullName: name.trim(), customerFirstName: firstName ?? '', operatorName: operator,
      offerName: main?.name ?? '', price: main ? formatRub(main.unitPriceKop) : '', mainPrice: main ? formatRub(main.unitPriceKop) : '',
      subtotal: goods, goodsTotal: goods, withoutDelivery: goods, discount: formatRub(totals.discountKop),
      delivery: deliveryText, deliveryPrice: deliveryText, deliveryTerm: term, deliveryCarrier: delivery?.carrier ?? '',
      total, totalWithDelivery: total,
    };
  }, [name, lines, delivery, operator, totals, t]);
}

/** Matches an objection against the search words (title, keywords, body). */
function matches(o: Script['objections'][number], q: string): boolean {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = `${o.title} ${o.keywords.join(' ')} ${o.body}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** The customer's clock above the script (its own subscription: the script does not re-render each minute). */
function ScriptClock() {
  const zone = useOrderStore((s) => s.view?.order.customerZone);
  return <CustomerClock zone={zone} place="script" />;
}

/** The script panel (right column). */
export function ScriptPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const sku = useOrderStore((s) => s.form?.lines.find((l) => l.main)?.offerSku ?? s.view?.order.offerSku ?? null);
  const vars = useScriptVars();
  const renderVar = useCallback<RenderVar>((name) => fillScript(`{{${name}}}`, vars), [vars]);
  const [script, setScript] = useState<{ sku: string; value: Script | null; failed: boolean } | null>(null);
  const [query, setQuery] = useState('');
  const [openKey, setOpenKey] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  // the field the operator was in before the search (Ctrl+K): Esc takes them back there
  const returnTo = useRef<HTMLElement | null>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!sku) return undefined;
    let live = true;
    call(api, 'script.get', { offerSku: sku })
      .then((value) => { if (live) setScript({ sku, value, failed: false }); })
      .catch(() => { if (live) setScript({ sku, value: null, failed: true }); });
    return () => { live = false; };
  }, [api, sku]);

  const current = script && script.sku === sku ? script : null;
  const objections = useMemo(() => (current?.value?.objections ?? []).filter((o) => matches(o, query)), [current, query]);

  useHotkey('Ctrl+K', () => { search.current?.focus(); search.current?.select(); });
  const shown = useRef(objections);
  useEffect(() => { shown.current = objections; });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || !/^Digit[1-9]$/.test(e.code)) return;
      const o = shown.current[Number(e.code.slice(5)) - 1];
      if (!o) return;
      e.preventDefault();
      setOpenKey((k) => (k === o.key ? null : o.key));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!sku) {
    return <aside className="script" aria-label={t('script.title')}><div className="col-title">{t('script.title')}</div><p className="muted pad">{t('script.noOrder')}</p></aside>;
  }
  return (
    <aside className="script" aria-label={t('script.title')}>
      <div className="col-title">{t('script.title')} <span className="muted">{vars.offerName}</span> <ScriptClock /></div>
      <div ref={body} className="script-body" role="region" tabIndex={0} aria-label={t('script.body')}>
        {!current ? <p className="muted pad">{t('common.loading')}</p> : null}
        {current?.failed ? <p className="field-error pad">{t('script.failed')}</p> : null}
        {current && !current.failed && !current.value ? <p className="muted pad">{t('script.none')}</p> : null}
        {current?.value?.sections.map((s, i) => (
          <section key={s.key} className={`script-section sec-${s.key}`}>
            <h4><span className="step-no">{i + 1}</span>{s.title}</h4>
            <ScriptBody text={s.body} renderVar={renderVar} />
          </section>
        ))}
      </div>
      <div className="objections">
        <label className="field objection-search">
          <span>{t('script.objections')} <kbd>Ctrl+K</kbd></span>
          <input ref={search} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('script.searchPlaceholder')}
            onFocus={(e) => { returnTo.current = e.relatedTarget instanceof HTMLElement ? e.relatedTarget : null; }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && objections[0]) setOpenKey(objections[0].key);
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setQuery('');
                const back = returnTo.current;
                (back?.isConnected ? back : body.current)?.focus();
              }
            }} />
        </label>
        <ul className="objection-list">
          {objections.map((o, i) => (
            <li key={o.key} className={openKey === o.key ? 'open' : ''}>
              <button type="button" className="objection-title" aria-expanded={openKey === o.key} onClick={() => setOpenKey((k) => (k === o.key ? null : o.key))}>
                {i < 9 ? <kbd>{`Alt+${i + 1}`}</kbd> : null}<span>{o.title}</span>
              </button>
              {openKey === o.key ? <div className="objection-body"><ScriptBody text={o.body} renderVar={renderVar} /></div> : null}
            </li>
          ))}
          {current?.value && objections.length === 0 ? <li className="muted">{t('script.noMatch')}</li> : null}
        </ul>
      </div>
    </aside>
  );
}
