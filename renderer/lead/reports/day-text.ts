/**
 * The report's day fields as text: `dd.mm.yyyy` whatever the browser's locale. Day keys
 * (`YYYY-MM-DD`, the server's format) go in and out; parsing accepts `.`, `/` or `-` between parts
 * and refuses days that do not exist (31.11.2026).
 */
import { parseDayKey } from '../../../shared/domain/reports';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2026-12-02` → `02.12.2026`; '' for anything that is not a day key. */
export function dayKeyToText(key: string): string {
  const d = parseDayKey(key);
  return d ? `${pad(d.d)}.${pad(d.m)}.${pad(d.y, 4)}` : '';
}

/** `02.12.2026` (or `2.12.2026`, `02/12/2026`) → `2026-12-02`; null when incomplete or not a real day. */
export function textToDayKey(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/** The day key `days` days after `key` (negative: before). */
export function shiftDayKey(key: string, days: number): string {
  const d = parseDayKey(key);
  if (!d) return key;
  const date = new Date(Date.UTC(d.y, d.m - 1, d.d + days));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * Typing help: after two digits of the day or of the month a dot is added, but only while the
 * text grows (Backspace over a dot is left alone); a separator typed after the added dot is dropped.
 */
export function maskDayText(previous: string, next: string): string {
  const clean = next.replace(/[^\d./-]/g, '').replace(/([./-])[./-]+/g, '$1').slice(0, 10);
  if (clean.length <= previous.length) return clean;
  return /^\d{2}$|^\d{1,2}[./-]\d{2}$/.test(clean) ? `${clean}.` : clean;
}
