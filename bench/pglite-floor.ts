/**
 * `npx tsx bench/pglite-floor.ts` — a busy floor on the default database. Starts the real server
 * process (demo data) on PGlite, then on PostgreSQL as the baseline; OPERATORS simulated operators
 * loop `POST /queue/next` + `POST /sync/push` (logCall, then saveResult) for FLOOR_SECONDS, while a
 * prober opens a NEW connection every PROBE_MS to each of: GET /health, POST /orders (landing-page
 * ingest), GET /board (lead) and an unknown path (404). Prints p50/p99 of the operators' requests,
 * p99/max of every probe kind, the goal lines and the ratio PGlite p99 / PostgreSQL p99.
 * Env: OPERATORS (100), FLOOR_SECONDS (45), PROBE_MS (250), ORDERS (orders ingested first, 3000),
 * BACKENDS (`pglite,pg`), DATABASE_URL / TEST_DATABASE_URL for PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Order } from '../shared/domain/schemas';
import { INGEST_KEY, client, startServerProcess, type Backend, type ServerProcess } from '../test/server/support/server-process';
import { answeredCall, confirmArgs } from '../test/server/support/order-flow';

const OPERATORS = Number(process.env.OPERATORS ?? 100);
const SECONDS = Number(process.env.FLOOR_SECONDS ?? 45);
const PROBE_MS = Number(process.env.PROBE_MS ?? 250);
const ORDERS = Number(process.env.ORDERS ?? 3000);
const BACKENDS = (process.env.BACKENDS ?? 'pglite,pg').split(',') as Backend[];
const GOAL_P99_MS = 2000;
const GOAL_PROBE_MS = 1000;
const PROBES = ['health', 'ingest', 'board', 'notFound'] as const;
type Probe = (typeof PROBES)[number];

type Figures = { operatorRequests: number; p50: number; p99: number; saves: number; errors: number; probes: Record<Probe, { n: number; p99: number; max: number }> };

function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

let externalSeq = 0;
function orderBody(): string {
  externalSeq++;
  return JSON.stringify({ externalId: `floor-${Date.now()}-${externalSeq}`, customerName: 'Иван', phone: '+79123456789', offerSku: 'ARTRO-GEL' });
}

/** One request on a brand-new TCP connection (what a browser, a landing page or a monitor opens); resolves with the status. */
function freshRequest(url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method, agent: false, headers: { connection: 'close', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Creates the floor: OPERATORS operator accounts, ORDERS fresh orders; returns operator and lead tokens. */
async function prepare(srv: ServerProcess): Promise<{ operators: string[]; lead: string }> {
  const admin = client(srv.url, await srv.login('admin', 'admin'));
  const logins = Array.from({ length: OPERATORS }, (_, i) => `floor${i + 1}`);
  for (const login of logins) {
    const r = await admin.post('/admin/users', { login, name: `Оператор ${login}`, role: 'operator', password: 'operator' });
    if (r.status !== 201) throw new Error(`creating ${login}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const ingest = client(srv.url);
  let made = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (made < ORDERS) {
      made++;
      const r = await ingest.post('/orders', orderBody(), { 'x-api-key': INGEST_KEY });
      if (r.status !== 201) throw new Error(`ingest: ${r.status}`);
    }
  }));
  const operators: string[] = [];
  for (const login of logins) operators.push(await srv.login(login, 'operator'));
  return { operators, lead: await srv.login('lead', 'lead') };
}

async function floor(backend: Backend): Promise<Figures> {
  const srv = await startServerProcess({ demo: true, pg: backend === 'pg' });
  try {
    const { operators, lead } = await prepare(srv);
    const until = performance.now() + SECONDS * 1000;
    const latencies: number[] = [];
    let saves = 0;
    let errors = 0;
    const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const out = await fn();
      latencies.push(performance.now() - t);
      return out;
    };
    const operator = async (token: string) => {
      const api = client(srv.url, token);
      const clientId = randomUUID();
      let mutationId = 0;
      while (performance.now() < until) {
        const next = await timed(() => api.post('/queue/next'));
        if (next.status !== 200) {
          if (next.status !== 204) errors++;
          continue;
        }
        const order = next.body.order as Order;
        const push = await timed(() => api.post('/sync/push', {
          clientId,
          mutations: [answeredCall(order.id, mutationId + 1), { id: mutationId + 2, name: 'saveResult.v1', args: confirmArgs(order) }],
        }));
        mutationId += 2;
        if (push.status === 200 && push.body.results.every((r: { status: string }) => r.status === 'applied')) saves++;
        else errors++;
      }
    };
    const waits: Record<Probe, number[]> = { health: [], ingest: [], board: [], notFound: [] };
    const probeOnce = async (kind: Probe) => {
      const t = performance.now();
      const status = kind === 'health' ? await freshRequest(srv.url, 'GET', '/api/v1/health', {})
        : kind === 'ingest' ? await freshRequest(srv.url, 'POST', '/api/v1/orders', { 'content-type': 'application/json', 'x-api-key': INGEST_KEY }, orderBody())
          : kind === 'board' ? await freshRequest(srv.url, 'GET', '/api/v1/board', { authorization: `Bearer ${lead}` })
            : await freshRequest(srv.url, 'GET', '/api/v1/no-such-route', {});
      const expected = kind === 'ingest' ? 201 : kind === 'notFound' ? 404 : 200;
      if (status !== expected) errors++;
      waits[kind].push(performance.now() - t);
    };
    const prober = async () => {
      const pending: Promise<void>[] = [];
      while (performance.now() < until) {
        for (const kind of PROBES) pending.push(probeOnce(kind));
        await new Promise((r) => setTimeout(r, PROBE_MS));
      }
      await Promise.all(pending);
    };
    await Promise.all([...operators.map(operator), prober()]);
    const probes = Object.fromEntries(PROBES.map((k) => [k, { n: waits[k].length, p99: quantile(waits[k], 0.99), max: Math.max(0, ...waits[k]) }])) as Figures['probes'];
    return { operatorRequests: latencies.length, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), saves, errors, probes };
  } finally {
    await srv.stop();
  }
}

function print(backend: Backend, f: Figures): void {
  const ms = (v: number) => `${Math.round(v)} ms`;
  const worstProbe = Math.max(...PROBES.map((k) => f.probes[k].max));
  console.log(`\n${backend}: ${OPERATORS} operators × ${SECONDS} s — ${f.operatorRequests} operator requests, ${f.saves} results saved, ${f.errors} errors`);
  console.log(`  operator requests  p50 ${ms(f.p50)}  p99 ${ms(f.p99)}   goal p99 ≤ 2 s: ${f.p99 <= GOAL_P99_MS ? 'met' : 'MISSED'}`);
  for (const k of PROBES) console.log(`  probe ${k.padEnd(8)}  n ${String(f.probes[k].n).padStart(4)}  p99 ${ms(f.probes[k].p99)}  max ${ms(f.probes[k].max)}`);
  console.log(`  every probe ≤ 1 s: ${worstProbe <= GOAL_PROBE_MS ? 'met' : 'MISSED'} (worst ${ms(worstProbe)})`);
}

async function main(): Promise<void> {
  const results = new Map<Backend, Figures>();
  for (const backend of BACKENDS) {
    const f = await floor(backend);
    results.set(backend, f);
    print(backend, f);
  }
  const lite = results.get('pglite');
  const pg = results.get('pg');
  if (lite && pg) console.log(`\nratio PGlite p99 / PostgreSQL p99: ${(lite.p99 / Math.max(1, pg.p99)).toFixed(2)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
