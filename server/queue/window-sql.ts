/**
 * The calling window of shared/domain/calling-window.ts as SQL, so the taking never gives an
 * order outside its customer's window. The rule stays the shared one: a known zone compares the
 * customer's wall-clock time (`now AT TIME ZONE customer_zone`) with the window, `start ≤ t < end`;
 * an unknown zone (NULL) takes the verdict `insideForUnknownZone` computed in JS, bound as a
 * parameter. test/server/window-sql.test.ts checks equality with `windowState` on random orders.
 */
import { insideForUnknownZone, type CallingWindow } from '../../shared/domain/calling-window';

/** The parameters of `windowInsideExpr`, in order: window start, window end, the unknown-zone verdict at `now`. */
export function windowParams(now: Date, window: CallingWindow): unknown[] {
  return [window.start, window.end, insideForUnknownZone(now, window)];
}

/** Number of parameters taken by `windowParams`. */
export const WINDOW_PARAM_COUNT = 3;

/**
 * SQL expression: whether `o` is inside its customer's window at the instant bound as `$now`;
 * `first` is the number of the first windowParams parameter.
 */
export function windowInsideExpr(now: string, first: number): string {
  const local = `(${now}::timestamptz AT TIME ZONE o.customer_zone)::time`;
  return `(CASE WHEN o.customer_zone IS NULL THEN $${first + 2}::boolean
    ELSE (${local} >= $${first}::time AND ${local} < $${first + 1}::time) END)`;
}
