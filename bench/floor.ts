/**
 * `npx tsx bench/floor.ts` — the floor simulator. Two real server processes on one PostgreSQL
 * schema; OPERATORS simulated desks (main's own HttpClient and LiveClient, alternating between
 * the two processes) work a shift: Next order, a call with its agent states (dialing → ringing →
 * talking → wrap-up, a quarter unanswered), logCall, saveResult, ready again, now and then a
 * break; they pull on every `poke` and on a timer. LEADS leads watch their teams' boards over the
 * live channel; landing pages ingest orders at the rate they are taken. Floor time runs
 * TIME_FACTOR times faster than real time for FLOOR_SECONDS, so OPERATORS × TIME_FACTOR is the
 * number of real-cadence seats whose request rate the run offers.
 *
 * Prints p50/p99 per route and for state → lead (the operator's state message until the lead's
 * board row shows it or a newer state), 5xx, double assignments (an order handed to a second
 * operator while the first still holds it), state changes lost, the NOTIFY batching of the bus;
 * then reconciles every acknowledged write with the database, and measures two baselines in the
 * same run: a raw `SELECT … FOR UPDATE SKIP LOCKED` + `UPDATE` loop and a raw NOTIFY → LISTEN
 * round trip. Each goal of issue #12 is printed beside its figure and baseline.
 * Env: OPERATORS (500), LEADS (10), FLOOR_SECONDS (60), TIME_FACTOR (4), TEST_DATABASE_URL.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { z } from 'zod';
import { hashToken } from '../server/auth/passwords';
import { HttpClient, HttpError } from '../main/sync/http-client';
import { LiveClient } from '../main/sync/live-client';
import { AgentStateResponse, type AgentState, type BoardAgent, type ServerMessage } from '../shared/api/live';
import { PullResponse, PushResponse, type Mutation } from '../shared/api/http';
import { Order, type SaveResultArgs } from '../shared/domain/schemas';
import { autoCallbackAt } from '../shared/domain/results';
import { INGEST_KEY, PG_URL, dropSchema, startServerProcess, type ServerProcess } from '../test/server/support/server-process';
import { confirmArgs } from '../test/server/support/order-flow';

const OPERATORS = Number(process.env.OPERATORS ?? 500);
const LEADS = Number(process.env.LEADS ?? 10);
const SECONDS = Number(process.env.FLOOR_SECONDS ?? 60);
const FACTOR = Number(process.env.TIME_FACTOR ?? 4);
const SKU = 'ARTRO-GEL';
const GOALS = { nextP99: 100, boardP99: 150 };

const NextResponse = z.union([z.null(), z.object({ order: Order.nullable() })]);
const Any = z.unknown();

const rand = (min: number, max: number) => min + Math.random() * (max - min);
/** Waits `floorSeconds` of floor time (real time divided by TIME_FACTOR). */
const floorWait = (floorSeconds: number) => new Promise((r) => setTimeout(r, (floorSeconds * 1000) / FACTOR));
const quantile = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);

/** Request latencies per route, 5xx and network failures. */
class Meter {
  readonly routes = new Map<string, number[]>();
  fivexx = 0;
  network = 0;
  async timed<T>(route: string, fn: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await fn();
    } catch (e) {
      if (e instanceof HttpError && e.status >= 500) this.fivexx++;
      else if (!(e instanceof HttpError)) this.network++;
      throw e;
    } finally {
      const list = this.routes.get(route) ?? [];
      list.push(performance.now() - t);
      this.routes.set(route, list);
    }
  }
}

