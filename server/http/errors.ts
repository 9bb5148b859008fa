import { z } from 'zod';

/** An error that becomes `{error:{code,message,field?}}` with the given HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Turns a zod error into a 400 naming the first offending field and why. */
export function fromZod(err: z.ZodError, where: string): HttpError {
  const first = err.issues[0];
  const field = first && first.path.length ? first.path.join('.') : where;
  const message = first ? `${field}: ${first.message}` : `invalid ${where}`;
  return new HttpError(400, 'invalid_input', message, field);
}

/** Parses `value` with `schema` or throws a 400 naming the field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error, where);
  return r.data;
}
