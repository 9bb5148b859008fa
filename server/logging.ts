/**
 * The server's structured logs (Fastify's pino): JSON lines with a request id (`reqId`, from a
 * well-formed `X-Request-Id` header or a new UUID), level from `PROZVON_LOG_LEVEL`, and every
 * object and message through the shared redaction (shared/domain/log-redact.ts): no passwords,
 * tokens, API keys or authorization headers, phone numbers with their last 4 digits only.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import { redactForLog, redactText } from '../shared/domain/log-redact';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A request URL as logged: percent-decoded (so `%2B7…` phones are seen and masked), then redacted. */
function loggedUrl(url: string): string {
  let decoded = url;
  try { decoded = decodeURIComponent(url); } catch { /* not decodable: masked as sent */ }
  return redactText(decoded);
}

/** The id of a request: the caller's `X-Request-Id` when well-formed, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const h = req.headers['x-request-id'];
  return typeof h === 'string' && REQUEST_ID.test(h) ? h : randomUUID();
}

/** Fastify options of the logger and request ids; `stream` replaces stdout (tests capture lines). */
export function serverLogOptions(level: string, stream?: DestinationStream): Pick<FastifyServerOptions, 'logger' | 'genReqId'> {
  return {
    genReqId: requestIdOf,
    logger: {
      level,
      ...(stream ? { stream } : {}),
      formatters: {
        // req/res are Fastify objects turned into small records by the serializers below.
        log: (obj) => {
          const { req, res, ...rest } = obj;
          return { ...(redactForLog(rest) as Record<string, unknown>), ...(req === undefined ? {} : { req }), ...(res === undefined ? {} : { res }) };
        },
      },
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: loggedUrl(req.url), remoteAddress: req.ip }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? redactText(a) : a)) as Parameters<typeof method>);
        },
      },
    },
  };
}
