/**
 * The named intents of the outbox, applied inside the push transaction. A business refusal is
 * returned (not thrown) so the caller records it and still advances lastMutationId.
 */
import type { Mutation } from '../../shared/api/http';
import type { CallAttempt, Offer, Reason, SaveResultArgs } from '../../shared/domain/schemas';
import { ResultRejectedError, applyResult, type RuleViolation } from '../../shared/domain/results';
import { deliveryChoiceViolations } from '../../shared/domain/delivery';
import { catalogueLines } from '../../shared/domain/pricing';
import { resultContextFor, type CenterContext } from '../../shared/domain/center';
import { orderTotals, type OrderTotals } from '../../shared/domain/money';
import { parsePhone } from '../../shared/domain/phone';
import { zoneAfterSave } from '../../shared/domain/customer-zone';
import { windowState } from '../../shared/domain/calling-window';
import type { Sql } from '../db/db';
import type { AuthedUser } from '../auth/session';
import type { ServerConfig } from '../config';
import { STORED_SETTINGS_SQL, centerContextFromStored } from '../admin/settings';
import { isHolder } from '../orders/access';
import { type OrderRow, NEXT_VERSION_SQL, callsOf, recordRemoval } from '../orders/order-repo';
import { recordResultEvent } from '../integrations/order-events';
import { deliveryProvider } from '../lookups/lookup-routes';
import { quotedOptions } from '../lookups/delivery-provider';
import { pbxCallsOf } from '../pbx/pbx-records';

/** Outcome of one mutation; `poke` lists users whose held orders changed. */
export type Applied =
  | { ok: true; poke: number[] }
  | { ok: false; code: string; message: string; orderId: number | null };

type Ctx = { sql: Sql; user: AuthedUser; now: Date; config: ServerConfig };

const describe = (violations: RuleViolation[]) => violations.map((x) => `${x.field}: ${x.message}`).join(' ');

const reject = (code: string, message: string, orderId: number | null): Applied => ({ ok: false, code, message, orderId });

async function lockOrder(sql: Sql, id: number): Promise<OrderRow | null> {
  const { rows } = await sql.query<OrderRow>('SELECT * FROM orders WHERE id = $1 FOR UPDATE', [id]);
  return rows[0] ?? null;
}

/**
 * logCall.v1 — records a call attempt (idempotent by callId) and the order's last attempt.
 * Accepted from the order's assignee («Ответственный»), even after the lease ended: the call
 * happened and is history; anyone else → `not_held`. The server marks a call that started outside
 * the customer's calling window (`calls.outside_window`, from the order's zone and the center's
 * window; never taken from the client).
 */
async function logCall(ctx: Ctx, args: CallAttempt): Promise<Applied> {
  const row = await lockOrder(ctx.sql, args.orderId);
  if (!row) return reject('not_found', `Заказ ${args.orderId} не найден`, args.orderId);
  if (row.assignee_id !== ctx.user.id) return reject('not_held', 'Звонок не записан: заказ передан другому оператору', args.orderId);
  const started = Date.parse(args.startedAt);
  const ended = Date.parse(args.endedAt);
  const answered = args.answeredAt === null ? null : Date.parse(args.answeredAt);
  if (ended < started || (answered !== null && (answered < started || answered > ended))) {
    return reject('invalid_call', 'Звонок не записан: время начала, ответа и окончания не по порядку', args.orderId);
  }
  const { callingWindow } = centerContextFromStored(await storedWindow(ctx.sql), ctx.config);
  const outside = !windowState(row.customer_zone ?? null, new Date(started), callingWindow).inside;
  const ins = await ctx.sql.query(
    `INSERT INTO calls (call_id, order_id, user_id, started_at, answered_at, ended_at, outcome, duration_sec, outside_window)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (call_id) DO NOTHING`,
    [args.callId, args.orderId, ctx.user.id, args.startedAt, args.answeredAt, args.endedAt, args.outcome,
      answered === null ? 0 : Math.round((ended - answered) / 1000), outside],
  );
  if (ins.rowCount === 0) return { ok: true, poke: [] };
  await ctx.sql.query(
    `UPDATE orders SET last_attempt_at = GREATEST(COALESCE(last_attempt_at, $2::timestamptz), $2::timestamptz),
            updated_at = $3, version = ${NEXT_VERSION_SQL} WHERE id = $1`,
    [args.orderId, args.endedAt, ctx.now.toISOString()],
  );
  return { ok: true, poke: [ctx.user.id] };
}

