/**
 * Calling windows (docs/domain.md «Customer time and calling windows»): the hours of the
 * CUSTOMER's day in which an order may be called, 09:00–21:00 by default (a center setting).
 *
 * - Inside means `start ≤ local time < end` in the customer's zone (the end minute is outside).
 * - An unknown zone is treated conservatively: an instant counts as inside only when it is inside
 *   the window at every UTC offset Russia uses (UTC+2 Калининград … UTC+12 Камчатка). With
 *   09:00–21:00 that is 07:00–09:00 UTC (10:00–12:00 Moscow); a window shorter than 10 h 01 min
 *   never opens for an unknown zone.
 * - The server's taking expresses the same rule in SQL (server/queue/window-sql.ts), property-tested
 *   for equality with `windowState`.
 */
import { z } from 'zod';
import { localDate, localParts, zonedTimeToUtc } from './tabs';

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в формате ЧЧ:ММ');

/** A calling window: local `HH:MM` of the customer's day, start before end; end `24:00` = to midnight (00:00–24:00 = always). */
export const CallingWindow = z.object({ start: HhMm, end: z.union([HhMm, z.literal('24:00')]) })
  .refine((w) => w.start < w.end, { message: 'Начало окна звонков должно быть раньше конца', path: ['end'] });
export type CallingWindow = z.infer<typeof CallingWindow>;

/** The calling window when the center has not set one. */
export const DEFAULT_CALLING_WINDOW: CallingWindow = { start: '09:00', end: '21:00' };

/** A window written `HH:MM-HH:MM` (the server's CALLING_WINDOW variable), or null when absent or malformed. */
export function parseCallingWindow(text: string | undefined): CallingWindow | null {
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec((text ?? '').trim());
  const parsed = m ? CallingWindow.safeParse({ start: m[1], end: m[2] }) : null;
  return parsed?.success ? parsed.data : null;
}

/** The UTC offsets (hours) of Russia's zones, west to east: the unknown-zone rule checks them all. */
export const RUSSIAN_OFFSET_HOURS: readonly number[] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Where an instant stands against a customer's window. */
export interface WindowState {
  inside: boolean;
  /** ISO instant of the next opening when outside (null when inside, or when it never opens). */
  opensAt: string | null;
  /** 'HH:MM' in the customer's zone; null when the zone is unknown. */
  customerTime: string | null;
}

const MIN = 60_000;
const DAY_S = 86_400;

/** Minutes of the day of an `HH:MM` string. */
export function minutesOfHhMm(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function insideSeconds(secondsOfDay: number, window: CallingWindow): boolean {
  return secondsOfDay >= minutesOfHhMm(window.start) * 60 && secondsOfDay < minutesOfHhMm(window.end) * 60;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Whether an instant is inside the window at every Russian offset (the unknown-zone rule). */
export function insideForUnknownZone(now: Date, window: CallingWindow): boolean {
  const utcSeconds = Math.floor(now.getTime() / 1000);
  return RUSSIAN_OFFSET_HOURS.every((h) => insideSeconds((((utcSeconds + h * 3600) % DAY_S) + DAY_S) % DAY_S, window));
}

function nextOpeningUnknown(now: Date, window: CallingWindow): string | null {
  const first = Math.ceil((now.getTime() + 1) / MIN) * MIN;
  for (let t = first; t <= first + 2 * DAY_S * 1000; t += MIN) {
    if (insideForUnknownZone(new Date(t), window)) return new Date(t).toISOString();
  }
  return null;
}

/** The state of the window for a customer in `zone` (null = unknown) at `now`. */
export function windowState(zone: string | null, now: Date, window: CallingWindow): WindowState {
  if (zone === null) {
    const inside = insideForUnknownZone(now, window);
    return { inside, opensAt: inside ? null : nextOpeningUnknown(now, window), customerTime: null };
  }
  const p = localParts(now, zone);
  const inside = insideSeconds(p.hh * 3600 + p.mm * 60 + p.ss, window);
  const customerTime = `${pad(p.hh)}:${pad(p.mm)}`;
  if (inside) return { inside, opensAt: null, customerTime };
  const start = minutesOfHhMm(window.start);
  const day = p.hh * 60 + p.mm < start ? localDate(now, zone) : localDate(now, zone, 1);
  return { inside, opensAt: zonedTimeToUtc(day, start, zone).toISOString(), customerTime };
}

/** The local `HH:MM` of an instant in the customer's zone (null when unknown). */
export function customerTimeOf(zone: string | null, instant: Date): string | null {
  if (zone === null) return null;
  const p = localParts(instant, zone);
  return `${pad(p.hh)}:${pad(p.mm)}`;
}

/**
 * An instant moved into the customer's window: unchanged when inside, else the next opening (the
 * automatic callback of results.ts goes through here). Unchanged when the window never opens.
 */
export function moveIntoWindow(instant: Date | string, zone: string | null, window: CallingWindow): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const state = windowState(zone, at, window);
  return state.inside || state.opensAt === null ? at.toISOString() : state.opensAt;
}
