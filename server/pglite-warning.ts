/**
 * The warning that the floor has outgrown the embedded database: PGlite runs every statement on
 * the server's one thread, so past a few dozen busy operators requests queue for seconds
 * (bench/pglite-floor.ts: ~35–40 operator requests/s on a shared 2-core machine; at 30 operators
 * looping Next/save without pause p50 was 0.8 s; docs/architecture.md "PGlite under load").
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Db } from './db/db';
import { type Lane, markRequestArrival } from './db/pglite-db';

/** Signed-in sessions making requests within one minute above which PGlite warns. */
export const PGLITE_SESSION_LIMIT = 30;
/** The window in which a session counts as active. */
export const ACTIVE_WINDOW_MS = 60_000;
/** How often the count is checked. */
export const CHECK_EVERY_MS = 30_000;
/** The least time between two warnings. */
export const WARN_EVERY_MS = 15 * 60_000;

/** The warning text for `active` sessions on PGlite. */
export function pgliteWarningText(active: number, limit: number): string {
  return `PGlite: ${active} активных сессий за минуту (больше ${limit}). Встроенная база обслуживает все запросы `
    + 'в одном потоке сервера, и при такой нагрузке ответы задерживаются. Перейдите на PostgreSQL: '
    + 'задайте DATABASE_URL=postgres://пользователь:пароль@хост:5432/база и перезапустите сервер '
    + '(таблицы создаются при запуске; данные из DATA_DIR сами не переносятся).';
}

/**
 * Counts the sessions (bearer tokens, kept only as hashes) seen within ACTIVE_WINDOW_MS and says
 * when to warn: above `limit`, at most once per WARN_EVERY_MS.
 */
export class FloorWatch {
  private readonly lastSeen = new Map<string, number>();
  private lastWarnAt: number | null = null;

  constructor(private readonly limit = PGLITE_SESSION_LIMIT) {}

  /** Records a request with this Authorization header at `at` (ms). */
  seen(authorization: string | undefined, at: number): void {
    if (!authorization?.startsWith('Bearer ')) return;
    this.lastSeen.set(createHash('sha256').update(authorization).digest('base64'), at);
  }

  /** Sessions active within the window before `at` (older ones are forgotten). */
  active(at: number): number {
    for (const [key, t] of this.lastSeen) if (at - t > ACTIVE_WINDOW_MS) this.lastSeen.delete(key);
    return this.lastSeen.size;
  }

  /** The warning to log at `at`, or null (below the limit, or warned less than WARN_EVERY_MS ago). */
  check(at: number): string | null {
    const active = this.active(at);
    if (active <= this.limit) return null;
    if (this.lastWarnAt !== null && at - this.lastWarnAt < WARN_EVERY_MS) return null;
    this.lastWarnAt = at;
    return pgliteWarningText(active, this.limit);
  }
}

/** The operators' hot loop: Next, saves, claims and releases (lane `floor`); the rest is `other`. */
const FLOOR_PATHS = /^\/api\/v1\/(queue\/next|sync\/push|orders\/\d+\/(claim|release))(\?|$)/;

/** The FairTurns lane of a request. */
export function laneOf(method: string | undefined, url: string | undefined): Lane {
  return method === 'POST' && url !== undefined && FLOOR_PATHS.test(url) ? 'floor' : 'other';
}

/**
 * On PGlite (nothing on PostgreSQL): marks each request's arrival and lane, so its statements take
 * their turns fairly (FairTurns), and logs the move-to-PostgreSQL warning when the floor is
 * too busy (checked every CHECK_EVERY_MS).
 */
export function attachPgliteFloor(app: FastifyInstance, db: Db): void {
  if (db.kind !== 'pglite') return;
  app.server.prependListener('request', (req: IncomingMessage) => markRequestArrival(laneOf(req.method, req.url)));
  const watch = new FloorWatch();
  app.server.on('request', (req: IncomingMessage) => watch.seen(req.headers.authorization, Date.now()));
  const timer = setInterval(() => {
    const text = watch.check(Date.now());
    if (text) app.log.warn({ limit: PGLITE_SESSION_LIMIT }, text);
  }, CHECK_EVERY_MS);
  timer.unref();
}