/** The stored calling window setting (as the stored-settings object the center context reads). */
async function storedWindow(sql: Sql): Promise<Record<string, unknown>> {
  const { rows } = await sql.query<{ value: unknown }>("SELECT value FROM center_settings WHERE key = 'callingWindow'", [], { prepare: true });
  return { callingWindow: rows[0]?.value };
}

async function directories(sql: Sql, config: ServerConfig): Promise<{ reasons: Reason[]; offers: Offer[]; center: CenterContext; pbxVerified: boolean }> {
  type Row = {
    reasons: { code: string; grp: Reason['group']; label: string; active: boolean }[];
    offers: { sku: string; name: string; price_kop: number; promo: Offer['promo']; active: boolean }[];
    settings: Record<string, unknown>;
  };
  const { rows } = await sql.query<Row>(
    `SELECT (SELECT COALESCE(json_agg(r), '[]') FROM (SELECT code, grp, label, active FROM reasons) r) AS reasons,
            (SELECT COALESCE(json_agg(o), '[]') FROM (SELECT sku, name, price_kop, promo, active FROM offers) o) AS offers,
            (${STORED_SETTINGS_SQL}) AS settings`,
  );
  const row = rows[0] ?? { reasons: [], offers: [], settings: {} };
  return {
    reasons: row.reasons.map((r) => ({ code: r.code, group: r.grp, label: r.label, active: r.active })),
    offers: row.offers.map((o) => ({ sku: o.sku, name: o.name, priceKop: Number(o.price_kop), promo: o.promo, active: o.active })),
    center: centerContextFromStored(row.settings, config),
    pbxVerified: row.settings.pbxVerifiedCalls === true,
  };
}

/**
 * A confirm's delivery against the options the center's provider quotes for the saved address
 * (the same provider as GET delivery/options) under the courier-only rule.
 */
async function deliveryIssues(sql: Sql, args: SaveResultArgs, offers: Offer[]): Promise<RuleViolation[]> {
  if (args.result !== 'confirm' || args.delivery === null) return [];
  const quoted = await quotedOptions(deliveryProvider(sql), {
    region: args.address.region, city: args.address.city, postalCode: args.address.postalCode,
    goodsKop: orderTotals(catalogueLines(args.lines, offers), null).totalKop,
  });
  return deliveryChoiceViolations(args.delivery, quoted);
}

/**
 * The money stored with a result, computed here: a confirm's lines at catalogue prices (the rules
 * already refused any other price) plus the delivery option the server itself proposed; any
 * other result sells nothing and stores zero.
 */
function serverTotals(args: SaveResultArgs, offers: Offer[]): OrderTotals {
  return args.result === 'confirm' ? orderTotals(catalogueLines(args.lines, offers), args.delivery) : orderTotals([], null);
}

/**
 * saveResult.v1 — validated by the shared rules (call facts from the logged calls since the
 * order was taken — with the center setting `pbxVerifiedCalls` only those the PBX reported, with
 * the PBX's answer; lines against the catalogue and promo terms) and, for a confirm, the delivery
 * against the server's own quote for the address; applies the transition, the customer, address,
 * lines and delivery (an address region re-places the customer's zone: zoneAfterSave); stores the result with the server's totals. Every saved result ends the
 * lease: the order returns to its tab (or is closed), the assignee stays «Ответственный», and the
 * operator's held set loses it.
 */
