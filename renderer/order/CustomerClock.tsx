/**
 * The customer's local time («у клиента 21:40») beside the center's, with where the zone comes
 * from as a hint; dimmed with the opening hour outside the calling window. It ticks every minute
 * on its own (minute-clock), so the rest of the desk does not re-render.
 */
import { useTranslation } from 'react-i18next';
import type { CustomerZone } from '../../shared/domain/customer-zone';
import { clockOf, customerHour, useCallingWindow } from '../app/customer-time';
import { useTimeZone } from '../app/format';
import { useMinute } from '../app/minute-clock';

/** Where the clock stands: the order head shows the center's time too, a queue row and the script panel do not. */
export type ClockPlace = 'order' | 'row' | 'script';

/** The customer's clock of an order. */
export function CustomerClock({ zone, place }: { zone: CustomerZone | undefined; place: ClockPlace }) {
  const { t } = useTranslation();
  const minute = useMinute();
  const centerZone = useTimeZone();
  const window = useCallingWindow();
  const now = new Date(minute);
  const hour = customerHour(zone, now, window, centerZone);
  const source = zone?.source ?? 'unknown';
  const hint = t(`zone.source.${source}`, { zone: zone?.zone ?? '' });
  const opens = hour.opensAt
    ? t(zone?.zone ? 'zone.opensAt' : 'zone.opensAtCenter', { time: hour.opensAt })
    : null;
  // A queue row sits under the column «У клиента»: the bare time and a short opening hour.
  const row = place === 'row';
  const time = hour.customerTime ? t(row ? 'zone.timeShort' : 'zone.customerTime', { time: hour.customerTime }) : t(row ? 'zone.unknownShort' : 'zone.unknown');
  return (
    <span className={`customer-clock customer-clock-${place}${hour.inside ? '' : ' outside-window'}`} title={opens ? `${opens}. ${hint}` : hint} data-inside={hour.inside}>
      <span className="num">{time}</span>
      {place === 'order' ? <span className="muted num"> · {t('zone.centerTime', { time: clockOf(now, centerZone) })}</span> : null}
      {opens && hour.opensAt ? <span className="opens-at"> · {row ? t('zone.opensShort', { time: hour.opensAt }) : opens}</span> : null}
      <span className="sr-only">{hint}</span>
    </span>
  );
}
