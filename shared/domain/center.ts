/**
 * The center context: every center setting the domain rules read (zone, working hours, limits).
 * The server builds it from its center settings (one function, server/admin/settings.ts), sends it
 * in the login reply, in `GET center/context` and in the live `center.changed` message; main keeps
 * it in its cache and in the Session; the renderer, main and the server's save all build their
 * result rule context from it with `resultContextFor`, so a save that passes locally passes on
 * the server too (the same zone, working hours and callback bound).
 */
import { z } from 'zod';
import { CALLBACK_MAX_DAYS, type ResultContext } from './results';
import { CENTER_TZ_DEFAULT } from './tabs';
import { CallingWindow, DEFAULT_CALLING_WINDOW } from './calling-window';

/** Whether Intl knows the IANA zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в формате ЧЧ:ММ');

/** Working hours of the center, local `HH:MM` in its zone. */
export const CenterWorkingHours = z.object({ start: HhMm, end: HhMm });

/** The center context (see the file comment). */
export const CenterContext = z.object({
  timeZone: z.string().min(1).max(64).refine(isKnownTimeZone, 'Неизвестный часовой пояс'),
  workingHours: CenterWorkingHours.nullable(),
  /** The hours of the customer's day in which orders are called (calling-window.ts); the default one from an older server. */
  callingWindow: CallingWindow.default(() => ({ ...DEFAULT_CALLING_WINDOW })),
  limits: z.object({
    /** A callbackAt may be at most this many days ahead of now. */
    callbackMaxDays: z.number().int().min(1).max(CALLBACK_MAX_DAYS),
  }),
});
export type CenterContext = z.infer<typeof CenterContext>;

/**
 * The context of stored settings: an unknown zone falls back to `fallbackZone` (then the default
 * zone), malformed working hours count as unset, a malformed or absent calling window is the
 * default one, and the limits are the shared constants.
 */
export function centerContextOf(stored: { timeZone?: unknown; workingHours?: unknown; callingWindow?: unknown }, fallbackZone: string = CENTER_TZ_DEFAULT): CenterContext {
  const zone = [stored.timeZone, fallbackZone].find((z): z is string => typeof z === 'string' && z !== '' && isKnownTimeZone(z));
  const hours = CenterWorkingHours.safeParse(stored.workingHours);
  const calling = CallingWindow.safeParse(stored.callingWindow);
  return {
    timeZone: zone ?? CENTER_TZ_DEFAULT,
    workingHours: hours.success ? hours.data : null,
    callingWindow: calling.success ? calling.data : DEFAULT_CALLING_WINDOW,
    limits: { callbackMaxDays: CALLBACK_MAX_DAYS },
  };
}

/**
 * The per-save facts the rules need besides the center context. `customerZone` (the order's zone,
 * null = unknown) makes the automatic callback respect the customer's calling window.
 */
export type SaveFacts = Pick<ResultContext, 'calls' | 'now' | 'failedAttempts' | 'reasons' | 'offers' | 'takenAt' | 'pbx'> & { customerZone?: string | null };

/** The result rule context of a save under a center context (the one builder of all three tiers). */
export function resultContextFor(center: CenterContext, facts: SaveFacts): ResultContext {
  const { customerZone, ...rest } = facts;
  return {
    ...rest,
    ...(customerZone === undefined ? {} : { customer: { zone: customerZone, window: center.callingWindow } }),
    timeZone: center.timeZone,
    workingHours: center.workingHours,
    callbackMaxDays: center.limits.callbackMaxDays,
  };
}
