/**
 * What may reach a log line (main process and server alike): secrets never (tokens, passwords,
 * API keys, cookies, the host's `?t=` URL token), phone numbers only with their last 4 digits.
 * Pure: the loggers of main/ and server/ call these from their pino hooks.
 */

/** Written instead of a secret value. */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets, whatever their type. */
const SECRET_KEY = /pass(word)?|passwd|secret|token|authorization|cookie|api[-_]?key|credential|^t$/i;
/** Keys whose values are phone numbers even when given as numbers. */
const PHONE_KEY = /phone|msisdn/i;
/** A phone-like run: an optional `+`, digits with up to two spaces, dashes, dots or brackets between. */
const PHONE_RUN = /(?<![\w+])\+?\(?\d(?:[ \-.()]{0,2}\d){8,16}(?!\w)/g;
const URL_SECRET = /([?&](?:t|token|access_token|key|api_key)=)[^&#\s"']+/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
const MAX_DEPTH = 8;

/** Masks every digit of a phone number but the last 4, keeping its separators: `+7 (912) 345-67-89` → `+* (***) ***-67-89`. */
export function maskPhone(phone: string): string {
  const total = phone.replace(/\D/g, '').length;
  let seen = 0;
  return phone.replace(/\d/g, (d) => (++seen > total - 4 ? d : '*'));
}

/** Masks the phone numbers (10–15 digits) inside free text and removes URL tokens and Authorization values. */
export function redactText(text: string): string {
  return text
    .replace(URL_SECRET, `$1${REDACTED}`)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(PHONE_RUN, (run) => {
      const digits = run.replace(/\D/g, '').length;
      return digits >= 10 && digits <= 15 ? maskPhone(run) : run;
    });
}

/** Whether a property name holds a secret (its value is never logged). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * A copy of a log object safe to write: secret keys replaced by `[redacted]`, phone numbers masked
 * in every string (and in numeric phone fields), errors reduced to type/message/stack/code.
 */
export function redactForLog(value: unknown, key = '', depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (key && isSecretKey(key)) return value === undefined || value === null ? value : REDACTED;
  if (typeof value === 'string') return PHONE_KEY.test(key) ? maskPhone(value) : redactText(value);
  if (typeof value === 'number' || typeof value === 'bigint') return PHONE_KEY.test(key) ? maskPhone(String(value)) : value;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[depth]';
  seen.add(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      type: value.name,
      message: redactText(value.message),
      ...(value.stack ? { stack: redactText(value.stack) } : {}),
      ...(code === undefined ? {} : { code: redactForLog(code, 'code', depth + 1, seen) }),
    };
  }
  if (Array.isArray(value)) return value.map((v) => redactForLog(v, key, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactForLog(v, k, depth + 1, seen);
  return out;
}
