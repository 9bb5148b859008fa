/**
 * The results bar (never scrolls away): Подтвердить F5, В работе F6, Недозвон F7, Отказ F8, Невалид F9.
 * The first press chooses the result and fills what the manual says (resultDefaults); the second
 * press (or «Сохранить») saves. Each button says in words what is still missing (validateResult).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReasonGroup, ResultKind } from '../../shared/domain/schemas';
import type { RuleViolation } from '../../shared/domain';
import { call, isUnreachable, useApi } from '../app/api-context';
import { fieldElement, focusWhenReady, nextOrderButton } from '../app/focus-work';
import { finishWrapUp } from '../app/agent-state';
import { useHotkey } from '../app/hotkeys';
import { useDeskActions } from '../app/use-desk-actions';
import { useOrderStore, type ResultVariant } from '../stores/order-store';
import { useQueueStore } from '../stores/queue-store';
import { useSessionStore } from '../stores/session-store';
import { CallbackPicker } from './CallbackPicker';
import { RESULT_KEYS, missingFor, proposedInvalid, ruleContext, saveArgs, withDefaults } from './result-logic';

const GROUP_OF: Record<ResultKind, ReasonGroup | null> = { confirm: null, callback: 'callback', noAnswer: 'noAnswer', cancel: 'cancel', invalid: 'invalid' };
const INVALID_VARIANTS: readonly NonNullable<ResultVariant>[] = ['wrongNumber', 'feedbackOurs', 'feedbackForeign', 'spam'];

/** Translates a rule violation (domain messages are Russian; `en` has its own by code). */
function useViolationText() {
  const { t } = useTranslation();
  return (v: RuleViolation) => t(`violations.${v.code}`, { defaultValue: v.message });
}

/**
 * Where a result key puts focus: «Вид невалида» for a Невалид, else the first field the rules say
 * is missing (the call button when only the call is), else the save button.
 */
function focusTargetFor(kind: ResultKind, missing: RuleViolation[]): HTMLElement | null {
  const fields = kind === 'invalid' ? ['variant', ...missing.map((m) => m.field)] : missing.map((m) => m.field);
  const ordered = [...fields.filter((f) => f !== 'callMade'), ...fields.filter((f) => f === 'callMade')];
  for (const f of ordered) {
    const el = fieldElement(f);
    if (el) return el;
  }
  return fieldElement('save');
}

