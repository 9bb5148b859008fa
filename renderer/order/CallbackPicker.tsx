/**
 * The callback time of В работе and Недозвон > 3, chosen and shown in the customer's time with the
 * center's beside («у нас 28.11.2026 14:05»); the saved value stays a UTC instant. An unknown
 * customer zone falls back to the center's time and says so.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime, fromZonedInput, toZonedInput, useTimeZone } from '../app/format';
import { useOrderStore } from '../stores/order-store';

/** The callback field of the results bar. */
export function CallbackPicker({ value, onChange }: { value: string | null; onChange(iso: string | null): void }) {
  const { t } = useTranslation();
  const id = useId();
  const centerZone = useTimeZone();
  const customerZone = useOrderStore((s) => s.view?.order.customerZone.zone ?? null);
  const zone = customerZone ?? centerZone;
  return (
    <div className="field callback-picker">
      <label htmlFor={id}>{t('results.callbackAt')}</label>
      <input id={id} type="datetime-local" className="num" data-field="callbackAt" aria-describedby={`${id}-zone`}
        value={toZonedInput(value, zone)} onChange={(e) => onChange(fromZonedInput(e.target.value, zone))} />
      <span id={`${id}-zone`} className="muted num">
        {customerZone ? t('zone.callback.customer') : t('zone.callback.center')}
        {customerZone && value ? ` · ${t('zone.centerTime', { time: dateTime(value, centerZone) })}` : ''}
      </span>
    </div>
  );
}
