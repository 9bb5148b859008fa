import type { Db, Sql } from '../db/db';
import type { ServerConfig } from '../config';
import { hashPassword } from '../auth/passwords';
import { DEMO_OFFERS, DEMO_TARIFFS, demoScript } from './demo-offers';
import { demoOrders, demoTotals } from './demo-orders';
import { statusOfResult } from '../../shared/domain/results';
import type { ResultKind, SaveResultArgs } from '../../shared/domain/schemas';
import { resolveCustomerZone } from '../../shared/domain/customer-zone';

/** Names of the demo operators operator1…operator5. */
export const DEMO_OPERATOR_NAMES = ['Алина Смирнова', 'Антон Григорьев', 'Дарья Ефимова', 'Максим Тихонов', 'Ирина Белякова'] as const;

/** Demo logins, printed at start and in the README. */
export const DEMO_CREDENTIALS = 'admin/admin, lead/lead, operator1…operator5/operator';

/**
 * Seeds demo data into an empty database (no-op when users exist): users with SIP accounts,
 * offers with promo terms, scripts, delivery tariffs, the operators' offers and ~300 orders
 * with calls and results (the reason directory comes with migration 0002).
 */
export async function seedDemo(db: Db, config: ServerConfig, now: Date): Promise<void> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((rows[0]?.n ?? 0) > 0) return;
  const hashes = new Map<string, string>();
  for (const pw of ['admin', 'lead', 'operator']) hashes.set(pw, await hashPassword(pw));
  await db.tx(async (sql) => {
    const team = await sql.query<{ id: number }>("INSERT INTO teams (name) VALUES ('Команда 1') RETURNING id");
    const teamId = team.rows[0]?.id ?? null;
    const users: Array<[string, string, string, string]> = [
      ['admin', 'Администратор', 'admin', 'admin'],
      ['lead', 'Ольга Кравцова', 'lead', 'lead'],
      ...DEMO_OPERATOR_NAMES.map((name, i): [string, string, string, string] => [`operator${i + 1}`, name, 'operator', 'operator']),
    ];
    const ids = new Map<string, number>();
    for (const [login, name, role, password] of users) {
      const r = await sql.query<{ id: number }>(
        `INSERT INTO users (login, name, role, password_hash, team_id, sip_ws_url, sip_domain, sip_user, sip_password)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
        [login, name, role, hashes.get(password), teamId, config.sipWsUrl, config.sipDomain, login, password],
      );
      ids.set(login, r.rows[0]?.id ?? 0);
    }
    await seedCatalog(sql);
    // operator1–3 work with every active offer (no rows); operator4 and operator5 with some.
    const own: Array<[string, string[]]> = [['operator4', ['ARTRO-GEL', 'SLIM-TEA', 'OKUVITA']], ['operator5', ['CARDIO-BAL', 'NECK-RELAX', 'HAIR-OIL']]];
    for (const [login, skus] of own) {
      for (const sku of skus) await sql.query('INSERT INTO user_offers (user_id, offer_sku) VALUES ($1, $2)', [ids.get(login), sku]);
    }
    const operators = [1, 2, 3, 4, 5].map((i) => ids.get(`operator${i}`) ?? 0);
    await seedOrders(sql, now, config.timeZone, operators);
  });
}

/** Offers, scripts and delivery tariffs of the demo. */
async function seedCatalog(sql: Sql): Promise<void> {
  for (const o of DEMO_OFFERS) {
    await sql.query('INSERT INTO offers (sku, name, price_kop, promo, active) VALUES ($1,$2,$3,$4,$5)', [o.sku, o.name, o.priceKop, JSON.stringify(o.promo), o.active]);
    const s = demoScript(o);
    await sql.query('INSERT INTO scripts (offer_sku, sections, objections) VALUES ($1,$2,$3)', [o.sku, JSON.stringify(s.sections), JSON.stringify(s.objections)]);
  }
  for (const [region, method, carrier, rub, dmin, dmax] of DEMO_TARIFFS) {
    await sql.query('INSERT INTO delivery_tariffs (region, method, carrier, price_kop, days_min, days_max) VALUES ($1,$2,$3,$4,$5,$6)', [region, method, carrier, rub * 100, dmin, dmax]);
  }
}

/** Regions the demo's landing pages report for fresh orders (west to east: some are asleep at any hour). */
const DEMO_INGEST_REGIONS = ['77', '50', '78', '16', '66', '54', '39', '23', '25', '41', '02', '24'];

async function seedOrders(sql: Sql, now: Date, timeZone: string, operators: number[]): Promise<void> {
  for (const [i, o] of demoOrders(now, timeZone, DEMO_OFFERS, operators).entries()) {
    const at = o.result?.at ?? o.createdAt;
    const zone = resolveCustomerZone({ addressRegion: o.address.region, ingest: { region: DEMO_INGEST_REGIONS[i % DEMO_INGEST_REGIONS.length] }, phoneE164: o.phone });
    const r = await sql.query<{ id: number }>(
      `INSERT INTO orders (external_id, status, created_at, updated_at, failed_attempts, callback_at, last_attempt_at, assignee_id, offer_sku,
                           customer_name, phone, phone_valid, gender, address, lines, delivery, problem, comment, customer_zone, zone_source)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20) RETURNING id`,
      [o.externalId, o.status, o.createdAt.toISOString(), at.toISOString(), o.failedAttempts, o.callbackAt?.toISOString() ?? null,
        o.lastAttemptAt?.toISOString() ?? null, o.assignee, o.offerSku, o.customerName, o.phone, o.phoneValid, o.gender,
        JSON.stringify(o.address), JSON.stringify(o.lines), o.delivery ? JSON.stringify(o.delivery) : null, o.problem, o.comment,
        zone.zone, zone.source],
    );
    const id = r.rows[0]?.id;
    for (const c of o.calls) {
      await sql.query(
        'INSERT INTO calls (call_id, order_id, user_id, started_at, answered_at, ended_at, outcome, duration_sec) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
        [c.callId, id, o.assignee, c.startedAt.toISOString(), c.answeredAt?.toISOString() ?? null, c.endedAt.toISOString(), c.outcome,
          c.answeredAt ? Math.round((c.endedAt.getTime() - c.answeredAt.getTime()) / 1000) : 0],
      );
    }
    if (o.result && o.assignee !== null) {
      const t = demoTotals(o);
      const variant = o.result.variant as SaveResultArgs['variant'];
      await sql.query(
        `INSERT INTO order_results (order_id, user_id, result, variant, status, problem, comment, callback_at, subtotal_kop, delivery_kop, total_kop, extra_items, at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        [id, o.assignee, o.result.result, variant, statusOfResult(o.result.result as ResultKind, variant), o.problem, o.comment,
          o.callbackAt?.toISOString() ?? null, t.subtotal, t.delivery, t.total, t.extra, o.result.at.toISOString()],
      );
    }
  }
}