/** The results bar. */
export function ResultsBar() {
  const { t } = useTranslation();
  const api = useApi();
  const vText = useViolationText();
  const { refreshCounts } = useDeskActions();
  const view = useOrderStore((s) => s.view);
  const form = useOrderStore((s) => s.form);
  const armed = useOrderStore((s) => s.armed);
  const variant = useOrderStore((s) => s.variant);
  const saving = useOrderStore((s) => s.saving);
  const notice = useOrderStore((s) => s.notice);
  const reasons = useSessionStore((s) => s.reasons);
  const offers = useSessionStore((s) => s.offers);
  const center = useSessionStore((s) => s.session?.center ?? null);

  const now = new Date();
  const ctx = view && center ? ruleContext(view, reasons, offers, center, now) : null;
  const proposal = form ? proposedInvalid(form) : null;
  const missing: Partial<Record<ResultKind, RuleViolation[]>> = {};
  if (form && ctx) {
    for (const { kind } of RESULT_KEYS) {
      const v = armed === kind ? variant : kind === 'invalid' ? proposal : null;
      missing[kind] = missingFor(form, kind, v, armed === kind, ctx);
    }
  }

  const choose = (kind: ResultKind, v: ResultVariant) => {
    const s = useOrderStore.getState();
    if (!s.form || !s.view || !center) return;
    const c = ruleContext(s.view, reasons, offers, center, new Date());
    const defaults = withDefaults(s.form, kind, v, c);
    s.arm(kind, v);
    s.patchResult(defaults);
  };

  const save = async () => {
    const s = useOrderStore.getState();
    if (!s.form || !s.view || !s.armed || s.saving || !center) return;
    const c = ruleContext(s.view, reasons, offers, center, new Date());
    const args = saveArgs(s.form, s.armed, s.variant, c.now, c.timeZone);
    if (missingFor(s.form, s.armed, s.variant, true, c).length > 0) return;
    s.setSaving(true);
    try {
      const res = await call(api, 'order.saveResult', args);
      const done = useOrderStore.getState();
      done.close();
      done.setNotice({ kind: 'saved', result: args.result, queued: res.queued, orderId: args.orderId });
      focusWhenReady(nextOrderButton);
      useQueueStore.getState().resetLists();
      finishWrapUp(api);
      void refreshCounts();
    } catch (e) {
      useOrderStore.getState().setSaving(false);
      useOrderStore.getState().setNotice({ kind: 'failed', message: isUnreachable(e) ? t('results.offlineSave') : e instanceof Error ? e.message : String(e) });
    }
  };

  // a result key moves focus to the first field it needs, once the bar shows that result
  const focusFor = useRef<ResultKind | null>(null);
  const press = (kind: ResultKind) => {
    const s = useOrderStore.getState();
    if (!s.form) return;
    if (s.armed === kind) {
      const m = missing[kind] ?? [];
      if (m.length === 0) void save();
      else focusTargetFor(kind, m)?.focus();
      return;
    }
    focusFor.current = kind;
    choose(kind, kind === 'invalid' ? proposedInvalid(s.form) : null);
  };
  useEffect(() => {
    const kind = focusFor.current;
    if (kind === null || armed !== kind || saving) return;
    focusFor.current = null;
    const target = focusTargetFor(kind, missing[kind] ?? []);
    if (target) focusWhenReady(() => target);
  });

  const enabled = form !== null;
  useHotkey('F5', () => press('confirm'), enabled);
  useHotkey('F6', () => press('callback'), enabled);
  useHotkey('F7', () => press('noAnswer'), enabled);
  useHotkey('F8', () => press('cancel'), enabled);
  useHotkey('F9', () => press('invalid'), enabled);
  useHotkey('Escape', () => useOrderStore.getState().arm(null), enabled && armed !== null);

  if (!form || !view) return null;
  const armedMissing = armed ? missing[armed] ?? [] : [];
  const group = armed ? GROUP_OF[armed] : null;
  const groupReasons = group ? reasons.filter((r) => r.group === group && (r.active || r.code === form.problem)) : [];
  const showCallback = armed === 'callback' || (armed === 'noAnswer' && form.callbackAt !== null);
  const patchResult = useOrderStore.getState().patchResult;

  return (
    <div className="results" role="region" aria-label={t('results.title')}>
      {proposal ? (
        <div className="proposal" role="note">
          {t(`results.propose.${proposal}`)} <kbd>F9</kbd>
        </div>
      ) : null}
      {armed ? (
        <div className="result-detail">
          {armed === 'invalid' || (armed === 'cancel' && variant === 'feedbackForeign') ? (
            <fieldset className="variants">
              <legend>{t('results.variant')}</legend>
              {INVALID_VARIANTS.map((v) => (
                <label key={v} className="radio">
                  <input type="radio" name="variant" data-field="variant" checked={variant === v}
                    onChange={() => choose(v === 'feedbackForeign' ? 'cancel' : 'invalid', v)} />
                  {t(`results.variants.${v}`)}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="result-fields">
            {group ? (
              <label className="field">
                <span>{t('results.problem')}</span>
                <select data-field="problem" value={form.problem ?? ''} onChange={(e) => patchResult({ problem: e.target.value === '' ? null : e.target.value })}>
                  <option value="">{t('results.problemPick')}</option>
                  {groupReasons.map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}
                </select>
              </label>
            ) : null}
            {showCallback ? <CallbackPicker value={form.callbackAt} onChange={(callbackAt) => patchResult({ callbackAt })} /> : null}
            <label className="field grow">
              <span>{t('results.comment')}</span>
              <input data-field="comment" value={form.comment} onChange={(e) => patchResult({ comment: e.target.value })} />
            </label>
            <button type="button" data-field="save" className={`btn btn-save result-${armed}`} onClick={() => void save()} disabled={saving || armedMissing.length > 0}>
              {saving ? t('results.saving') : t('results.save', { result: t(`results.kind.${variant === 'feedbackForeign' ? 'cancel' : armed}`) })}
              <kbd>{RESULT_KEYS.find((r) => r.kind === armed)?.key}</kbd>
            </button>
          </div>
          {armedMissing.length > 0 ? (
            <ul className="missing" aria-label={t('results.missing')}>
              {armedMissing.map((v) => <li key={`${v.code}-${v.field}`}>{vText(v)}</li>)}
            </ul>
          ) : <p className="ready-line">{t('results.ready')}</p>}
        </div>
      ) : null}
      {notice?.kind === 'failed' ? <div className="alert alert-error" role="alert">{t('results.failed', { message: notice.message })}</div> : null}
      <div className="result-buttons" role="toolbar" aria-label={t('results.title')}>
        {RESULT_KEYS.map(({ kind, key }) => {
          const m = missing[kind] ?? [];
          const first = m[0];
          return (
            <div key={kind} className={`result-cell${armed === kind ? ' armed' : ''}`}>
              <button type="button" className={`btn btn-result result-${kind}${m.length === 0 ? ' ready' : ''}`} onClick={() => press(kind)}
                aria-keyshortcuts={key} aria-pressed={armed === kind} aria-describedby={`why-${kind}`}>
                <span>{t(`results.kind.${kind}`)}</span><kbd>{key}</kbd>
              </button>
              <span id={`why-${kind}`} className={`why${m.length === 0 ? ' ok' : ''}`} title={m.map(vText).join('\n')}>
                {first ? (m.length > 1 ? t('results.whyMore', { first: vText(first), count: m.length - 1 }) : vText(first)) : t('results.canSave')}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