async function saveResult(ctx: Ctx, args: SaveResultArgs): Promise<Applied> {
  const row = await lockOrder(ctx.sql, args.orderId);
  if (!row) return reject('not_found', `Заказ ${args.orderId} не найден`, args.orderId);
  if (!isHolder(row, ctx.user.id, ctx.now)) {
    return reject('not_held', 'Результат не сохранён: заказ больше не у вас в работе (отпущен, истёк или передан)', args.orderId);
  }
  const calls = (await callsOf(ctx.sql, [row.id])).get(row.id) ?? [];
  const dirs = await directories(ctx.sql, ctx.config);
  const delivery = await deliveryIssues(ctx.sql, args, dirs.offers);
  // results need PBX-verified calls: the rules count only the calls the PBX reported (shared/domain/pbx-calls.ts)
  const pbx = dirs.pbxVerified
    ? { calls: await pbxCallsOf(ctx.sql, calls.map((c) => c.callId)), phones: [row.phone, row.extra_phone, args.customer.phone].filter((p): p is string => !!p) }
    : null;
  const zone = zoneAfterSave({ zone: row.customer_zone ?? null, source: row.zone_source ?? 'unknown' }, args.address.region, args.customer.phone);
  let t;
  try {
    t = applyResult(
      { status: row.status, failedAttempts: row.failed_attempts, callbackAt: row.callback_at ? row.callback_at.toISOString() : null },
      args,
      resultContextFor(dirs.center, { calls, now: ctx.now, failedAttempts: row.failed_attempts, reasons: dirs.reasons, offers: dirs.offers,
        takenAt: row.taken_at ? row.taken_at.toISOString() : null, pbx, customerZone: zone.zone }),
    );
  } catch (e) {
    if (!(e instanceof ResultRejectedError)) throw e;
    const final = e.violations.some((x) => x.code === 'finalStatus');
    return reject(final ? 'final' : 'rule_broken', describe(final ? e.violations : [...e.violations, ...delivery]), args.orderId);
  }
  if (delivery.length > 0) return reject('rule_broken', describe(delivery), args.orderId);
  const totals = serverTotals(args, dirs.offers);
  await ctx.sql.query(
    `UPDATE orders SET status = $2, failed_attempts = $3, callback_at = $4, problem = $5, comment = $6,
            customer_name = $7, phone = $8, phone_valid = $9, extra_phone = $10, gender = $11, address = $12, lines = $13, delivery = $14,
            lease_until = NULL, updated_at = $15, customer_zone = $16, zone_source = $17, version = ${NEXT_VERSION_SQL}
      WHERE id = $1`,
    [row.id, t.status, t.failedAttempts, t.callbackAt, t.problem, t.comment,
      args.customer.name, args.customer.phone, parsePhone(args.customer.phone).ok, args.customer.extraPhone, args.customer.gender,
      JSON.stringify(args.address), JSON.stringify(args.lines), args.delivery ? JSON.stringify(args.delivery) : null,
      ctx.now.toISOString(), zone.zone, zone.source],
  );
  await recordResultEvent(ctx.sql, row.id, args.result, ctx.now);
  await ctx.sql.query(
    `INSERT INTO order_results (order_id, user_id, result, variant, status, problem, comment, callback_at, subtotal_kop, delivery_kop, total_kop, extra_items, at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [row.id, ctx.user.id, args.result, args.variant, t.status, t.problem, t.comment, t.callbackAt,
      totals.totalKop - totals.deliveryKop, totals.deliveryKop, totals.totalKop, args.lines.filter((l) => !l.main).length, ctx.now.toISOString()],
  );
  await recordRemoval(ctx.sql, ctx.user.id, row.id);
  return { ok: true, poke: [ctx.user.id] };
}

/** Applies one mutation by name. */
export function applyMutation(ctx: Ctx, m: Mutation): Promise<Applied> {
  switch (m.name) {
    case 'logCall.v1': return logCall(ctx, m.args);
    case 'saveResult.v1': return saveResult(ctx, m.args);
  }
}