/** State → lead: each state message waits for the first board row of its operator showing it (or a newer state). */
class BoardWatch {
  private readonly pending = new Map<number, Array<{ state: AgentState; t0: number }>>();
  readonly latencies: number[] = [];
  sent(userId: number, state: AgentState): void {
    const list = this.pending.get(userId) ?? [];
    list.push({ state, t0: performance.now() });
    this.pending.set(userId, list);
  }
  seen(row: BoardAgent): void {
    const list = this.pending.get(row.userId);
    if (!list) return;
    let last = -1;
    list.forEach((p, i) => { if (p.state === row.state) last = i; });
    if (last < 0) return;
    const now = performance.now();
    for (const p of list.splice(0, last + 1)) this.latencies.push(now - p.t0);
  }
  outstanding(): number {
    let n = 0;
    for (const l of this.pending.values()) n += l.length;
    return n;
  }
}

type Seat = { id: number; token: string; team: number };
type Ack = { orderId: number; userId: number; status: string; at: number };

/** Reads a process's CPU seconds (user + system) from /proc. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(f[11]) + Number(f[12])) / 100;
}

async function prepare(db: pg.Client): Promise<{ operators: Seat[]; leads: Seat[] }> {
  const hash = (await db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE login = 'operator1'")).rows[0]?.password_hash;
  const session = async (userId: number) => {
    const token = randomBytes(24).toString('hex');
    await db.query("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')", [hashToken(token), userId]);
    return token;
  };
  const leads: Seat[] = [];
  for (let t = 0; t < LEADS; t++) {
    const team = (await db.query<{ id: number }>('INSERT INTO teams (name) VALUES ($1) RETURNING id', [`Смена ${t + 1}`])).rows[0]?.id as number;
    const id = (await db.query<{ id: number }>("INSERT INTO users (login, name, role, password_hash, team_id) VALUES ($1, $2, 'lead', $3, $4) RETURNING id", [`floorlead${t}`, `Старший ${t + 1}`, hash, team])).rows[0]?.id as number;
    leads.push({ id, token: await session(id), team });
  }
  const operators: Seat[] = [];
  for (let i = 0; i < OPERATORS; i++) {
    const team = (leads[i % LEADS] as Seat).team;
    const id = (await db.query<{ id: number }>("INSERT INTO users (login, name, role, password_hash, team_id) VALUES ($1, $2, 'operator', $3, $4) RETURNING id", [`floorop${i}`, `Оператор ${i + 1}`, hash, team])).rows[0]?.id as number;
    await db.query('INSERT INTO user_offers (user_id, offer_sku) VALUES ($1, $2)', [id, SKU]);
    operators.push({ id, token: await session(id), team });
  }
  return { operators, leads };
}

let externalSeq = 0;
/** A landing page's order (the ingest API key, no session); throws on an error status. */
async function ingestOne(url: string, meter: Meter): Promise<void> {
  externalSeq++;
  const body = { externalId: `floor-${Date.now()}-${externalSeq}`, customerName: 'Иван Петров', phone: `+7912${String(1_000_000 + externalSeq).slice(-7)}`, offerSku: SKU };
  await meter.timed('POST orders (ingest)', async () => {
    const r = await fetch(`${url}/api/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': INGEST_KEY }, body: JSON.stringify(body) });
    await r.arrayBuffer();
    if (r.status >= 400) throw new HttpError(r.status, 'ingest', `ingest answered ${r.status}`);
  });
}

function noAnswerArgs(order: Order): SaveResultArgs {
  return {
    orderId: order.id, result: 'noAnswer', variant: null, problem: 'no_pickup',
    callbackAt: order.failedAttempts + 1 > 3 ? autoCallbackAt(new Date(), 'Europe/Moscow') : null,
    comment: 'Не берёт трубку', customer: order.customer, address: order.address, lines: order.lines, delivery: order.delivery,
  };
}

async function rawSkipLocked(schema: string, workers: number, rows: number): Promise<number[]> {
  const pool = new pg.Pool({ connectionString: PG_URL, max: workers, options: `-c search_path=${schema}` });
  await pool.query("INSERT INTO offers (sku, name, price_kop) VALUES ('BASELINE', 'Бенч', 100)");
  await pool.query(
    `INSERT INTO orders (status, created_at, updated_at, offer_sku, customer_name, phone, address, lines)
     SELECT 'new', now() - (g || ' seconds')::interval, now(), 'BASELINE', 'Бенч', '+79123456789', '{}', '[]' FROM generate_series(1, $1) g`, [rows]);
  const user = (await pool.query<{ id: number }>("SELECT id FROM users WHERE role = 'operator' LIMIT 1")).rows[0]?.id;
  const lat: number[] = [];
  await Promise.all(Array.from({ length: workers }, async () => {
    for (;;) {
      const t = performance.now();
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const r = await c.query<{ id: number }>("SELECT id FROM orders WHERE status = 'new' AND offer_sku = 'BASELINE' AND assignee_id IS NULL ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED");
        const id = r.rows[0]?.id;
        if (id !== undefined) await c.query("UPDATE orders SET assignee_id = $2, lease_until = now() + interval '10 minutes' WHERE id = $1", [id, user]);
        await c.query('COMMIT');
        if (id === undefined) return;
      } finally {
        c.release();
      }
      lat.push(performance.now() - t);
    }
  }));
  await pool.end();
  return lat;
}

async function rawNotifyRoundTrip(samples: number): Promise<number[]> {
  const listener = new pg.Client({ connectionString: PG_URL });
  const sender = new pg.Client({ connectionString: PG_URL });
  await listener.connect();
  await sender.connect();
  await listener.query('LISTEN floor_baseline');
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await new Promise<void>((res) => {
      listener.once('notification', () => res());
      void sender.query("SELECT pg_notify('floor_baseline', $1)", [String(i)]);
    });
    out.push(performance.now() - t);
  }
  await listener.end();
  await sender.end();
  return out;
}

async function main(): Promise<void> {
  const a = await startServerProcess({ demo: true, pg: true, keep: true });
  const schema = a.schema as string;
  let b: ServerProcess | null = null;
  const db = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  try {
    b = await startServerProcess({ pg: true, schema, keep: true });
    const servers = [a, b];
    await db.connect();
    const { operators, leads } = await prepare(db);
    const meter = new Meter();
    const watch = new BoardWatch();
    const expectedTakes = Math.ceil((OPERATORS * SECONDS * FACTOR) / 75);
    process.stdout.write(`floor: ${OPERATORS} operators, ${LEADS} leads, 2 server processes, ingesting ${expectedTakes} orders first…\n`);
    let made = 0;
    await Promise.all(Array.from({ length: 8 }, async (_, w) => {
      while (made < expectedTakes) { made++; await ingestOne((servers[w % 2] as ServerProcess).url, new Meter()); }
    }));

    // The bus as seen from outside: NOTIFY payloads and the events they carry.
    const busSpy = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await busSpy.connect();
    let notifies = 0;
    let busEvents = 0;
    busSpy.on('notification', (n) => { notifies++; busEvents += ((JSON.parse(n.payload ?? '{}') as { events?: unknown[] }).events ?? []).length; });
    await busSpy.query('LISTEN prozvon_events');

    const leadClients = leads.map((l, i) => {
      const c = new LiveClient({
        serverUrl: (servers[i % 2] as ServerProcess).url, token: () => l.token,
        onMessage: (m: ServerMessage) => {
          if (m.type === 'agent') watch.seen(m.agent);
          if (m.type === 'agents') m.agents.forEach((r) => watch.seen(r));
        },
        onOpen: () => undefined, onClose: () => undefined, onUnauthorized: () => undefined,
      });
      c.start();
      return c;
    });
    await Promise.all(leads.map((l, i) => meter.timed('GET board', () => new HttpClient((servers[i % 2] as ServerProcess).url, () => l.token).request('GET', '/board', Any))));

    const holders = new Map<number, number>();
    const acks: Ack[] = [];
    const ackedCalls: string[] = [];
    const lastState = new Map<number, AgentState>();
    let doubles = 0;
    let takes = 0;
    let rejected = 0;
    let empty = 0;
    let ingested = 0;
    const cpu0 = servers.map((s) => cpuSeconds(s.proc.pid));
    const driverCpu0 = process.cpuUsage();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const t0 = performance.now();
    const until = t0 + SECONDS * 1000;

    const operator = async (seat: Seat, index: number) => {
      const server = servers[index % 2] as ServerProcess;
      const http = new HttpClient(server.url, () => seat.token);
      const clientId = randomUUID();
      let cursor = '0';
      let mutationId = 0;
      let pulling: Promise<void> | null = null;
      const pull = () => {
        pulling ??= (async () => {
          try {
            for (;;) {
              const page = await meter.timed('GET sync/pull', () => http.request('GET', '/sync/pull', PullResponse, { query: { clientId, cursor, limit: 500 } }));
              cursor = page.cursor;
              if (!page.more) break;
            }
          } catch { /* counted by the meter */ } finally { pulling = null; }
        })();
        return pulling;
      };
      const live = new LiveClient({
        serverUrl: server.url, token: () => seat.token,
        onMessage: (m: ServerMessage) => { if (m.type === 'poke') void pull(); },
        onOpen: () => undefined, onClose: () => undefined, onUnauthorized: () => undefined,
      });
      const state = (s: AgentState, extra: { orderId?: number; callId?: string; breakReason?: 'lunch' | 'technical' | 'other' } = {}) => {
        if (lastState.get(seat.id) === s) return;
        lastState.set(seat.id, s);
        watch.sent(seat.id, s);
        live.sendState({ type: 'state', state: s, breakReason: extra.breakReason ?? null, orderId: extra.orderId ?? null, callId: extra.callId ?? null, sipRegistered: true });
      };
      /** Pushes one mutation; its id is used up once the server answered (a lost answer is retried as a duplicate, as the desk does). */
      const push = async (m: Mutation) => {
        const res = await meter.timed('POST sync/push', () => http.request('POST', '/sync/push', PushResponse, { body: { clientId, mutations: [m] } }));
        mutationId = res.lastMutationId;
        return res;
      };
      await floorWait(rand(0, 60)); // desks come in over the first floor minute
      live.start();
      const deadline = performance.now() + 30_000;
      while (!live.connected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await meter.timed('GET agent/state', () => http.request('GET', '/agent/state', AgentStateResponse)).catch(() => undefined);
      await pull();
      state('ready');
      const timer = setInterval(() => void pull(), 30_000 / FACTOR);
      try {
        while (performance.now() < until) {
          if (Math.random() < 0.08) {
            state('break', { breakReason: (['lunch', 'technical', 'other'] as const)[Math.floor(rand(0, 3))] });
            await floorWait(rand(60, 300));
            state('ready');
          }
          let next;
          try {
            next = await meter.timed('POST queue/next', () => http.request('POST', '/queue/next', NextResponse, { body: {} }));
          } catch {
            await floorWait(5);
            continue;
          }
          const order = next?.order ?? null;
          if (!order) { empty++; await floorWait(10); continue; }
          takes++;
          const other = holders.get(order.id);
          if (other !== undefined && other !== seat.id) doubles++;
          holders.set(order.id, seat.id);
          const callId = randomUUID();
          const startedAt = new Date();
          state('dialing', { orderId: order.id, callId });
          await floorWait(rand(3, 8));
          state('ringing', { orderId: order.id, callId });
          const answered = Math.random() < 0.75;
          await floorWait(answered ? rand(5, 15) : 20);
          let answeredAt: Date | null = null;
          if (answered) {
            answeredAt = new Date();
            state('talking', { orderId: order.id, callId });
            await floorWait(rand(20, 60));
          }
          state('wrapUp', { orderId: order.id });
          const log = await push({ id: mutationId + 1, name: 'logCall.v1', args: { callId, orderId: order.id, startedAt: startedAt.toISOString(), answeredAt: answeredAt?.toISOString() ?? null, endedAt: new Date().toISOString(), outcome: answered ? 'answered' : 'noAnswer' } } as Mutation).catch(() => null);
          if (log?.results[0]?.status === 'applied') ackedCalls.push(callId);
          await floorWait(rand(5, 15));
          const args = answered ? confirmArgs(order) : noAnswerArgs(order);
          const save = await push({ id: mutationId + 1, name: 'saveResult.v1', args } as Mutation).catch(() => null);
          const outcome = save?.results[0];
          if (outcome?.status === 'applied') acks.push({ orderId: order.id, userId: seat.id, status: answered ? 'confirmed' : 'no_answer', at: performance.now() });
          else if (outcome?.status === 'rejected') rejected++;
          if (holders.get(order.id) === seat.id) holders.delete(order.id);
          state('ready');
          await floorWait(rand(5, 20));
        }
      } finally {
        clearInterval(timer);
      }
      return live;
    };
    const landingPages = async () => {
      const perSecond = expectedTakes / SECONDS;
      let i = 0;
      while (performance.now() < until) {
        await ingestOne((servers[i++ % 2] as ServerProcess).url, meter).then(() => { ingested++; }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 1000 / perSecond));
      }
    };
    const [lives] = await Promise.all([Promise.all(operators.map(operator)), landingPages()]);
    const elapsed = (performance.now() - t0) / 1000;
    const cpu = servers.map((s, i) => (cpuSeconds(s.proc.pid) - (cpu0[i] as number)) / elapsed);
    lag.disable();
    const driverCpu = process.cpuUsage(driverCpu0);
    const driver = (driverCpu.user + driverCpu.system) / 1e6 / elapsed;
    const drainUntil = performance.now() + 10_000;
    while (watch.outstanding() > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
    const lost = watch.outstanding();

    // Reconcile every acknowledged write with the database.
    const lastAck = new Map<number, Ack>();
    for (const x of acks) if ((lastAck.get(x.orderId)?.at ?? -1) < x.at) lastAck.set(x.orderId, x);
    const ids = [...lastAck.keys()];
    const statuses = new Map((await db.query<{ id: number; status: string }>('SELECT id, status FROM orders WHERE id = ANY($1::int[])', [ids])).rows.map((r) => [r.id, r.status]));
    const wrongStatus = ids.filter((id) => statuses.get(id) !== lastAck.get(id)?.status).length;
    const resultRows = new Map((await db.query<{ order_id: number; user_id: number; n: string }>('SELECT order_id, user_id, count(*) AS n FROM order_results WHERE order_id = ANY($1::int[]) GROUP BY 1, 2', [ids])).rows.map((r) => [`${r.order_id}:${r.user_id}`, Number(r.n)]));
    const ackedPerPair = new Map<string, number>();
    for (const x of acks) ackedPerPair.set(`${x.orderId}:${x.userId}`, (ackedPerPair.get(`${x.orderId}:${x.userId}`) ?? 0) + 1);
    const wrongResults = [...ackedPerPair].filter(([k, n]) => resultRows.get(k) !== n).length;
    const calls = new Set((await db.query<{ call_id: string }>('SELECT call_id FROM calls WHERE call_id = ANY($1::text[])', [ackedCalls])).rows.map((r) => r.call_id));
    const missingCalls = ackedCalls.filter((c) => !calls.has(c)).length;
    const agentRows = new Map((await db.query<{ user_id: number; state: AgentState }>('SELECT user_id, state FROM agent_status WHERE user_id = ANY($1::int[])', [operators.map((o) => o.id)])).rows.map((r) => [r.user_id, r.state]));
    const wrongAgents = operators.filter((o) => lastState.has(o.id) && agentRows.get(o.id) !== lastState.get(o.id)).length;

    for (const l of [...lives, ...leadClients]) l.stop();
    await busSpy.end();

    const rawClaims = await rawSkipLocked(schema, 20, 2000);
    const rawNotify = await rawNotifyRoundTrip(300);

    const seats = OPERATORS * FACTOR;
    const line = (s: string) => process.stdout.write(`${s}\n`);
    line('');
    line(`floor simulator on PostgreSQL: ${OPERATORS} operators (live sockets) + ${LEADS} leads on 2 server processes, ${elapsed.toFixed(0)} s real = ${(elapsed * FACTOR / 60).toFixed(1)} floor minutes (TIME_FACTOR ${FACTOR})`);
    line(`  offered load = a ${seats}-seat floor at real cadence (a save every 60–120 s per seat); ${takes} orders taken, ${acks.length} results saved, ${rejected} rejected, ${empty} empty Next, ${ingested} orders ingested during the run`);
    line(`  server CPU: A ${((cpu[0] as number) * 100).toFixed(0)} %, B ${((cpu[1] as number) * 100).toFixed(0)} % of a core → about ${Math.round(seats / Math.max(0.01, (cpu[0] as number) + (cpu[1] as number)))} seats per server core at this mix`);
    line(`  this driver: ${(driver * 100).toFixed(0)} % of a core, event-loop delay p99 ${ms(lag.percentile(99) / 1e6)} (every figure below includes it; machine load average ${loadavg()[0]?.toFixed(1)})`);
    line('  route                       n      p50       p99');
    for (const [route, lat] of [...meter.routes].sort()) line(`  ${route.padEnd(24)} ${String(lat.length).padStart(6)} ${ms(quantile(lat, 0.5)).padStart(9)} ${ms(quantile(lat, 0.99)).padStart(9)}`);
    line(`  state → lead board row     ${String(watch.latencies.length).padStart(6)} ${ms(quantile(watch.latencies, 0.5)).padStart(9)} ${ms(quantile(watch.latencies, 0.99)).padStart(9)}`);
    line(`  bus: ${notifies} NOTIFY payloads carried ${busEvents} events (${(busEvents / Math.max(1, notifies)).toFixed(1)} per NOTIFY)`);
    line(`  reconcile: ${acks.length} acknowledged saves, ${wrongStatus} orders with another status, ${wrongResults} order/operator pairs with another result count; ${ackedCalls.length} acknowledged calls, ${missingCalls} missing; ${wrongAgents} operators whose stored state is not their last one`);
    line('');
    const nextLat = meter.routes.get('POST queue/next') ?? [];
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    line('goal (issue #12)                                   figure            baseline in this run                      verdict');
    line(`  queue/next p99 ≤ 100 ms on the floor            ${ms(quantile(nextLat, 0.99)).padEnd(17)} raw SKIP LOCKED+UPDATE p99 ${ms(quantile(rawClaims, 0.99))} (20 workers)  ${verdict(quantile(nextLat, 0.99) <= GOALS.nextP99)}`);
    line(`  board p99 ≤ 150 ms across two processes         ${ms(quantile(watch.latencies, 0.99)).padEnd(17)} raw NOTIFY→LISTEN p99 ${ms(quantile(rawNotify, 0.99))}, p50 ${ms(quantile(rawNotify, 0.5))}       ${verdict(quantile(watch.latencies, 0.99) <= GOALS.boardP99)}`);
    line(`  0 5xx                                           ${String(meter.fivexx).padEnd(17)} (network failures: ${meter.network})                      ${verdict(meter.fivexx === 0)}`);
    line(`  0 double assignments                            ${String(doubles).padEnd(17)}                                           ${verdict(doubles === 0)}`);
    line(`  0 lost (state changes never shown, writes)      ${String(lost + wrongStatus + wrongResults + missingCalls + wrongAgents).padEnd(17)}                                           ${verdict(lost + wrongStatus + wrongResults + missingCalls + wrongAgents === 0)}`);
    line(`  at 500 operators                                ran ${OPERATORS} sockets × TIME_FACTOR ${FACTOR} = ${seats}-seat request rate            ${seats >= 500 ? 'load covered' : 'extrapolated'}`);
  } finally {
    await db.end().catch(() => undefined);
    await b?.stop();
    await a.stop();
    await dropSchema(schema).catch(() => undefined);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
