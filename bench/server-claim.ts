/**
 * `npx tsx bench/server-claim.ts` — claim throughput and latency of `POST /api/v1/queue/next` on
 * PostgreSQL (a real server on a fresh schema), beside a baseline measured in the same run: a raw
 * `pg` loop of `SELECT … FOR UPDATE SKIP LOCKED` + `UPDATE` transactions over the same rows. Also
 * `POST /api/v1/orders/:id/claim` over a fresh set of the same orders, each id claimed once.
 * Env: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), ORDERS (2000), WORKERS (20).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { configFromEnv } from '../server/config';
import { startServer } from '../server/server';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ORDERS = Number(process.env.ORDERS ?? 2000);
const WORKERS = Number(process.env.WORKERS ?? 20);
// the bench measures taking, not the customers' calling window: call around the clock
process.env.CALLING_WINDOW ??= '00:00-24:00';
const SKU = 'BENCH';

type Stats = { n: number; seconds: number; perSec: number; p50: number; p99: number };

function stats(latencies: number[], seconds: number): Stats {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { n: s.length, seconds, perSec: s.length / seconds, p50: at(0.5), p99: at(0.99) };
}

async function fillOrders(c: pg.Client, count: number): Promise<void> {
  await c.query(`DELETE FROM order_removals; UPDATE orders SET status = 'confirmed' WHERE offer_sku = '${SKU}'`);
  await c.query(
    `INSERT INTO orders (status, created_at, updated_at, offer_sku, customer_name, phone, address, lines)
     SELECT 'new', now() - (g || ' seconds')::interval, now(), $1, 'Бенч', '+79123456789', '{}', '[]' FROM generate_series(1, $2) g`,
    [SKU, count],
  );
}

/** Runs `workers` loops of `step` until each returns false; latency per successful step in ms. */
async function run(workers: number, step: () => Promise<boolean>): Promise<Stats> {
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: workers }, async () => {
    for (;;) {
      const t = performance.now();
      if (!(await step())) return;
      lat.push(performance.now() - t);
    }
  }));
  return stats(lat, (performance.now() - t0) / 1000);
}

async function main(): Promise<void> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const config = configFromEnv({ DATABASE_URL: URL, DATABASE_SCHEMA: schema, PORT: '0', LOG_LEVEL: 'warn' }, ['--demo']);
  const server = await startServer(config);
  const admin = new pg.Client({ connectionString: URL, options: `-c search_path=${schema}` });
  await admin.connect();
  try {
    await admin.query(`INSERT INTO offers (sku, name, price_kop) VALUES ($1, 'Бенч', 100)`, [SKU]);
    await admin.query('DELETE FROM user_offers');
    const ops = await admin.query<{ id: number; login: string }>("SELECT id, login FROM users WHERE role = 'operator' ORDER BY id");
    for (const u of ops.rows) await admin.query('INSERT INTO user_offers (user_id, offer_sku) VALUES ($1, $2)', [u.id, SKU]);
    const tokens: string[] = [];
    for (const u of ops.rows) {
      const r = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: u.login, password: 'operator' }) });
      tokens.push(((await r.json()) as { token: string }).token);
    }

    await fillOrders(admin, ORDERS);
    let i = 0;
    const api = await run(WORKERS, async () => {
      const token = tokens[i++ % tokens.length];
      const r = await fetch(`${server.url}/api/v1/queue/next`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      await r.arrayBuffer();
      if (r.status !== 200 && r.status !== 204) throw new Error(`queue/next answered ${r.status}`);
      return r.status === 200;
    });

    await fillOrders(admin, ORDERS);
    const ids = (await admin.query<{ id: number }>(`SELECT id FROM orders WHERE offer_sku = $1 AND status = 'new' ORDER BY created_at, id`, [SKU])).rows.map((r) => r.id);
    let k = 0;
    const byId = await run(WORKERS, async () => {
      const n = k++;
      const id = ids[n];
      if (id === undefined) return false;
      const r = await fetch(`${server.url}/api/v1/orders/${id}/claim`, { method: 'POST', headers: { authorization: `Bearer ${tokens[n % tokens.length]}` } });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`orders/${id}/claim answered ${r.status}`);
      return true;
    });

    await fillOrders(admin, ORDERS);
    const pool = new pg.Pool({ connectionString: URL, max: WORKERS, options: `-c search_path=${schema}` });
    let j = 0;
    const raw = await run(WORKERS, async () => {
      const user = ops.rows[j++ % ops.rows.length]?.id;
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const r = await c.query<{ id: number }>(
          `SELECT id FROM orders WHERE status = 'new' AND offer_sku = $1 AND assignee_id IS NULL ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`, [SKU]);
        const id = r.rows[0]?.id;
        if (id !== undefined) await c.query(`UPDATE orders SET assignee_id = $2, lease_until = now() + interval '10 minutes' WHERE id = $1`, [id, user]);
        await c.query('COMMIT');
        return id !== undefined;
      } finally {
        c.release();
      }
    });
    await pool.end();

    const f = (s: Stats) => `${s.n} claims in ${s.seconds.toFixed(2)} s = ${s.perSec.toFixed(0)}/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`;
    process.stdout.write(`server-claim bench on PostgreSQL, ${ORDERS} orders, ${WORKERS} concurrent workers\n`);
    process.stdout.write(`  POST /queue/next (HTTP, auth, priority SQL, version, removal): ${f(api)}\n`);
    process.stdout.write(`  POST /orders/:id/claim (HTTP, auth, lock by id, rules, version):  ${f(byId)}\n`);
    process.stdout.write(`  baseline raw pg SELECT … FOR UPDATE SKIP LOCKED + UPDATE:        ${f(raw)}\n`);
    const ratio = (name: string, x: Stats) => `  ratio ${name}/baseline: throughput ${(x.perSec / raw.perSec).toFixed(2)}×, p50 ${(x.p50 / raw.p50).toFixed(1)}×, p99 ${(x.p99 / raw.p99).toFixed(1)}×\n`;
    process.stdout.write(ratio('queue/next', api) + ratio('orders/:id/claim', byId));
    if (api.n !== ORDERS || byId.n !== ORDERS || raw.n !== ORDERS) throw new Error(`expected ${ORDERS} claims each, got ${api.n}, ${byId.n} and ${raw.n}`);
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
    await server.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
