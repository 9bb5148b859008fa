/** Reports: filters (dates, team, operator, offer, granularity), charts, the table and exports. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Offer } from '../../../shared/domain/schemas';
import type { z } from 'zod';
import { OperatorReportQuery, type HourlyReport, type OperatorReport, type Team } from '../../../shared/api/lead';
import { localDayKeyOf, parseDayKey } from '../../../shared/domain/reports';
import { call, useApi } from '../../app/api-context';
import { useTimeZone } from '../../app/format';
import { useSessionStore } from '../../stores/session-store';
import { useBoardStore } from '../board-store';
import { errorText } from '../lead-api';
import { loadTeams } from '../admin/users-api';
import { HourlyBars } from './HourlyBars';
import { TrendLine } from './TrendLine';
import { ReportTable } from './ReportTable';
import { ExportButtons } from './ExportButtons';
import { DayInput } from './DayInput';
import { PbxFlags } from './PbxFlags';

/** The filter form's values (strings as typed). */
export interface ReportFilter { from: string; to: string; teamId: string; userId: string; offerSku: string; granularity: 'day' | 'month' }

/** Number of days from `from` to `to` inclusive (1 when malformed). */
function daysBetween(from: string, to: string): number {
  const a = parseDayKey(from);
  const b = parseDayKey(to);
  if (!a || !b) return 1;
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000) + 1;
}

/** A report query as validated by the server's schema. */
export type ReportQuery = z.output<typeof OperatorReportQuery>;

/** Validates the filter with the server's schema; the query or an error text. */
export function reportQuery(f: ReportFilter): { ok: true; query: ReportQuery } | { ok: false; error: string } {
  const parsed = OperatorReportQuery.safeParse({
    from: f.from, to: f.to, granularity: f.granularity,
    teamId: f.teamId || undefined, userId: f.userId || undefined, offerSku: f.offerSku || undefined,
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid' };
  if (f.to < f.from) return { ok: false, error: 'to<from' };
  return { ok: true, query: parsed.data };
}

/** The operator select, fed by the board's operator list (the lead's team). */
export function OperatorOptions({ value, onChange, allLabel }: { value: string; onChange(v: string): void; allLabel: string }) {
  const names = useBoardStore(useShallow((s) => Object.values(s.agents).map((a) => a.name)));
  const ids = useBoardStore(useShallow((s) => Object.values(s.agents).map((a) => a.userId)));
  const options = ids.map((id, i) => ({ id, name: names[i] ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{allLabel}</option>
      {options.map((o) => <option key={o.id} value={String(o.id)}>{o.name}</option>)}
    </select>
  );
}

type Loaded = { report: OperatorReport; hourly: HourlyReport | null; query: ReportQuery };

/** The reports screen. */
export function ReportsView() {
  const { t } = useTranslation();
  const api = useApi();
  const tz = useTimeZone();
  const today = useMemo(() => localDayKeyOf(new Date(), tz), [tz]);
  const initial = useMemo<ReportFilter>(() => ({ from: today, to: today, teamId: '', userId: '', offerSku: '', granularity: 'day' }), [today]);
  const [filter, setFilter] = useState<ReportFilter>(initial);
  const [offers, setOffers] = useState<Offer[]>([]);
  const [teams, setTeams] = useState<z.infer<typeof Team>[]>([]);
  const isAdmin = useSessionStore((s) => s.session?.user.role === 'admin');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call(api, 'offers.list', {}).then((o) => { if (live) setOffers(o); }).catch(() => undefined);
    if (isAdmin) loadTeams(api).then((list) => { if (live) setTeams(list); }).catch(() => undefined);
    return () => { live = false; };
  }, [api, isAdmin]);

  const load = useCallback(async (f: ReportFilter) => {
    const q = reportQuery(f);
    if (!q.ok) {
      setError(q.error === 'to<from' ? t('lead.reports.badRange') : t('lead.reports.badFilter', { message: q.error }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { teamId, userId, offerSku } = q.query;
      const [report, hourly] = await Promise.all([
        call(api, 'reports.operators', q.query),
        call(api, 'reports.hourly', { day: q.query.to, teamId, userId, offerSku, trendDays: Math.min(92, Math.max(7, daysBetween(f.from, f.to))) }),
      ]);
      setLoaded({ report, hourly, query: q.query });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }, [api, t]);

  useEffect(() => { void load(initial); }, [load, initial]);

  const set = <K extends keyof ReportFilter>(k: K, v: ReportFilter[K]) => setFilter((f) => ({ ...f, [k]: v }));
  return (
    <section className="lead-reports" aria-label={t('lead.reports.title')}>
      <form className="lead-filters" onSubmit={(e) => { e.preventDefault(); void load(filter); }}>
        <DayInput label={t('lead.reports.from')} value={filter.from} onChange={(v) => set('from', v)} required />
        <DayInput label={t('lead.reports.to')} value={filter.to} onChange={(v) => set('to', v)} required />
        {isAdmin && teams.length ? (
          <label className="lead-field"><span>{t('lead.reports.team')}</span>
            <select value={filter.teamId} onChange={(e) => set('teamId', e.target.value)}>
              <option value="">{t('lead.reports.allTeams')}</option>
              {teams.map((x) => <option key={x.id} value={String(x.id)}>{x.name}</option>)}
            </select>
          </label>
        ) : null}
        <label className="lead-field"><span>{t('lead.reports.operator')}</span>
          <OperatorOptions value={filter.userId} onChange={(v) => set('userId', v)} allLabel={t('lead.reports.allOperators')} />
        </label>
        <label className="lead-field"><span>{t('lead.reports.offer')}</span>
          <select value={filter.offerSku} onChange={(e) => set('offerSku', e.target.value)}>
            <option value="">{t('lead.reports.allOffers')}</option>
            {offers.map((o) => <option key={o.sku} value={o.sku}>{o.name}</option>)}
          </select>
        </label>
        <label className="lead-field"><span>{t('lead.reports.granularity')}</span>
          <select value={filter.granularity} onChange={(e) => set('granularity', e.target.value === 'month' ? 'month' : 'day')}>
            <option value="day">{t('lead.reports.byDay')}</option>
            <option value="month">{t('lead.reports.byMonth')}</option>
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('lead.reports.show')}</button>
        {busy ? <span role="status" className="lead-progress"><progress aria-label={t('lead.common.loading')} />{t('lead.common.loading')}</span> : null}
      </form>
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      {loaded ? (
        <>
          {loaded.hourly ? (
            <div className="lead-charts">
              <HourlyBars hours={loaded.hourly.hours} />
              <TrendLine trend={loaded.hourly.trend} />
            </div>
          ) : null}
          <ExportButtons query={loaded.query} />
          <ExportButtons query={loaded.query} report="buffer" />
          <ReportTable report={loaded.report} />
          <PbxFlags from={loaded.query.from} to={loaded.query.to} />
        </>
      ) : null}
    </section>
  );
}
