/**
 * The main process's logger (pino, JSON lines on stderr so stdout keeps the host's address line).
 * Level from `PROZVON_LOG_LEVEL` (default info). Every object and message goes through the shared
 * redaction (shared/domain/log-redact.ts): no tokens or passwords, phones with their last 4 digits.
 */
import { randomBytes } from 'node:crypto';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { redactForLog, redactText } from '../shared/domain/log-redact';

export type { Logger };

const LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The level named by `PROZVON_LOG_LEVEL` (case-insensitive), `info` when unset or unknown. */
export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): Level | 'silent' {
  const v = env.PROZVON_LOG_LEVEL?.trim().toLowerCase() ?? '';
  return (LEVELS.includes(v) ? v : 'info') as Level | 'silent';
}

export interface LoggerOptions {
  level?: Level | 'silent';
  /** Where lines go (tests capture them); stderr by default. */
  stream?: DestinationStream;
}

type ChildFn = (this: Logger, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) => Logger;

/** Makes `child()` redact its bindings too (pino applies the bindings formatter to the root's only), at every depth. */
function redactingChildren(logger: Logger, pinoChild = logger.child as unknown as ChildFn): Logger {
  const child: ChildFn = (bindings, options) => redactingChildren(pinoChild.call(logger, redactForLog(bindings) as pino.Bindings, options), pinoChild);
  logger.child = child as unknown as Logger['child'];
  return logger;
}

/** A redacting pino logger. */
export function createLogger(o: LoggerOptions = {}): Logger {
  return redactingChildren(pino({
    level: o.level ?? levelFromEnv(),
    base: { pid: process.pid, name: 'prozvon-main' },
    formatters: {
      log: (obj) => redactForLog(obj) as Record<string, unknown>,
      bindings: (b) => redactForLog(b) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const clean = args.map((a) => (typeof a === 'string' ? redactText(a) : a)) as Parameters<typeof method>;
        method.apply(this, clean);
      },
    },
  }, o.stream ?? pino.destination({ fd: 2, sync: true })));
}

/** The process-wide logger. */
export const log: Logger = createLogger();

/** A short random id that ties the log lines of one request (HTTP, socket call, IPC call) together. */
export function requestId(): string {
  return randomBytes(6).toString('base64url');
}
