/**
 * Progressive dialing and auto-next (docs/telephony.md «Progressive dialing»): an operator's
 * settings, stored per user on the server and sent in the login reply, and the rule that decides
 * whether the desk may dial an order by itself. An unset setting (null) is off.
 */
import { z } from 'zod';
import { parsePhone } from './phone';
import { looksObscene } from './spam';

/** The longest preview before the desk dials by itself, seconds. */
export const PREVIEW_MAX_SECONDS = 30;
/** The preview an admin starts from when switching progressive dialing on, seconds. */
export const PREVIEW_DEFAULT_SECONDS = 5;
/** The longest wrap-up before the next order comes by itself, seconds. */
export const WRAP_UP_MAX_SECONDS = 120;
/** The wrap-up an admin starts from when switching auto-next on, seconds. */
export const WRAP_UP_DEFAULT_SECONDS = 10;

/** Preview seconds (0–30) or null (off). */
export const PreviewSeconds = z.number().int().min(0).max(PREVIEW_MAX_SECONDS).nullable();
/** Wrap-up seconds (0–120) or null (off). */
export const WrapUpSeconds = z.number().int().min(0).max(WRAP_UP_MAX_SECONDS).nullable();

/** An operator's dialing settings. */
export const DeskDialing = z.object({ previewSeconds: PreviewSeconds, wrapUpSeconds: WrapUpSeconds });
export type DeskDialing = z.infer<typeof DeskDialing>;

/** Both off: what a user without settings (or an older server) gets. */
export const DIALING_OFF: DeskDialing = { previewSeconds: null, wrapUpSeconds: null };

/** Why the desk does not dial an order by itself. */
export type AutoDialBlock = 'invalidNumber' | 'obscene' | 'outsideWindow';

/**
 * Whether the desk may dial by itself: the number passes the same check as the call button
 * (parsePhone: length, Russian, not fake), the name is not obscene (that order is proposed as
 * spam, a person decides) and the customer's hour is inside the calling window. Null: it may.
 */
export function autoDialBlock(phone: string, customerName: string, insideWindow: boolean): AutoDialBlock | null {
  if (!parsePhone(phone).ok) return 'invalidNumber';
  if (looksObscene(customerName)) return 'obscene';
  if (!insideWindow) return 'outsideWindow';
  return null;
}
