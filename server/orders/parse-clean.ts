/**
 * Input guard beside zod: PostgreSQL text and jsonb refuse NUL characters and lone UTF-16
 * surrogates, so such strings are refused with a 400 naming the field instead of failing in SQL.
 */
import type { z } from 'zod';
import { HttpError, parseOr400 } from '../http/errors';

const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isBad = (s: string) => s.includes(NUL) || LONE_SURROGATE.test(s);

/** The dotted path of the first string (or key) PostgreSQL cannot store, or null. */
export function badTextPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isBad(value) ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = badTextPath(value[i], [...path, String(i)]);
      if (p !== null) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (isBad(k)) return [...path, k].join('.');
      const p = badTextPath(v, [...path, k]);
      if (p !== null) return p;
    }
  }
  return null;
}

/** parseOr400 plus the text guard: 400 `invalid_text` naming the field. */
export function parseClean<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = parseOr400(schema, value, where);
  const bad = badTextPath(parsed);
  if (bad !== null) {
    const field = bad === '' ? where : bad;
    throw new HttpError(400, 'invalid_text', `${field}: недопустимые символы (NUL или одиночный суррогат UTF-16)`, field);
  }
  return parsed;
}
