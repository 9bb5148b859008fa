/**
 * Sync protocol (docs/sync-protocol.md): push applies each mutation exactly once per
 * (clientId, id) in its own transaction; pull returns, from one REPEATABLE READ snapshot, the
 * caller's held orders and removals after its cursor (the rule of cursor.ts), paged by version,
 * with how many changes are still to come (`remaining`, for the desk's initial-sync progress).
 */
import { PullQuery, PushRequest, type MutationOutcome, type PullResponse, type Rejection } from '../../shared/api/http';
import type { Order } from '../../shared/domain/schemas';
import type { AppDeps, RouteModule } from '../app-deps';
import type { AuthedUser } from '../auth/session';
import { allow, ANY_ROLE, userOf } from '../auth/access';
import type { Sql } from '../db/db';
import { HttpError } from '../http/errors';
import { parseClean } from '../orders/parse-clean';
import { type OrderRow, ORDER_SELECT, expireLeases, ordersOfRows } from '../orders/order-repo';
import { applyMutation } from './apply-mutation';
import { type ChangeSource, advance, inWindow, openWindow, parseCursor, remainingAfter, settleHorizon, windowParams } from './cursor';

/** Test-only fault hook: the process dies right after a push transaction commits, before replying. */
const CRASH_AFTER_COMMIT = process.env.PROZVON_TEST_FAULT === 'crash-after-push-commit';

/** Rejections reported on pull: the client's latest ones (it shows them with the draft kept). */
const REJECTIONS_REPORTED = 100;

/** The changes of a user's pull stream: the orders it holds and its removals, keyed by order. */
function heldChanges(userId: number, at: Date): ChangeSource {
  return {
    sql: `SELECT o.id AS key, o.change_xid AS xid, o.version FROM orders o WHERE o.assignee_id = $1 AND o.lease_until > $2
          UNION ALL SELECT r.order_id, r.change_xid, r.version FROM order_removals r WHERE r.user_id = $1`,
    params: [userId, at.toISOString()],
  };
}

/** The client's acknowledged lastMutationId (0 before its first push); 403 when the clientId is another user's. */
async function clientRow(sql: Sql, clientId: string, user: AuthedUser): Promise<number> {
  const { rows } = await sql.query<{ user_id: number; last_mutation_id: number }>(
    'SELECT user_id, last_mutation_id FROM sync_clients WHERE client_id = $1',
    [clientId],
  );
  const r = rows[0];
  if (r && r.user_id !== user.id) throw new HttpError(403, 'client_owner', 'clientId принадлежит другому пользователю: создайте новый', 'clientId');
  return r ? Number(r.last_mutation_id) : 0;
}

type PushStep = { outcome: MutationOutcome; poke: number[]; lastMutationId: number };

/**
 * The client's row, created on its first push and locked for this transaction (one upsert);
 * 403 when the clientId belongs to another user.
 */
async function lockClient(sql: Sql, clientId: string, user: AuthedUser): Promise<number> {
  const { rows } = await sql.query<{ user_id: number; last_mutation_id: number }>(
    `INSERT INTO sync_clients (client_id, user_id, last_mutation_id) VALUES ($1, $2, 0)
     ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id RETURNING user_id, last_mutation_id`,
    [clientId, user.id],
  );
  const r = rows[0];
  if (r && Number(r.user_id) !== user.id) throw new HttpError(403, 'client_owner', 'clientId принадлежит другому пользователю: создайте новый', 'clientId');
  return r ? Number(r.last_mutation_id) : 0;
}

/** One mutation, one transaction: duplicate / 409 gap / apply or reject, then lastMutationId. */
async function pushOne(deps: AppDeps, user: AuthedUser, clientId: string, m: PushRequest['mutations'][number]): Promise<PushStep> {
  const now = deps.now();
  return deps.db.tx(async (sql) => {
    const last = await lockClient(sql, clientId, user);
    if (m.id <= last) return { outcome: { id: m.id, status: 'duplicate' }, poke: [], lastMutationId: last };
    if (m.id > last + 1) {
      throw new HttpError(409, 'mutation_gap', `Пропуск в мутациях: ожидалась ${last + 1}, пришла ${m.id}`, 'mutations', { lastMutationId: last });
    }
    const r = await applyMutation({ sql, user, now, config: deps.config }, m);
    if (!r.ok) {
      await sql.query(
        'INSERT INTO sync_rejections (client_id, mutation_id, order_id, code, message, at) VALUES ($1,$2,$3,$4,$5,$6)',
        [clientId, m.id, r.orderId, r.code, r.message, now.toISOString()],
      );
    }
    await sql.query('UPDATE sync_clients SET last_mutation_id = $2 WHERE client_id = $1', [clientId, m.id]);
    return r.ok
      ? { outcome: { id: m.id, status: 'applied' }, poke: r.poke, lastMutationId: m.id }
      : { outcome: { id: m.id, status: 'rejected', code: r.code, message: r.message }, poke: [], lastMutationId: m.id };
  });
}

