/**
 * Russian phone numbers: parse/normalize to E.164 (libphonenumber-js full metadata), reject wrong
 * length, non-Russian, invalid and obviously fake numbers (docs/domain.md «Results», Невалид), format for display,
 * dialing and masking.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneErrorCode = 'empty' | 'wrongLength' | 'notRussian' | 'invalid' | 'fake';
export type ParsedPhone = { ok: true; e164: string } | { ok: false; code: PhoneErrorCode; message: string };

const MESSAGES: Record<PhoneErrorCode, string> = {
  empty: 'Номер телефона не указан.',
  wrongLength: 'Неверное количество цифр в номере телефона.',
  notRussian: 'Номер не российский.',
  invalid: 'Номер телефона некорректен.',
  fake: 'Номер очевидно некорректный (например, 70000000000).',
};

const fail = (code: PhoneErrorCode): ParsedPhone => ({ ok: false, code, message: MESSAGES[code] });

/**
 * Fake patterns of a 10-digit national number: 7 or more identical digits in a row
 * (70000000000, 9111111111…), a subscriber part (last 7 digits) of 1234567 or 7654321, or a whole
 * number that is one straight run (0123456789, 1234567890, 9876543210).
 */
export function isFakeNational(national: string): boolean {
  if (/(\d)\1{6,}/.test(national)) return true;
  const subscriber = national.slice(-7);
  if (subscriber === '1234567' || subscriber === '7654321') return true;
  return '01234567890'.includes(national) || '98765432109'.includes(national);
}

/**
 * Parses a Russian number typed in any usual way: `8XXXXXXXXXX`, `+7…`, `7…`, a 10-digit national
 * number, with spaces, brackets, dashes or dots. Returns E.164 (`+79123456789`) or the reason.
 */
export function parsePhone(input: string): ParsedPhone {
  const text = input.trim();
  if (text === '') return fail('empty');
  if (!/^\+?[\d\s().-]+$/.test(text)) return fail('invalid');
  const digits = text.replace(/\D/g, '');
  if (digits === '') return fail('empty');
  let national: string;
  if (text.startsWith('+')) {
    if (!digits.startsWith('7')) return fail('notRussian');
    national = digits.slice(1);
  } else if (digits.length === 11) {
    if (digits[0] !== '7' && digits[0] !== '8') return fail('notRussian');
    national = digits.slice(1);
  } else {
    national = digits;
  }
  if (national.length !== 10) return fail('wrongLength');
  if (isFakeNational(national)) return fail('fake');
  const parsed = parsePhoneNumberFromString(`+7${national}`);
  if (!parsed) return fail('invalid');
  if (parsed.country !== undefined && parsed.country !== 'RU') return fail('notRussian');
  if (!parsed.isValid()) return fail('invalid');
  return { ok: true, e164: parsed.number };
}

function russianNational(e164: string): string | null {
  const m = /^\+7(\d{10})$/.exec(e164);
  return m?.[1] ?? null;
}

/** `+79123456789` → `8 (912) 345-67-89`; other numbers are returned unchanged. */
export function formatPhoneDisplay(e164: string): string {
  const n = russianNational(e164);
  if (n === null) return e164;
  return `8 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
}

/** How the PBX wants numbers dialed: `+79…`, `89…` or `79…`, after an optional prefix (e.g. `9` for an outside line). */
export interface DialFormat { style: 'plus7' | 'eight' | 'seven'; prefix: string }

/** The string to dial for an E.164 number under the PBX's format. */
export function formatPhoneForDial(e164: string, fmt: DialFormat): string {
  const n = russianNational(e164);
  let body: string;
  if (n === null) body = fmt.style === 'plus7' ? e164 : e164.replace(/^\+/, '');
  else if (fmt.style === 'plus7') body = `+7${n}`;
  else if (fmt.style === 'eight') body = `8${n}`;
  else body = `7${n}`;
  return `${fmt.prefix}${body}`;
}

/** `+79123456789` → `8 (912) ***-**-89` (for lists and screens where the full number is not needed). */
export function maskPhone(e164: string): string {
  const n = russianNational(e164);
  if (n === null) return e164.length > 4 ? `${e164.slice(0, -4).replace(/\d/g, '*')}${e164.slice(-2).padStart(4, '*')}` : e164;
  return `8 (${n.slice(0, 3)}) ***-**-${n.slice(8)}`;
}
