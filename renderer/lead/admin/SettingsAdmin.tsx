/** Center settings: time zone, working hours, board alert limits, calls verified by the PBX, non-buyer threshold, blacklist action (admin role). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenterSettings } from '../../../shared/api/lead';
import type { Api } from '../../../shared/ipc/contract';
import type { BlacklistAction } from '../../../shared/domain/buyout';
import { call, useApi } from '../../app/api-context';
import { errorText } from '../lead-api';
import { CheckField, SelectField, TextField } from './Field';
import { StatusLine, type Status } from '../StatusLine';
import { useAdminLoad } from './use-admin-load';

const fetchSettings = (api: Api) => call(api, 'admin.settings', {});

interface Form { timeZone: string; hoursOn: boolean; start: string; end: string; longCallMin: string; longBreakMin: string; noAnswerStreak: string; pbxVerified: boolean;
  nonBuyerReturns: string; blacklistAction: BlacklistAction; windowStart: string; windowEnd: string }

const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Moscow'];
const int = (s: string) => (/^\d{1,3}$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/** The settings of the form, validated by the server's schema (zone checked by Intl). */
export function settingsRequest(f: Form) {
  return CenterSettings.safeParse({
    timeZone: f.timeZone.trim(),
    workingHours: f.hoursOn ? { start: f.start, end: f.end } : null,
    alerts: { longCallMin: int(f.longCallMin), longBreakMin: int(f.longBreakMin), noAnswerStreak: int(f.noAnswerStreak) },
    pbxVerifiedCalls: f.pbxVerified,
    nonBuyerReturns: int(f.nonBuyerReturns),
    blacklistAction: f.blacklistAction,
    callingWindow: { start: f.windowStart.trim(), end: f.windowEnd.trim() },
  });
}

/** The settings screen. */
export function SettingsAdmin() {
  const { t } = useTranslation();
  const api = useApi();
  const { data, error } = useAdminLoad(fetchSettings);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    if (!data) return;
    setForm({
      timeZone: data.timeZone, hoursOn: data.workingHours !== null, start: data.workingHours?.start ?? '09:00', end: data.workingHours?.end ?? '21:00',
      longCallMin: String(data.alerts.longCallMin), longBreakMin: String(data.alerts.longBreakMin), noAnswerStreak: String(data.alerts.noAnswerStreak),
      pbxVerified: data.pbxVerifiedCalls,
      nonBuyerReturns: String(data.nonBuyerReturns), blacklistAction: data.blacklistAction,
      windowStart: data.callingWindow.start, windowEnd: data.callingWindow.end,
    });
  }, [data]);
  if (!form) return <section aria-label={t('lead.admin.settings.title')}>{error ? <p role="alert" className="lead-error">{error}</p> : <p role="status">{t('lead.common.loading')}</p>}</section>;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => (f ? { ...f, [k]: v } : f));
  const err = (field: string) => (errors[field] ? t([`lead.admin.err.${field}`, 'lead.admin.err.generic']) : undefined);
  const submit = async () => {
    const req = settingsRequest(form);
    if (!req.success) {
      const errs: Record<string, string> = {};
      for (const i of req.error.issues) {
        const last = String(i.path[i.path.length - 1] ?? i.path[0] ?? '_');
        const key = i.path[0] === 'callingWindow' ? `window.${last}` : last;
        errs[key] ??= i.message;
      }
      setErrors(errs);
      setStatus({ kind: 'error', text: t('lead.admin.fixErrors') });
      return;
    }
    setErrors({});
    try {
      await call(api, 'admin.saveSettings', req.data);
      setStatus({ kind: 'ok', text: t('lead.admin.saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };
  return (
    <section aria-label={t('lead.admin.settings.title')}>
      <h2>{t('lead.admin.settings.title')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="lead-form-grid">
          <TextField label={t('lead.admin.settings.timeZone')} value={form.timeZone} onChange={(v) => set('timeZone', v)} list="lead-zones" error={err('timeZone')} hint="Europe/Moscow" />
          <datalist id="lead-zones">{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
          <CheckField label={t('lead.admin.settings.hoursOn')} checked={form.hoursOn} onChange={(v) => set('hoursOn', v)} />
          {form.hoursOn ? (
            <>
              <TextField type="time" label={t('lead.admin.settings.start')} value={form.start} onChange={(v) => set('start', v)} error={err('start')} />
              <TextField type="time" label={t('lead.admin.settings.end')} value={form.end} onChange={(v) => set('end', v)} error={err('end')} />
            </>
          ) : null}
          <TextField label={t('lead.admin.settings.windowStart')} value={form.windowStart} onChange={(v) => set('windowStart', v)} error={err('window.start')} hint="09:00" />
          <TextField label={t('lead.admin.settings.windowEnd')} value={form.windowEnd} onChange={(v) => set('windowEnd', v)} error={err('window.end')} hint="21:00" />
          <TextField label={t('lead.admin.settings.longCallMin')} value={form.longCallMin} onChange={(v) => set('longCallMin', v)} inputMode="numeric" error={err('longCallMin')} />
          <TextField label={t('lead.admin.settings.longBreakMin')} value={form.longBreakMin} onChange={(v) => set('longBreakMin', v)} inputMode="numeric" error={err('longBreakMin')} />
          <TextField label={t('lead.admin.settings.noAnswerStreak')} value={form.noAnswerStreak} onChange={(v) => set('noAnswerStreak', v)} inputMode="numeric" error={err('noAnswerStreak')} />
          <CheckField label={t('lead.admin.settings.pbxVerifiedCalls')} checked={form.pbxVerified} onChange={(v) => set('pbxVerified', v)} />
          <TextField label={t('lead.admin.settings.nonBuyerReturns')} value={form.nonBuyerReturns} onChange={(v) => set('nonBuyerReturns', v)} inputMode="numeric" error={err('nonBuyerReturns')} />
          <SelectField label={t('lead.admin.settings.blacklistAction')} value={form.blacklistAction}
            onChange={(v) => set('blacklistAction', v === 'invalid' ? 'invalid' : 'hold')}
            options={[{ value: 'hold', label: t('lead.admin.settings.blacklistHold') }, { value: 'invalid', label: t('lead.admin.settings.blacklistInvalid') }]} />
        </div>
        <div className="lead-buttons">
          <button type="submit" className="btn btn-primary">{t('lead.common.save')}</button>
          <StatusLine status={status} />
        </div>
      </form>
    </section>
  );
}
