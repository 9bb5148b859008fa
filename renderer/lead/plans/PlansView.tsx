/**
 * Plans: tomorrow's targets per operator (confirmed orders, calls), edited in a form or uploaded
 * as CSV `login;targetConfirmed;targetCalls`; the server answers with per-line errors. The form
 * shows the server's plans, the board's operators without a plan, and what the lead typed on
 * top: live board updates add or rename operators but never wipe typed values.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PutPlansRequest, DayKey, type PlansResponse } from '../../../shared/api/lead';
import { localDate } from '../../../shared/domain/tabs';
import { dayKey } from '../../../shared/domain/reports';
import { call, useApi } from '../../app/api-context';
import { useTimeZone } from '../../app/format';
import { useBoardStore } from '../board-store';
import { errorText } from '../lead-api';
import { readText } from '../read-text';
import { StatusLine, type Status } from '../StatusLine';

interface PlanLine { userId: number; login: string; name: string; targetConfirmed: string; targetCalls: string }
type CsvOutcome = { saved: number; errors: { line: number; message: string }[]; failed?: string };
type PlanField = 'targetConfirmed' | 'targetCalls';
/** Values typed by the lead, by `userId.field`. */
type Edits = Record<string, string>;

/** Form lines: every operator of the plan answer plus the board's operators without a plan. */
export function planLines(plans: z.infer<typeof PlansResponse>['rows'], operators: { userId: number; login: string; name: string }[]): PlanLine[] {
  const out = new Map<number, PlanLine>();
  for (const p of plans) out.set(p.userId, { userId: p.userId, login: p.login, name: p.name, targetConfirmed: String(p.targetConfirmed), targetCalls: String(p.targetCalls) });
  for (const o of operators) if (!out.has(o.userId)) out.set(o.userId, { ...o, targetConfirmed: '', targetCalls: '' });
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/** A line error as shown: the server's text, prefixed with the line number when it lacks one. */
function lineErrorText(e: { line: number; message: string }, prefix: (line: number) => string): string {
  return /^\S+ \d+:/.test(e.message) ? e.message : `${prefix(e.line)} ${e.message}`;
}

/** The plans screen. */
export function PlansView() {
  const { t } = useTranslation();
  const api = useApi();
  const tz = useTimeZone();
  const tomorrow = useMemo(() => dayKey(localDate(new Date(), tz, 1)), [tz]);
  const [day, setDay] = useState(tomorrow);
  const [plans, setPlans] = useState<z.infer<typeof PlansResponse>['rows']>([]);
  const [edits, setEdits] = useState<Edits>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [csv, setCsv] = useState<CsvOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const agents = useBoardStore((s) => s.agents);
  const operators = useMemo(() => Object.values(agents).map((a) => ({ userId: a.userId, login: a.login, name: a.name })), [agents]);
  const lines = useMemo(() => planLines(plans, operators).map((l) => ({
    ...l,
    targetConfirmed: edits[`${l.userId}.targetConfirmed`] ?? l.targetConfirmed,
    targetCalls: edits[`${l.userId}.targetCalls`] ?? l.targetCalls,
  })), [plans, operators, edits]);

  /** Loads the day's plans; what was typed is dropped (it belonged to the plans shown before). */
  const load = useCallback(async (d: string) => {
    if (!DayKey.safeParse(d).success) return;
    try {
      const res = await call(api, 'plans.list', { day: d });
      setPlans(res.rows);
      setEdits({});
      setStatus(null);
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  }, [api]);

  useEffect(() => { void load(day); }, [load, day]);

  const edit = (userId: number, field: PlanField, value: string) => setEdits((e) => ({ ...e, [`${userId}.${field}`]: value }));

  const save = async () => {
    const filled = lines.filter((l) => l.targetConfirmed.trim() !== '' || l.targetCalls.trim() !== '');
    const toNum = (s: string) => (s.trim() === '' ? 0 : /^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
    const req = PutPlansRequest.safeParse({
      day,
      rows: filled.map((l) => ({ userId: l.userId, targetConfirmed: toNum(l.targetConfirmed), targetCalls: toNum(l.targetCalls) })),
    });
    if (!req.success) {
      const errs: Record<string, string> = {};
      for (const issue of req.error.issues) {
        const [, index, field] = issue.path;
        const line = typeof index === 'number' ? filled[index] : undefined;
        if (line && typeof field === 'string') errs[`${line.userId}.${field}`] = t('lead.plans.badNumber');
      }
      setFieldErrors(errs);
      setStatus({ kind: 'error', text: Object.keys(errs).length ? t('lead.plans.fixErrors') : t('lead.plans.nothing') });
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const res = await call(api, 'plans.save', req.data);
      setStatus({ kind: 'ok', text: t('lead.plans.saved', { n: res.saved }) });
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    setCsv(null);
    setBusy(true);
    try {
      const text = await readText(file);
      const res = await call(api, 'plans.uploadCsv', { day, csv: text });
      setCsv({ saved: res.saved, errors: res.errors });
      await load(day);
    } catch (e) {
      setCsv({ saved: 0, errors: [], failed: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="lead-plans" aria-label={t('lead.plans.title')}>
      <div className="lead-filters">
        <label className="lead-field"><span>{t('lead.plans.day')}</span>
          <input type="date" value={day} onChange={(e) => setDay(e.target.value)} required />
        </label>
        <label className="lead-field"><span>{t('lead.plans.csvFile')}</span>
          <input type="file" accept=".csv,text/csv,text/plain" disabled={busy} onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void upload(f);
            e.target.value = '';
          }} />
        </label>
        <span className="muted">{t('lead.plans.csvHint')}</span>
      </div>
      {csv ? (
        <div role="status" aria-live="polite">
          {csv.failed ? <p className="lead-error">{t('lead.plans.csvFailed', { message: csv.failed })}</p> : (
            <p className={csv.errors.length ? 'lead-error' : 'lead-ok'}>{t('lead.plans.csvResult', { saved: csv.saved, errors: csv.errors.length })}</p>
          )}
          {csv.errors.length ? (
            <ul className="lead-line-errors" aria-label={t('lead.plans.csvErrors')}>
              {csv.errors.map((e) => <li key={`${e.line}-${e.message}`} data-line={e.line}>{lineErrorText(e, (line) => t('lead.plans.linePrefix', { line }))}</li>)}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <table className="lead-table" aria-label={t('lead.plans.table')}>
          <thead>
            <tr>
              <th scope="col">{t('lead.plans.operator')}</th>
              <th scope="col" className="r">{t('lead.plans.targetConfirmed')}</th>
              <th scope="col" className="r">{t('lead.plans.targetCalls')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.userId} data-user={l.userId}>
                <th scope="row" title={l.login}>{l.name}</th>
                {(['targetConfirmed', 'targetCalls'] as const).map((field) => {
                  const err = fieldErrors[`${l.userId}.${field}`];
                  return (
                    <td key={field} className="r">
                      <input
                        className="num r"
                        inputMode="numeric"
                        size={6}
                        value={l[field]}
                        aria-label={t(`lead.plans.${field}Of`, { name: l.name })}
                        aria-invalid={err ? true : undefined}
                        onChange={(e) => edit(l.userId, field, e.target.value)}
                      />
                      {err ? <span className="lead-field-error"> {err}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="lead-buttons">
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('lead.plans.save')}</button>
          <StatusLine status={status} />
        </div>
      </form>
    </section>
  );
}
