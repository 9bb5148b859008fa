/**
 * Queue tabs (docs/domain.md «Queue tabs»): which tab an order is in, whether it is
 * due, the taking order inside a tab, the Next-order priority and who may take what.
 * Day boundaries are local midnights of the center's time zone, computed with Intl (DST-safe).
 */
import type { OrderStatus, QueueTab } from './schemas';

/** The center's time zone when the setting is absent. */
export const CENTER_TZ_DEFAULT = 'Europe/Moscow';

/** Quick recall: an order becomes due again 2 minutes after its last attempt (manual: 2–3 min). */
export const QUICK_RECALL_DELAY_MS = 2 * 60_000;

/** Up to this many failed attempts a today's order stays in Быстрый перезвон; more → Недозвон за сегодня. */
export const QUICK_RECALL_MAX_ATTEMPTS = 3;

/** The seven tabs in display order. */
export const QUEUE_TABS: readonly QueueTab[] = ['new', 'quickRecall', 'inWork', 'noAnswerToday', 'noAnswerYesterday', 'noAnswer2Days', 'noAnswerOlder'];

/** Russian labels of the tabs, as in the manual. */
export const TAB_LABELS_RU: Record<QueueTab, string> = {
  new: 'Новый',
  quickRecall: 'Быстрый перезвон',
  inWork: 'В работе',
  noAnswerToday: 'Недозвон за сегодня',
  noAnswerYesterday: 'Недозвон за вчера',
  noAnswer2Days: 'Недозвон за позавчера',
  noAnswerOlder: 'Недозвон (раньше)',
};

/** Tabs that are never called: no dialing, never offered by Next order. */
export const NOT_CALLED_TABS: readonly QueueTab[] = ['noAnswerOlder'];

/** Whether orders of this tab may be dialed/taken. */
export function isCallableTab(tab: QueueTab): boolean {
  return !NOT_CALLED_TABS.includes(tab);
}

/** Statuses that are final for the operator (no more results may be saved). */
export const FINAL_STATUSES: readonly OrderStatus[] = ['confirmed', 'cancelled', 'invalid'];

/** Whether a status is final for the operator. */
export function isFinalStatus(status: OrderStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Default Next-order priority: the first tab (with `dueOnly`, only its due orders) that has a takeable order wins. */
export const DEFAULT_NEXT_PRIORITY: readonly { tab: QueueTab; dueOnly: boolean }[] = [
  { tab: 'inWork', dueOnly: true },
  { tab: 'new', dueOnly: false },
  { tab: 'quickRecall', dueOnly: true },
  { tab: 'noAnswerToday', dueOnly: true },
  { tab: 'noAnswerYesterday', dueOnly: false },
  { tab: 'noAnswer2Days', dueOnly: false },
];

/** A local calendar date (month 1–12). */
export interface LocalDate { y: number; m: number; d: number }

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall-clock fields of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): { y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { y: p.year ?? 0, m: p.month ?? 0, d: p.day ?? 0, hh: (p.hour ?? 0) % 24, mm: p.minute ?? 0, ss: p.second ?? 0 };
}

/** Offset of the zone at an instant, in ms (local wall clock read as UTC − the instant). */
function offsetMs(ms: number, timeZone: string): number {
  const p = localParts(new Date(ms), timeZone);
  const wall = Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm, p.ss);
  return wall - Math.floor(ms / 1000) * 1000;
}

function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

/** The UTC instant a local wall-clock time of a date happens at (first occurrence; for a skipped time, the instant the gap ends). */
export function zonedTimeToUtc(date: LocalDate, minutesOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(date.y, date.m - 1, date.d) + minutesOfDay * 60_000;
  const candidates = new Set<number>();
  for (const probe of [wall - 36 * 3_600_000, wall, wall + 36 * 3_600_000]) {
    const first = wall - offsetMs(probe, timeZone);
    candidates.add(first);
    candidates.add(wall - offsetMs(first, timeZone));
  }
  const exact = [...candidates].filter((c) => c + offsetMs(c, timeZone) === wall).sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0]);
  // The wall time falls in a DST gap: the day/time starts when the gap ends.
  const after = [...candidates].filter((c) => c + offsetMs(c, timeZone) > wall).sort((a, b) => a - b);
  return new Date(after[0] ?? wall);
}

