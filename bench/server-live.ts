/**
 * `npx tsx bench/server-live.ts` — live-event latency of the CRM server: 200 simulated operators
 * connected over WebSocket send agent states; a lead connected to the same server measures the
 * time until each operator's board row arrives (state → agent_events + agent_status → NOTIFY →
 * LISTEN → board row → lead; one row per `agent` message or several coalesced in `agents`).
 * Beside it, a raw `ws` echo round-trip measured in the same run as the
 * baseline. Env: OPERATORS (200), SAMPLES (400), DATABASE_URL/DATABASE_SCHEMA to bench on PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';

const ROOT = resolve(__dirname, '..');
const OPERATORS = Number(process.env.OPERATORS ?? 200);
const SAMPLES = Number(process.env.SAMPLES ?? 400);
// the bench measures taking and live events, not the customers' calling window: call around the clock
process.env.CALLING_WINDOW ??= '00:00-24:00';

type Msg = Record<string, unknown>;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function startServer(): Promise<{ url: string; stop: () => void; dataDir: string | null }> {
  const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'prozvon-bench-'));
  const env = { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...(dataDir ? { DATA_DIR: dataDir } : {}) };
  const proc = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'server/index.ts'), '--demo'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((res, rej) => {
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m?.[1]) res(m[1]);
    });
    proc.once('exit', (code) => rej(new Error(`server exited ${code}: ${out}`)));
  });
  return { url, dataDir, stop: () => { proc.kill('SIGTERM'); } };
}

async function api(url: string, method: string, path: string, token: string | null, body?: unknown): Promise<Msg> {
  const r = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await r.json() as Msg;
  if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

function openWs(url: string, token?: string): Promise<WebSocket> {
  const ws = new WebSocket(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return new Promise((res, rej) => { ws.once('open', () => res(ws)); ws.once('error', rej); });
}

async function echoBaseline(samples: number): Promise<number[]> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (s) => s.on('message', (d) => s.send(d.toString())));
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const port = (wss.address() as { port: number }).port;
  const ws = await openWs(`ws://127.0.0.1:${port}`);
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await new Promise<void>((res) => { ws.once('message', () => res()); ws.send(JSON.stringify({ type: 'state', state: i % 2 ? 'ready' : 'break', i })); });
    out.push(performance.now() - t0);
  }
  ws.close();
  await new Promise<void>((r) => wss.close(() => r()));
  return out;
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    const adminToken = (await api(server.url, 'POST', '/auth/login', null, { login: 'admin', password: 'admin' })).token as string;
    const teams = (await api(server.url, 'GET', '/admin/teams', adminToken)).teams as Array<{ id: number }>;
    const teamId = teams[0]?.id ?? null;
    process.stdout.write(`creating ${OPERATORS} operators…\n`);
    const tokens: Array<{ id: number; token: string }> = [];
    for (let i = 0; i < OPERATORS; i++) {
      const login = `bench${i}`;
      const u = await api(server.url, 'POST', '/admin/users', adminToken, { login, name: `Бенч ${i}`, role: 'operator', teamId, password: 'benchpw' });
      const t = await api(server.url, 'POST', '/auth/login', null, { login, password: 'benchpw' });
      tokens.push({ id: u.id as number, token: t.token as string });
    }
    const liveUrl = `${server.url.replace(/^http/, 'ws')}/api/v1/live`;
    const leadToken = (await api(server.url, 'POST', '/auth/login', null, { login: 'lead', password: 'lead' })).token as string;
    const lead = await openWs(liveUrl, leadToken);
    const waiters = new Map<string, (t: number) => void>();
    lead.on('message', (d) => {
      const m = JSON.parse(d.toString()) as Msg;
      const rows = (m.type === 'agent' ? [m.agent] : m.type === 'agents' ? m.agents : []) as Array<{ userId: number; state: string }>;
      const t = performance.now();
      for (const a of rows) {
        const key = `${a.userId}:${a.state}`;
        const w = waiters.get(key);
        if (w) { waiters.delete(key); w(t); }
      }
    });
    const ops = await Promise.all(tokens.map((t) => openWs(liveUrl, t.token)));
    process.stdout.write(`${ops.length} operators and 1 lead connected\n`);
    const stateOf = new Map<number, string>();
    const send = (i: number): Promise<number> => {
      const op = tokens[i] as { id: number };
      const state = stateOf.get(op.id) === 'ready' ? 'break' : 'ready';
      stateOf.set(op.id, state);
      const t0 = performance.now();
      const arrived = new Promise<number>((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no update for ${op.id}:${state}`)), 30_000);
        waiters.set(`${op.id}:${state}`, (t) => { clearTimeout(timer); res(t - t0); });
      });
      (ops[i] as WebSocket).send(JSON.stringify({ type: 'state', state, breakReason: state === 'break' ? 'other' : null, sipRegistered: true }));
      return arrived;
    };
    for (let i = 0; i < 20; i++) await send(i % OPERATORS); // warm-up
    const sequential: number[] = [];
    for (let i = 0; i < SAMPLES; i++) sequential.push(await send(i % OPERATORS));
    const burst: number[] = [];
    for (let round = 0; round < 3; round++) burst.push(...await Promise.all(tokens.map((_, i) => send(i))));
    const echo = await echoBaseline(SAMPLES);

    const e50 = pct(echo, 50);
    const s50 = pct(sequential, 50);
    process.stdout.write([
      '',
      `live-event latency, ${OPERATORS} operators connected, one lead watching (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
      `  raw ws echo round-trip   (n=${echo.length}): p50 ${fmt(e50)}  p99 ${fmt(pct(echo, 99))}`,
      `  state → lead, one at a time (n=${sequential.length}): p50 ${fmt(s50)}  p99 ${fmt(pct(sequential, 99))}`,
      `  state → lead, all ${OPERATORS} at once (n=${burst.length}): p50 ${fmt(pct(burst, 50))}  p99 ${fmt(pct(burst, 99))}`,
      `  ratio live/echo p50: ${(s50 / e50).toFixed(1)}×`,
      '',
    ].join('\n'));
    for (const ws of [...ops, lead]) ws.close();
  } finally {
    server.stop();
    if (server.dataDir) setTimeout(() => rmSync(server.dataDir as string, { recursive: true, force: true }), 1000);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
