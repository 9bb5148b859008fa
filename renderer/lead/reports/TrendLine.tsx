/**
 * The approval-rate trend per day as an SVG line. A day where nothing was processed has no rate:
 * the line breaks there and a grey band marks the day, so it never reads as 0 %.
 */
import { useTranslation } from 'react-i18next';
import type { HourlyReport } from '../../../shared/api/lead';
import { formatRatePct } from '../../../shared/domain/reports';

const W = 420;
const H = 200;
const M = { top: 10, right: 10, bottom: 22, left: 36 };

/** `28.11` of a day key. */
function shortDay(key: string): string {
  return `${key.slice(8, 10)}.${key.slice(5, 7)}`;
}

/** SVG path `M…L…` through the points, broken at null values. */
export function linePath(points: { x: number; y: number | null }[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) { pen = false; continue; }
    d += `${pen ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The approval trend chart. */
export function TrendLine({ trend }: { trend: HourlyReport['trend'] }) {
  const { t } = useTranslation();
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const n = trend.length;
  const x = (i: number) => M.left + (n <= 1 ? iw / 2 : (i / (n - 1)) * iw);
  const y = (r: number) => M.top + ih - r * ih;
  const pts = trend.map((d, i) => ({ x: x(i), y: d.approvalRate === null ? null : y(Math.min(1, Math.max(0, d.approvalRate))) }));
  const last = [...trend].reverse().find((d) => d.approvalRate !== null);
  const empty = trend.filter((d) => d.approvalRate === null).length;
  const half = n <= 1 ? iw / 2 : iw / (n - 1) / 2;
  return (
    <figure className="lead-chart">
      <h3 id="lead-trend-title">{t('lead.reports.trendTitle')}</h3>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="lead-trend-title lead-trend-desc">
        <desc id="lead-trend-desc">{t('lead.reports.trendDesc', { days: n, last: formatRatePct(last?.approvalRate ?? null), empty })}</desc>
        {trend.map((d, i) => (d.approvalRate !== null ? null : (
          <rect key={`gap-${d.day}`} className="nodata" data-day={d.day} x={Math.max(M.left, x(i) - half)} y={M.top}
            width={Math.min(W - M.right, x(i) + half) - Math.max(M.left, x(i) - half)} height={ih}>
            <title>{t('lead.reports.trendNoData', { day: shortDay(d.day) })}</title>
          </rect>
        )))}
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line className="axis" x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} strokeOpacity={v === 0 ? 1 : 0.3} />
            <text x={M.left - 4} y={y(v) + 3} textAnchor="end">{`${v * 100}\u00a0%`}</text>
          </g>
        ))}
        <path className="line" d={linePath(pts)} />
        {trend.map((d, i) => (d.approvalRate === null ? null : (
          <circle key={d.day} className="dot" cx={x(i)} cy={y(Math.min(1, Math.max(0, d.approvalRate)))} r={3}>
            <title>{`${shortDay(d.day)}: ${formatRatePct(d.approvalRate)} (${d.confirmed}/${d.processed})`}</title>
          </circle>
        )))}
        {n > 0 ? <text x={x(0)} y={H - 6} textAnchor="start">{shortDay(trend[0]?.day ?? '')}</text> : null}
        {n > 1 ? <text x={x(n - 1)} y={H - 6} textAnchor="end">{shortDay(trend[n - 1]?.day ?? '')}</text> : null}
      </svg>
      {empty > 0 ? <figcaption className="lead-legend"><span><i className="nodata" aria-hidden="true" />{t('lead.reports.trendLegendGap')}</span></figcaption> : null}
    </figure>
  );
}
