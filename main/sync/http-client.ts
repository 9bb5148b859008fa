/**
 * HTTP client of the CRM server: fetch with a Bearer token, a timeout per request, zod-parsed
 * responses. Network failures become AppError `offline`; API errors keep the server's code.
 */
import type { z } from 'zod';
import { ApiError } from '../../shared/api/http';
import { AppError } from '../errors';

export interface HttpOptions { query?: Record<string, string | number | undefined>; body?: unknown; timeoutMs?: number }

/** An API error response (status ≥ 400). */
export class HttpError extends AppError {
  constructor(public readonly status: number, code: string, message: string, field?: string) {
    super(code, message, field);
  }
}

/** Whether an error means the server could not be reached (the request may be retried). */
export const isNetworkError = (e: unknown): boolean => e instanceof AppError && e.code === 'offline';

export class HttpClient {
  /** `onUnauthorized` runs when the server refuses the token (401) on any request. */
  constructor(
    public readonly baseUrl: string,
    private readonly token: () => string | null,
    private readonly defaultTimeoutMs = 15_000,
    private readonly onUnauthorized: (() => void) | null = null,
  ) {}

  /** Sends a request under /api/v1 and parses the JSON answer with `schema` (204 → null). */
  async request<S extends z.ZodType>(method: string, path: string, schema: S, opts: HttpOptions = {}): Promise<z.output<S>> {
    const url = new URL(`/api/v1${path}`, this.baseUrl);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, {
        method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? this.defaultTimeoutMs),
      });
    } catch (e) {
      throw new AppError('offline', `Нет связи с сервером (${e instanceof Error ? e.message : String(e)}).`);
    }
    const text = await res.text().catch(() => '');
    let body: unknown = null;
    if (text) {
      try { body = JSON.parse(text); } catch { body = null; }
    }
    if (!res.ok) {
      if (res.status === 401 && token) this.onUnauthorized?.();
      const parsed = ApiError.safeParse(body);
      if (parsed.success) throw new HttpError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.field);
      if (res.status >= 500 || res.status === 429) throw new HttpError(res.status, res.status === 429 ? 'rate_limited' : 'server_error', `Ошибка сервера (${res.status}).`);
      throw new HttpError(res.status, `http_${res.status}`, `Сервер ответил ${res.status}.`);
    }
    const parsed = schema.safeParse(res.status === 204 ? null : body);
    if (!parsed.success) {
      throw new AppError('bad_response', `Неожиданный ответ сервера на ${method} ${path}: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
    }
    return parsed.data;
  }
}
