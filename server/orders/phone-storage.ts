/**
 * How an ingested phone is stored. Decision: a number `parsePhone` accepts is stored as E.164
 * with `phone_valid = true`. A number it refuses (fake like 70000000000, wrong operator code,
 * foreign) is still stored — the order is a lead the operator must close as Невалид — when its
 * digits form an E.164 shape (`+` and 8–15 digits, a leading 8 of an 11-digit number read as 7,
 * 10 digits read as a Russian national number), with `phone_valid = false` and the text as typed
 * in `phone_raw`. The client runs the same `parsePhone` on it and proposes Невалид. Text with no
 * such shape (letters, 3 digits) is refused with 400: it cannot be dialed or shown as a phone.
 */
import { parsePhone } from '../../shared/domain/phone';
import { E164 } from '../../shared/domain/schemas';

export type StoredPhone = { phone: string; valid: boolean; reason: string | null };

/** The E.164 form to store for a typed phone, or null when it has no phone shape at all. */
export function storablePhone(input: string): StoredPhone | null {
  const parsed = parsePhone(input);
  if (parsed.ok) return { phone: parsed.e164, valid: true, reason: null };
  if (!/^\+?[\d\s().-]+$/.test(input.trim())) return null;
  let digits = input.replace(/\D/g, '');
  if (!input.trim().startsWith('+')) {
    if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
    else if (digits.length === 10) digits = `7${digits}`;
  }
  const candidate = `+${digits}`;
  return E164.safeParse(candidate).success ? { phone: candidate, valid: false, reason: parsed.message } : null;
}
