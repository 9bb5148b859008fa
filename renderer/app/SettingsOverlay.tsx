/**
 * F10: the operator's settings — the phone (dial format, DTMF method, no-answer timeout, a SIP
 * account overriding the server's) and the audio devices. Saving writes the local softphone
 * settings and restarts the softphone; Esc or F10 closes without saving.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceSettings } from '../softphone/components/DeviceSettings';
import { useSessionStore } from '../stores/session-store';
import { call, useApi } from './api-context';
import { useSoftphone } from './phone-slot';
import {
  DIAL_STYLES, DTMF_METHODS, DialFormatSetting, DtmfSetting, NO_ANSWER_SEC, NoAnswerSetting, SOFTPHONE_SETTINGS,
  SipAccountFields, SipOverrideSetting, softphoneSettingsSaved, type DialFormatValue, type DtmfValue, type SipAccountValue,
} from './softphone-settings';
import { useDialogFocus } from './use-dialog-focus';

interface Draft {
  dial: DialFormatValue;
  dtmf: DtmfValue;
  noAnswerSec: string;
  useServer: boolean;
  sip: SipAccountValue;
}

type FieldError = 'prefix' | 'noAnswer' | keyof SipAccountValue;
const CLOSE_KEYS = ['F10'] as const;
const SIP_FIELDS: readonly (keyof SipAccountValue)[] = ['wsUrl', 'domain', 'user', 'password'];

/** The form's draft from the stored settings (invalid or missing values: the defaults). */
function useDraft(): [Draft | null, (d: Draft) => void] {
  const api = useApi();
  const serverSip = useSessionStore((s) => s.session?.sip ?? null);
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    let live = true;
    const get = (key: string) => call(api, 'settings.get', { key }).catch(() => null);
    void Promise.all([
      get(SOFTPHONE_SETTINGS.dialFormat), get(SOFTPHONE_SETTINGS.dtmfMethod),
      get(SOFTPHONE_SETTINGS.noAnswerTimeoutSec), get(SOFTPHONE_SETTINGS.sipOverride),
    ]).then(([dial, dtmf, noAnswer, override]) => {
      if (!live) return;
      const o = SipOverrideSetting.safeParse(override).data ?? null;
      setDraft({
        dial: DialFormatSetting.safeParse(dial).data ?? { style: 'plus7', prefix: '' },
        dtmf: DtmfSetting.safeParse(dtmf).data ?? 'rfc4733',
        noAnswerSec: String(NoAnswerSetting.safeParse(noAnswer).data ?? NO_ANSWER_SEC.default),
        useServer: o === null,
        sip: {
          wsUrl: o?.wsUrl ?? serverSip?.wsUrl ?? '',
          domain: o?.domain ?? serverSip?.domain ?? '',
          user: o?.user ?? serverSip?.user ?? '',
          password: o?.password ?? '',
        },
      });
    });
    return () => { live = false; };
  }, [api, serverSip]);
  return [draft, setDraft];
}

/** The settings to write, or the fields in error. */
function validate(d: Draft): { ok: true; values: [string, unknown][] } | { ok: false; errors: Set<FieldError> } {
  const errors = new Set<FieldError>();
  const dial = DialFormatSetting.safeParse(d.dial);
  if (!dial.success) errors.add('prefix');
  const noAnswer = NoAnswerSetting.safeParse(d.noAnswerSec.trim() === '' ? NaN : Number(d.noAnswerSec));
  if (!noAnswer.success) errors.add('noAnswer');
  const sip = d.useServer ? null : SipAccountFields.safeParse(d.sip);
  if (sip && !sip.success) sip.error.issues.forEach((i) => errors.add(i.path[0] as keyof SipAccountValue));
  if (errors.size > 0 || !dial.success || !noAnswer.success) return { ok: false, errors };
  return {
    ok: true,
    values: [
      [SOFTPHONE_SETTINGS.dialFormat, dial.data],
      [SOFTPHONE_SETTINGS.dtmfMethod, d.dtmf],
      [SOFTPHONE_SETTINGS.noAnswerTimeoutSec, noAnswer.data],
      [SOFTPHONE_SETTINGS.sipOverride, sip?.success ? sip.data : null],
    ],
  };
}

