/** Typed calls to the server's lead/admin routes through the `server.request` channel, zod-parsed. */
import type { z } from 'zod';
import type { Api } from '../../shared/ipc/contract';
import { ApiCallError, call } from '../app/api-context';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends one request to a lead/admin route and parses the answer with `schema`.
 * Throws ApiCallError (server code and message, or `bad_response` when the answer is malformed).
 */
export async function leadRequest<S extends z.ZodType>(api: Api, method: Method, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  const value = await call(api, 'server.request', body === undefined ? { method, path } : { method, path, body });
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiCallError('bad_response', `Неожиданный ответ сервера на ${method} ${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

/** `?a=1&b=x` from the defined, non-empty parameters (values URI-encoded), or '' when none. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The message of an error for display. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
