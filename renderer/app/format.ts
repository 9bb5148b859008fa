/** Display helpers that pick the center's time zone from the session; the formats are shared/domain's. */
import { formatDateTimeRu, formatPhoneDisplay, localParts, zonedTimeToUtc } from '../../shared/domain';
import { useSessionStore } from '../stores/session-store';

/** The center's time zone of the session (Europe/Moscow before login). */
export function useTimeZone(): string {
  return useSessionStore((s) => s.session?.timeZone ?? 'Europe/Moscow');
}

/** `23.11.2026 14:05` in the given zone, or an empty string for null. */
export function dateTime(iso: string | null, timeZone: string): string {
  return iso ? formatDateTimeRu(iso, timeZone) : '';
}

/** `8 (912) 345-67-89` for an E.164 number, or an empty string for null. */
export function phone(e164: string | null): string {
  return e164 ? formatPhoneDisplay(e164) : '';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of a `datetime-local` input in the center's zone (`2026-11-28T15:05`). */
export function toZonedInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const p = localParts(new Date(iso), timeZone);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.hh)}:${pad(p.mm)}`;
}

/** A `datetime-local` value read in the center's zone, as a UTC ISO instant (null when empty or malformed). */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const at = zonedTimeToUtc({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, Number(m[4]) * 60 + Number(m[5]), timeZone);
  return at.toISOString();
}
