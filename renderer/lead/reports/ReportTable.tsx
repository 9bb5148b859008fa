/**
 * The operators report as a table: a heading row per period, then its operators (the operator
 * is the sticky first column) and the team total; the grand total with the whole range at the foot.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorReport, ReportFigures } from '../../../shared/api/lead';
import { formatDuration, formatRatePct } from '../../../shared/domain/reports';
import { formatRubWhole } from '../../../shared/domain/money';
import { formatCount } from '../format';

/**
 * A figure column; `hint` columns explain themselves in `lead.reports.colHint.<key>` (the heading's
 * tooltip); `full` gives a cell's exact value as its tooltip; `shownIf` columns appear only when
 * the report has something to show in them.
 */
interface Column { key: string; cell(f: ReportFigures): string; hint?: boolean; full?(f: ReportFigures): string; shownIf?(report: OperatorReport): boolean }

/** `4:05` (h:mm, seconds dropped) — the table's time columns, so 17 columns fit 1280 px; the tooltip and exports keep h:mm:ss. */
export function formatHoursMinutes(seconds: number): string {
  return formatDuration(seconds).replace(/:\d\d$/, '');
}

type TimeKey = keyof ReportFigures['time'];
type ResultKey = keyof ReportFigures['byResult'];
const time = (key: TimeKey): Column => ({ key, cell: (f) => formatHoursMinutes(f.time[key]), full: (f) => formatDuration(f.time[key]) });
const result = (key: ResultKey): Column => ({ key, cell: (f) => formatCount(f.byResult[key]) });
const count = (key: 'calls' | 'answered' | 'processed'): Column => ({ key, cell: (f) => formatCount(f[key]) });
const rate = (key: string, value: (f: ReportFigures) => number | null): Column => ({ key, cell: (f) => formatRatePct(value(f)) });
const money = (key: string, value: (f: ReportFigures) => number | null): Column => ({ key, cell: (f) => { const kop = value(f); return kop === null ? '—' : formatRubWhole(kop); } });

/** The figure columns; each heading is `lead.reports.col.<key>`. */
const COLUMNS: Column[] = [
  time('loggedIn'), time('ready'), time('talking'), time('break'), time('wrapUp'),
  count('calls'),
  { key: 'outsideWindow', cell: (f) => formatCount(f.outsideWindow ?? 0), hint: true, shownIf: (r) => (r.grandTotal.outsideWindow ?? 0) > 0 },
  count('answered'),
  { key: 'talkTime', cell: (f) => formatHoursMinutes(f.talkSeconds ?? 0), full: (f) => formatDuration(f.talkSeconds ?? 0), hint: true },
  result('confirm'), result('callback'), result('noAnswer'), result('cancel'), result('invalid'),
  count('processed'),
  rate('approval', (f) => f.approvalRate),
  money('aov', (f) => f.averageOrderValueKop),
  rate('upsell', (f) => f.upsellRate),
  money('revenue', (f) => f.revenueKop),
  { key: 'plan', cell: (f) => (f.plan ? `${formatCount(f.confirmed)} / ${formatCount(f.plan.targetConfirmed)}` : '—') },
  { ...rate('planPct', (f) => f.planConfirmedRatio), hint: true },
  { key: 'shipped', cell: (f) => (f.buyout ? formatCount(f.buyout.shipped) : '—') },
  { key: 'returned', cell: (f) => (f.buyout ? formatCount(f.buyout.returned) : '—') },
  { ...rate('buyout', (f) => f.buyout?.buyoutRate ?? null), hint: true },
  { ...money('collected', (f) => f.buyout?.collectedKop ?? null), hint: true },
  {
    key: 'quality', cell: (f) => formatRatePct(f.quality?.ratio ?? null), full: (f) => String(f.quality?.scored ?? 0), hint: true,
    shownIf: (r) => (r.grandTotal.quality?.scored ?? 0) > 0,
  },
];

/** `28.11.2026` for a day key, `11.2026` for a month key. */
export function periodLabel(period: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (day) return `${day[3]}.${day[2]}.${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  return month ? `${month[2]}.${month[1]}` : period;
}

/** True when the figures show any activity: time logged in, calls, results or a plan. */
export function hasActivity(f: ReportFigures): boolean {
  return f.time.loggedIn > 0 || f.calls > 0 || f.processed > 0 || f.plan !== null;
}

function Cells({ f, columns }: { f: ReportFigures; columns: Column[] }) {
  return <>{columns.map((c) => <td key={c.key} className="r" data-col={c.key} title={c.full?.(f)}>{c.cell(f)}</td>)}</>;
}

/** The report table; operator rows without any activity are folded away unless asked for. */
export function ReportTable({ report }: { report: OperatorReport }) {
  const { t } = useTranslation();
  const [showIdle, setShowIdle] = useState(false);
  const periods = [...new Set([...report.rows.map((r) => r.period), ...report.totals.map((r) => r.period)])].sort();
  const multi = periods.length > 1;
  const idle = report.rows.filter((r) => !hasActivity(r)).length;
  const shown = showIdle ? report.rows : report.rows.filter(hasActivity);
  const columns = COLUMNS.filter((c) => !c.shownIf || c.shownIf(report));
  return (
    <>
      {idle > 0 ? (
        <label className="lead-idle-toggle">
          <input type="checkbox" checked={showIdle} onChange={(e) => setShowIdle(e.target.checked)} />
          {t('lead.reports.showIdle', { count: idle })}
        </label>
      ) : null}
      <div className="lead-table-wrap lead-report-wrap" role="region" tabIndex={0} aria-label={t('lead.reports.table')}>
        <table className="lead-table lead-report" aria-label={t('lead.reports.table')}>
          <thead>
            <tr>
              <th scope="col">{t('lead.reports.col.operator')}</th>
              {columns.map((c) => <th key={c.key} scope="col" className="r" title={c.hint ? t(`lead.reports.colHint.${c.key}`) : undefined}>{t(`lead.reports.col.${c.key}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => {
              const rows = shown.filter((r) => r.period === p).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
              const total = report.totals.find((x) => x.period === p);
              return [
                rows.length > 0 || (multi && total) ? (
                  <tr key={`${p}-head`} className="lead-period">
                    <th scope="colgroup" colSpan={columns.length + 1}><span>{periodLabel(p)}</span></th>
                  </tr>
                ) : null,
                ...rows.map((r) => (
                  <tr key={`${p}-${r.userId}`} data-user={r.userId} data-period={p}>
                    <th scope="row" title={r.login}>{r.name}</th>
                    <Cells f={r} columns={columns} />
                  </tr>
                )),
                multi && total ? (
                  <tr key={`${p}-total`} className="lead-total" data-total={p} data-period={p}>
                    <th scope="row">{t('lead.reports.teamTotal')}</th>
                    <Cells f={total} columns={columns} />
                  </tr>
                ) : null,
              ];
            })}
            {shown.length === 0 ? (
              <tr><td colSpan={columns.length + 1} className="muted">{report.rows.length === 0 ? t('lead.reports.noData') : t('lead.reports.onlyIdle')}</td></tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr className="lead-total" data-total="grand">
              <th scope="row"><span>{t('lead.reports.grandTotal')}</span> <span className="lead-range">{`${periodLabel(report.from)} – ${periodLabel(report.to)}`}</span></th>
              <Cells f={report.grandTotal} columns={columns} />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
