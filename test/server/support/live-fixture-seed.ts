/** The live/report fixture rows (see live-fixture.ts), written into a migrated database. */
import type { Db } from '../../../server/db/db';
import { hashPassword } from '../../../server/auth/passwords';

export const PASSWORD = 'secret1';

/** Ids of the fixture rows. */
export type Fixture = {
  teamA: number; teamB: number;
  admin: number; leadA: number; leadB: number; op1: number; op2: number; op3: number;
  orders: { callbackDue: number; heldByOp2: number; heldByOp1: number; o1: number; o2: number; o3: number; o4: number };
};

/** The evening shift of op1: 21:00 MSK 27.11 → 01:30 MSK 28.11, lunch across midnight. */
export const SHIFT: Array<[string, string]> = [
  ['ready', '2026-11-27T18:00:00Z'], ['dialing', '2026-11-27T19:30:00Z'], ['ringing', '2026-11-27T19:31:00Z'],
  ['talking', '2026-11-27T19:32:00Z'], ['wrapUp', '2026-11-27T19:40:00Z'], ['ready', '2026-11-27T19:45:00Z'],
  ['break', '2026-11-27T20:30:00Z'], ['ready', '2026-11-27T21:15:00Z'], ['talking', '2026-11-27T22:00:00Z'],
  ['wrapUp', '2026-11-27T22:20:00Z'], ['offline', '2026-11-27T22:30:00Z'],
];

const EMPTY_ADDRESS = JSON.stringify({ postalCode: null, region: '', district: '', city: '', cityId: null, street: '', house: '', building: '', korpus: '', apartment: '' });

async function one<T>(db: Db, text: string, params: unknown[]): Promise<T> {
  const { rows } = await db.query<T>(text, params);
  return rows[0] as T;
}

/** Writes the fixture into a migrated database. */
export async function seedFixture(db: Db): Promise<Fixture> {
  const hash = await hashPassword(PASSWORD);
  const teamA = (await one<{ id: number }>(db, "INSERT INTO teams (name) VALUES ('Команда А') RETURNING id", [])).id;
  const teamB = (await one<{ id: number }>(db, "INSERT INTO teams (name) VALUES ('Команда Б') RETURNING id", [])).id;
  const user = async (login: string, name: string, role: string, team: number | null) =>
    (await one<{ id: number }>(db, 'INSERT INTO users (login, name, role, password_hash, team_id) VALUES ($1,$2,$3,$4,$5) RETURNING id', [login, name, role, hash, team])).id;
  const admin = await user('admin', 'Админ', 'admin', null);
  const leadA = await user('leada', 'Лида А', 'lead', teamA);
  const leadB = await user('leadb', 'Лида Б', 'lead', teamB);
  const op1 = await user('op1', 'Анна Первая', 'operator', teamA);
  const op2 = await user('op2', '=HYPERLINK("http://x")', 'operator', teamA);
  const op3 = await user('op3', 'Вера Третья', 'operator', teamB);
  await db.query("INSERT INTO offers (sku, name, price_kop) VALUES ('CREAM', 'Крем для суставов', 150000)", []);
  for (const u of [op1, op2, op3]) await db.query("INSERT INTO user_offers (user_id, offer_sku) VALUES ($1, 'CREAM')", [u]);
  const order = async (status: string, assignee: number | null, extra: { callbackAt?: string; leaseUntil?: string; name?: string } = {}) =>
    (await one<{ id: number }>(db,
      `INSERT INTO orders (status, created_at, updated_at, assignee_id, lease_until, callback_at, offer_sku, customer_name, phone, address, lines)
       VALUES ($1, '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z', $2, $3, $4, 'CREAM', $5, '+79161234567', $6::jsonb, '[]'::jsonb) RETURNING id`,
      [status, assignee, extra.leaseUntil ?? null, extra.callbackAt ?? null, extra.name ?? 'Иван Петров', EMPTY_ADDRESS])).id;
  const o1 = await order('confirmed', op1);
  const o2 = await order('cancelled', op1);
  const o3 = await order('confirmed', op1);
  const o4 = await order('no_answer', op1);
  const callbackDue = await order('callback', op1, { callbackAt: '2026-11-27T12:00:00Z', name: 'Пётр Перезвонов' });
  const heldByOp2 = await order('new', op2, { leaseUntil: '2099-01-01T00:00:00Z' });
  const heldByOp1 = await order('callback', op1, { leaseUntil: '2099-01-01T00:00:00Z', callbackAt: '2099-01-01T00:00:00Z' });
  for (const [state, at] of SHIFT) {
    await db.query('INSERT INTO agent_events (user_id, state, break_reason, at) VALUES ($1,$2,$3,$4)', [op1, state, state === 'break' ? 'lunch' : null, at]);
  }
  const call = async (id: string, orderId: number, startedAt: string, outcome: string) =>
    db.query('INSERT INTO calls (call_id, order_id, user_id, started_at, answered_at, ended_at, outcome) VALUES ($1,$2,$3,$4,$5,$4,$6)',
      [id, orderId, op1, startedAt, outcome === 'answered' ? startedAt : null, outcome]);
  await call('c1', o1, '2026-11-27T19:30:00Z', 'answered');
  await call('c2', o2, '2026-11-27T19:50:00Z', 'noAnswer');
  await call('c3', o2, '2026-11-27T20:00:00Z', 'busy');
  await call('c4', o3, '2026-11-27T22:00:00Z', 'answered');
  const result = async (orderId: number, result: string, status: string, at: string, total: number, delivery: number, extras: number) =>
    db.query('INSERT INTO order_results (order_id, user_id, result, status, total_kop, delivery_kop, subtotal_kop, extra_items, at) VALUES ($1,$2,$3,$4,$5,$6,$5,$7,$8)',
      [orderId, op1, result, status, total, delivery, extras, at]);
  await result(o1, 'confirm', 'confirmed', '2026-11-27T19:44:00Z', 280_000, 30_000, 1);
  await result(o2, 'cancel', 'cancelled', '2026-11-27T20:05:00Z', 0, 0, 0);
  await result(o3, 'confirm', 'confirmed', '2026-11-27T22:25:00Z', 150_000, 0, 0);
  await result(o4, 'noAnswer', 'no_answer', '2026-11-27T22:26:00Z', 0, 0, 0);
  await db.query("INSERT INTO plans (user_id, day, target_confirmed, target_calls) VALUES ($1, '2026-11-27', 2, 10), ($1, '2026-11-28', 4, 20)", [op1]);
  return { teamA, teamB, admin, leadA, leadB, op1, op2, op3, orders: { callbackDue, heldByOp2, heldByOp1, o1, o2, o3, o4 } };
}