function PhoneFields({ draft, set, errors }: { draft: Draft; set(d: Draft): void; errors: Set<FieldError> }) {
  const { t } = useTranslation();
  const err = (f: FieldError, id: string) => (errors.has(f) ? <span id={id} className="field-error" role="alert">{t(`settings.error.${f}`, NO_ANSWER_SEC)}</span> : null);
  return (
    <fieldset className="settings-section">
      <legend>{t('settings.phone')}</legend>
      <label className="field">
        <span>{t('settings.dialStyle')}</span>
        <select autoFocus value={draft.dial.style} onChange={(e) => set({ ...draft, dial: { ...draft.dial, style: e.target.value as DialFormatValue['style'] } })}>
          {DIAL_STYLES.map((s) => <option key={s} value={s}>{t(`settings.dialStyles.${s}`)}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('settings.prefix')}</span>
        <input value={draft.dial.prefix} inputMode="tel" aria-invalid={errors.has('prefix')} aria-describedby={errors.has('prefix') ? 'settings-prefix-error' : undefined}
          onChange={(e) => set({ ...draft, dial: { ...draft.dial, prefix: e.target.value } })} />
        {err('prefix', 'settings-prefix-error')}
      </label>
      <label className="field">
        <span>{t('settings.dtmf')}</span>
        <select value={draft.dtmf} onChange={(e) => set({ ...draft, dtmf: e.target.value as DtmfValue })}>
          {DTMF_METHODS.map((m) => <option key={m} value={m}>{t(`settings.dtmfMethods.${m}`)}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('settings.noAnswer', NO_ANSWER_SEC)}</span>
        <input type="number" min={NO_ANSWER_SEC.min} max={NO_ANSWER_SEC.max} step={1} value={draft.noAnswerSec} aria-invalid={errors.has('noAnswer')}
          aria-describedby={errors.has('noAnswer') ? 'settings-noAnswer-error' : undefined} onChange={(e) => set({ ...draft, noAnswerSec: e.target.value })} />
        {err('noAnswer', 'settings-noAnswer-error')}
      </label>
      <label className="settings-check">
        <input type="checkbox" checked={draft.useServer} onChange={(e) => set({ ...draft, useServer: e.target.checked })} />
        {t('settings.useServer')}
      </label>
      {SIP_FIELDS.map((f) => (
        <label key={f} className="field">
          <span>{t(`settings.sip.${f}`)}</span>
          <input type={f === 'password' ? 'password' : 'text'} value={draft.sip[f]} disabled={draft.useServer} autoComplete="off"
            aria-invalid={errors.has(f)} aria-describedby={errors.has(f) ? `settings-${f}-error` : undefined}
            onChange={(e) => set({ ...draft, sip: { ...draft.sip, [f]: e.target.value } })} />
          {err(f, `settings-${f}-error`)}
        </label>
      ))}
    </fieldset>
  );
}

function AudioFields() {
  const { t } = useTranslation();
  const service = useSoftphone();
  return (
    <fieldset className="settings-section">
      <legend>{t('settings.audio')}</legend>
      {service ? <DeviceSettings service={service} /> : <p className="muted">{t('settings.noSoftphone')}</p>}
    </fieldset>
  );
}

/** The settings overlay of the operator's desk. */
export function SettingsOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useDraft();
  const [errors, setErrors] = useState<Set<FieldError>>(new Set());
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || saving) return;
    const checked = validate(draft);
    if (!checked.ok) { setErrors(checked.errors); return; }
    setErrors(new Set());
    setSaving(true);
    setFailed(false);
    try {
      for (const [key, value] of checked.values) await call(api, 'settings.set', { key, value });
      softphoneSettingsSaved();
      onClose();
    } catch {
      setFailed(true);
      setSaving(false);
    }
  };
  // the overlay is modal: its keys never reach the desk's hotkeys (Esc would disarm a result)
  const box = useRef<HTMLDivElement>(null);
  const onKeyDown = useDialogFocus(box, onClose, { closeKeys: CLOSE_KEYS, isolateKeys: true });

  return (
    <div ref={box} className="overlay" role="dialog" aria-modal="true" aria-label={t('settings.title')} tabIndex={-1} onClick={onClose} onKeyDown={onKeyDown}>
      <div className="overlay-card settings-card" onClick={(e) => e.stopPropagation()}>
        <div className="overlay-head">
          <h2>{t('settings.title')}</h2>
          <button type="button" className="btn btn-ghost" onClick={onClose} aria-keyshortcuts="Escape">{t('common.close')} <kbd>Esc</kbd></button>
        </div>
        {draft ? (
          <form onSubmit={(e) => void save(e)} noValidate>
            <PhoneFields draft={draft} set={setDraft} errors={errors} />
            <AudioFields />
            {failed ? <p className="alert alert-warn" role="alert">{t('settings.saveFailed')}</p> : null}
            <div className="settings-actions">
              <button type="button" className="btn btn-ghost" onClick={onClose}>{t('common.cancel')}</button>
              <button type="submit" className="btn btn-primary" disabled={saving}>{t('common.save')}</button>
            </div>
          </form>
        ) : <p className="muted">{t('common.loading')}</p>}
      </div>
    </div>
  );
}
