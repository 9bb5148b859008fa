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

/** A file answered by the server: its bytes, type and name (from Content-Disposition). */
export interface DownloadedFile { fileName: string; contentType: string; bytes: Buffer }

/**
 * The file name of a Content-Disposition header: RFC 5987 `filename*=UTF-8''…` first, then
 * `filename="…"`; only the last path segment is kept. Null when absent.
 */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  let name: string | null = null;
  if (star) {
    try { name = decodeURIComponent(star[1]!.trim()); } catch { name = null; }
  }
  if (name === null) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(disposition);
    name = plain ? (plain[1] ?? plain[2] ?? '').replace(/\\(.)/g, '$1') : null;
  }
  const base = name?.split(/[\\/]/).pop()?.trim() ?? '';
  return base === '' ? null : base;
}

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
    const res = await this.send(method, path, 'application/json', opts);
    const text = await res.text().catch(() => '');
    const body = parseJson(text);
    if (!res.ok) this.fail(res, body);
    const parsed = schema.safeParse(res.status === 204 ? null : body);
    if (!parsed.success) {
      throw new AppError('bad_response', `Неожиданный ответ сервера на ${method} ${path}: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
    }
    return parsed.data;
  }

  /**
   * GETs a file under /api/v1 (`path` may carry its query): the raw bytes, the Content-Type and
   * the file name of Content-Disposition (else the last segment of the path). API errors as in `request`.
   */
  async download(path: string, opts: Pick<HttpOptions, 'timeoutMs'> = {}): Promise<DownloadedFile> {
    const res = await this.send('GET', path, '*/*', { timeoutMs: opts.timeoutMs ?? 60_000 });
    if (!res.ok) this.fail(res, parseJson(await res.text().catch(() => '')));
    let bytes: Buffer;
    try {
      bytes = Buffer.from(await res.arrayBuffer());
    } catch (e) {
      throw new AppError('offline', `Файл не получен целиком (${e instanceof Error ? e.message : String(e)}).`);
    }
    const fallback = new URL(path, 'http://x').pathname.split('/').pop() ?? 'download';
    return {
      fileName: fileNameOf(res.headers.get('content-disposition')) ?? fallback,
      contentType: res.headers.get('content-type') ?? 'application/octet-stream',
      bytes,
    };
  }

  private async send(method: string, path: string, accept: string, opts: HttpOptions): Promise<Response> {
    const url = new URL(`/api/v1${path}`, this.baseUrl);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept };
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
    if (res.status === 401 && token) this.onUnauthorized?.();
    return res;
  }

  /** Throws the API error of a response with status ≥ 400. */
  private fail(res: Response, body: unknown): never {
    const parsed = ApiError.safeParse(body);
    if (parsed.success) throw new HttpError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.field);
    if (res.status >= 500 || res.status === 429) throw new HttpError(res.status, res.status === 429 ? 'rate_limited' : 'server_error', `Ошибка сервера (${res.status}).`);
    throw new HttpError(res.status, `http_${res.status}`, `Сервер ответил ${res.status}.`);
  }
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try { return JSON.parse(text); } catch { return null; }
}