/** The local calendar date of an instant in a zone, shifted by `deltaDays` calendar days. */
export function localDate(instant: Date, timeZone: string, deltaDays = 0): LocalDate {
  const p = localParts(instant, timeZone);
  const shifted = new Date(Date.UTC(p.y, p.m - 1, p.d + deltaDays));
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

/** UTC instant of the local midnight starting the given local date (DST-safe). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedTimeToUtc(date, 0, timeZone);
}

const dayStartsCache = new Map<string, { today: Date; yesterday: Date; twoDaysAgo: Date }>();

/**
 * UTC instants of the local midnights that start today, yesterday and the day before yesterday in
 * `timeZone` (for a day whose midnight is skipped by DST: the instant the day begins). Memoized per
 * zone and local date, since queue listings call it for every row.
 */
export function dayStartsIn(now: Date, timeZone: string): { today: Date; yesterday: Date; twoDaysAgo: Date } {
  const p = localParts(now, timeZone);
  const key = `${timeZone}|${p.y}-${p.m}-${p.d}`;
  const hit = dayStartsCache.get(key);
  if (hit) return { today: new Date(hit.today), yesterday: new Date(hit.yesterday), twoDaysAgo: new Date(hit.twoDaysAgo) };
  const starts = {
    today: startOfLocalDay(localDate(now, timeZone, 0), timeZone),
    yesterday: startOfLocalDay(localDate(now, timeZone, -1), timeZone),
    twoDaysAgo: startOfLocalDay(localDate(now, timeZone, -2), timeZone),
  };
  if (dayStartsCache.size >= 256) dayStartsCache.clear();
  dayStartsCache.set(key, starts);
  return { today: new Date(starts.today), yesterday: new Date(starts.yesterday), twoDaysAgo: new Date(starts.twoDaysAgo) };
}

/** Whether two instants fall on the same local date in the zone. */
export function isSameLocalDay(a: Date, b: Date, timeZone: string): boolean {
  return sameDate(localParts(a, timeZone), localParts(b, timeZone));
}

/**
 * The tab an order is listed in, or null for final statuses.
 * `new` → Новый; `callback` → В работе; `no_answer` → by the local creation day:
 * today with failedAttempts ≤ 3 → Быстрый перезвон, today with > 3 → Недозвон за сегодня,
 * yesterday, the day before, or earlier. Decision: a `no_answer` order with failedAttempts 0
 * (imported or corrected by hand) is treated like 1–3 attempts (Быстрый перезвон when created
 * today). An order created in the future (clock skew) counts as created today.
 */
export function queueTabOf(o: { status: OrderStatus; createdAt: string; failedAttempts: number }, now: Date, timeZone: string): QueueTab | null {
  switch (o.status) {
    case 'new': return 'new';
    case 'callback': return 'inWork';
    case 'no_answer': {
      const created = Date.parse(o.createdAt);
      const days = dayStartsIn(now, timeZone);
      if (created >= days.today.getTime()) return o.failedAttempts > QUICK_RECALL_MAX_ATTEMPTS ? 'noAnswerToday' : 'quickRecall';
      if (created >= days.yesterday.getTime()) return 'noAnswerYesterday';
      if (created >= days.twoDaysAgo.getTime()) return 'noAnswer2Days';
      return 'noAnswerOlder';
    }
    default: return null;
  }
}

/** Fields the due and ordering rules read. */
export interface DueFields { createdAt: string; callbackAt: string | null; lastAttemptAt: string | null }

/**
 * The instant an order of a tab becomes due (ms), also the primary key of the list order:
 * quickRecall → last attempt + 2 min; inWork and noAnswerToday → callbackAt;
 * noAnswerYesterday / noAnswer2Days / noAnswerOlder → last attempt (least recently tried first);
 * new → createdAt. A missing time falls back to createdAt (due at once).
 */
export function dueAtMs(o: DueFields, tab: QueueTab): number {
  const created = Date.parse(o.createdAt);
  const last = o.lastAttemptAt === null ? null : Date.parse(o.lastAttemptAt);
  const callback = o.callbackAt === null ? null : Date.parse(o.callbackAt);
  switch (tab) {
    case 'new': return created;
    case 'quickRecall': return last === null ? created : last + QUICK_RECALL_DELAY_MS;
    case 'inWork':
    case 'noAnswerToday': return callback ?? created;
    default: return last ?? created;
  }
}

/**
 * Whether an order in `tab` is due at `now`: new, yesterday and 2-days tabs always;
 * quickRecall 2 min after the last attempt; inWork and noAnswerToday at callbackAt (without a
 * callbackAt: at once); noAnswerOlder never.
 */
export function isDue(o: { status: OrderStatus; failedAttempts: number } & DueFields, tab: QueueTab, now: Date): boolean {
  switch (tab) {
    case 'new':
    case 'noAnswerYesterday':
    case 'noAnswer2Days': return true;
    case 'noAnswerOlder': return false;
    default: return dueAtMs(o, tab) <= now.getTime();
  }
}

/**
 * Taking order inside a tab (negative = `a` is taken first).
 * `new`: oldest first (the bottom of the last page) — createdAt ascending, then id.
 * Other tabs, "list order from the top": dueAtMs ascending (see above), then createdAt, then id.
 */
export function compareForTaking(tab: QueueTab): (a: DueFields & { id: number }, b: DueFields & { id: number }) => number {
  return (a, b) =>
    (tab === 'new' ? 0 : dueAtMs(a, tab) - dueAtMs(b, tab))
    || Date.parse(a.createdAt) - Date.parse(b.createdAt)
    || a.id - b.id;
}

export type TakeRefusal = { ok: false; code: 'notCalled' | 'assigned' | 'unknownOffer'; message: string };

/**
 * Whether an operator may take a row of a tab (docs/domain.md «Queue tabs», taking): never from Недозвон (раньше);
 * only products the operator has scripts for; in Новый only unassigned orders (or one already
 * assigned to this operator); in other tabs the assignee is ignored.
 */
export function canTakeFromTab(
  row: { assigneeId: number | null; offerSku: string },
  tab: QueueTab,
  operator: { id: number; offerSkus: readonly string[] },
): { ok: true } | TakeRefusal {
  if (!isCallableTab(tab)) return { ok: false, code: 'notCalled', message: `Вкладку «${TAB_LABELS_RU[tab]}» не прозваниваем.` };
  if (!operator.offerSkus.includes(row.offerSku)) return { ok: false, code: 'unknownOffer', message: 'Товара нет в ваших скриптах: берите только знакомые товары.' };
  if (tab === 'new' && row.assigneeId !== null && row.assigneeId !== operator.id) {
    return { ok: false, code: 'assigned', message: 'У заказа уже есть ответственный: новые заказы берём только без ответственного.' };
  }
  return { ok: true };
}
