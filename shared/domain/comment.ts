/** Dates in the center's time zone, and the dated comment prefix of the manual (slides 12–15). */

function parts(instant: Date | string, timeZone: string): Record<string, string> {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** `28.11.2026` — the local date of an instant in the given zone. */
export function formatDateRu(instant: Date | string, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.day}.${p.month}.${p.year}`;
}

/** `28.11.2026 14:05` — local date and time of an instant in the given zone. */
export function formatDateTimeRu(instant: Date | string, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** A comment "starts with a date" when it begins with dd.mm.yyyy (or d.m.yy). */
export const DATED_COMMENT = /^\s*\d{1,2}\.\d{1,2}\.(\d{4}|\d{2})(?!\d)/;

/** Whether the comment already starts with a date. */
export function startsWithDate(text: string): boolean {
  return DATED_COMMENT.test(text);
}

/** The comment without its leading date, trimmed (what the result rules read). */
export function commentBody(text: string): string {
  return text.replace(DATED_COMMENT, '').trim();
}

/** Prefixes the comment with today's date in the center's zone («28.11.2026 …») unless it already starts with a date. */
export function prefixComment(text: string, now: Date, timeZone: string): string {
  if (startsWithDate(text)) return text;
  const body = text.trimStart();
  return body === '' ? `${formatDateRu(now, timeZone)} ` : `${formatDateRu(now, timeZone)} ${body}`;
}
