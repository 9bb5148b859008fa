/** Calls and confirmations per local hour as grouped SVG bars (no chart library). */
import { useTranslation } from 'react-i18next';
import type { HourlyReport } from '../../../shared/api/lead';

const W = 860;
const H = 200;
const M = { top: 10, right: 8, bottom: 22, left: 34 };

/** A "nice" upper bound for an axis: 1, 2, 5 × 10^k at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** The bar chart of one day's hours. */
export function HourlyBars({ hours }: { hours: HourlyReport['hours'] }) {
  const { t } = useTranslation();
  const byHour = new Map(hours.map((h) => [h.hour, h]));
  const data = Array.from({ length: 24 }, (_, hour) => byHour.get(hour) ?? { hour, calls: 0, answered: 0, confirmed: 0 });
  const top = niceMax(Math.max(0, ...data.map((d) => Math.max(d.calls, d.confirmed))));
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const slot = iw / 24;
  const bw = Math.max(2, (slot - 4) / 2);
  const y = (v: number) => M.top + ih - (v / top) * ih;
  const totals = data.reduce((a, d) => ({ calls: a.calls + d.calls, confirmed: a.confirmed + d.confirmed }), { calls: 0, confirmed: 0 });
  return (
    <figure className="lead-chart">
      <h3 id="lead-hourly-title">{t('lead.reports.hourlyTitle')}</h3>
      <div className="lead-legend" aria-hidden="true">
        <span><i className="bar-calls" style={{ background: '#84adff' }} />{t('lead.reports.calls')}</span>
        <span><i style={{ background: '#067647' }} />{t('lead.reports.confirmed')}</span>
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="lead-hourly-title lead-hourly-desc">
        <desc id="lead-hourly-desc">{t('lead.reports.hourlyDesc', { calls: totals.calls, confirmed: totals.confirmed })}</desc>
        {[0, top / 2, top].map((v) => (
          <g key={v}>
            <line className="axis" x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} strokeOpacity={v === 0 ? 1 : 0.3} />
            <text x={M.left - 4} y={y(v) + 3} textAnchor="end">{v}</text>
          </g>
        ))}
        {data.map((d) => {
          const x = M.left + d.hour * slot + 2;
          return (
            <g key={d.hour} data-hour={d.hour}>
              <rect className="bar-calls" x={x} y={y(d.calls)} width={bw} height={M.top + ih - y(d.calls)}>
                <title>{t('lead.reports.barCalls', { hour: d.hour, n: d.calls })}</title>
              </rect>
              <rect className="bar-confirmed" x={x + bw} y={y(d.confirmed)} width={bw} height={M.top + ih - y(d.confirmed)}>
                <title>{t('lead.reports.barConfirmed', { hour: d.hour, n: d.confirmed })}</title>
              </rect>
              {d.hour % 2 === 0 ? <text x={x + bw} y={H - 6} textAnchor="middle">{d.hour}</text> : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