/**
 * POST /sync/push {clientId, mutations} → {results, lastMutationId} (every role; a mutation on an
 * order the caller does not hold is rejected `not_held`). 409 `mutation_gap` with lastMutationId.
 * GET /sync/pull?clientId&cursor&limit → PullResponse (held orders, removals, rejections).
 */
export const syncRoutes: RouteModule = (app, deps) => {
  const { db, now, bus } = deps;

  app.post('/sync/push', allow(ANY_ROLE, 'own'), async (req) => {
    const user = userOf(req);
    const body = parseClean(PushRequest, req.body, 'body');
    const ids = body.mutations.map((m) => m.id);
    if (ids.some((id, i) => i > 0 && id <= (ids[i - 1] as number))) {
      throw new HttpError(400, 'invalid_input', 'mutations: id должны строго возрастать', 'mutations');
    }
    const results: MutationOutcome[] = [];
    const poke = new Set<number>();
    let activity = false;
    let lastMutationId = 0;
    for (const m of body.mutations) {
      const step = await pushOne(deps, user, body.clientId, m);
      lastMutationId = step.lastMutationId;
      if (CRASH_AFTER_COMMIT) process.kill(process.pid, 'SIGKILL');
      results.push(step.outcome);
      step.poke.forEach((u) => poke.add(u));
      if (step.outcome.status === 'applied') activity = true;
    }
    if (poke.size) await bus.publish({ kind: 'poke', userIds: [...poke] });
    if (activity) await bus.publish({ kind: 'activity', userId: user.id });
    return { results, lastMutationId };
  });

  app.get('/sync/pull', allow(ANY_ROLE, 'own'), async (req) => {
    const user = userOf(req);
    const q = parseClean(PullQuery, req.query, 'query');
    const at = now();
    const expired = await db.tx((sql) => expireLeases(sql, at, user.id));
    if (expired.length) await bus.publish({ kind: 'activity', userId: user.id });
    const cursor = parseCursor(q.cursor, 'cursor');
    await settleHorizon(db);
    const res = await db.tx(async (sql): Promise<PullResponse> => {
      const source = heldChanges(user.id, at);
      const w = await openWindow(sql, cursor, source, 'cursor');
      const lastMutationId = await clientRow(sql, q.clientId, user);
      const held = await sql.query<OrderRow>(
        `${ORDER_SELECT} WHERE o.assignee_id = $1 AND o.lease_until > $2 AND ${inWindow('o', 3)} ORDER BY o.version LIMIT $6`,
        [user.id, at.toISOString(), ...windowParams(w), q.limit + 1],
      );
      const removals = await sql.query<{ order_id: number; version: number }>(
        `SELECT r.order_id, r.version FROM order_removals r WHERE r.user_id = $1 AND ${inWindow('r', 2)} ORDER BY r.version LIMIT $5`,
        [user.id, ...windowParams(w), q.limit + 1],
      );
      type Item = { version: number; row?: OrderRow; removed?: number };
      const items: Item[] = [
        ...held.rows.map((row) => ({ version: Number(row.version), row })),
        ...removals.rows.map((r) => ({ version: Number(r.version), removed: r.order_id })),
      ].sort((a, b) => a.version - b.version);
      const page = items.slice(0, q.limit);
      const orders: Order[] = await ordersOfRows(sql, page.flatMap((i) => (i.row ? [i.row] : [])));
      const heldIds = new Set(orders.map((o) => o.id));
      const removed = [...new Set(page.flatMap((i) => (i.removed !== undefined && !heldIds.has(i.removed) ? [i.removed] : [])))];
      const rej = await sql.query<{ mutation_id: number; order_id: number | null; code: string; message: string; at: Date }>(
        'SELECT mutation_id, order_id, code, message, at FROM sync_rejections WHERE client_id = $1 ORDER BY mutation_id DESC LIMIT $2',
        [q.clientId, REJECTIONS_REPORTED],
      );
      const rejections: Rejection[] = rej.rows.reverse().map((r) => ({
        mutationId: Number(r.mutation_id), orderId: r.order_id, code: r.code, message: r.message, at: r.at.toISOString(),
      }));
      const next = advance(w, page[page.length - 1]?.version ?? null, items.length > q.limit);
      const remaining = await remainingAfter(sql, source, next.cursor, w.horizon);
      return { orders, removed, lastMutationId, rejections, ...next, remaining };
    }, { isolation: 'repeatable read' });
    return res;
  });
};
