/**
 * Integration harness: a REAL server process (tsx server/index.ts --demo, PGlite in a temp
 * DATA_DIR, a free loopback port) and the browser-mode host (main services) as a child process
 * that can be killed with SIGKILL and restarted on the same data folder. The host is driven
 * through the renderer's socket client, exactly as the UI drives it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import WebSocket from 'ws';
import { z } from 'zod';
import { freePort, waitForHealth } from '../../main/browser-host/start-web';
import { createSocketApi, type SocketCtor } from '../../renderer/api/socket-client';
import { LoginResponse, PullResponse, PushResponse, START_CURSOR, type Mutation } from '../../shared/api/http';
import { autoCallbackAt } from '../../shared/domain';
import { Order, type CallAttempt, type Order as OrderT, type SaveResultArgs } from '../../shared/domain/schemas';
import type { Api, EventName, EventPayload } from '../../shared/ipc/contract';
import { rmTmp, tmpDir } from './fixtures';

export const ROOT = path.resolve(__dirname, '../..');

/** Bundles the host once per test file (starts twice as fast as tsx; kill -9 hits one process). */
export async function buildHost(): Promise<string> {
  const outfile = path.join(ROOT, '.data', 'test-build', `host-${process.pid}.js`);
  await build({
    entryPoints: [path.join(ROOT, 'main/browser-host/start-web.ts')], outfile, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', external: ['better-sqlite3', 'electron', 'bufferutil', 'utf-8-validate'], logLevel: 'error',
  });
  return outfile;
}

export interface ServerProc { url: string; port: number; dataDir: string; proc: ChildProcess; stop(): Promise<void> }

/** Starts the real server (optionally on a given port/data folder, e.g. a restart). */
export async function startServer(dataDir: string, port?: number): Promise<ServerProc> {
  const p = port ?? (await freePort());
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--demo'], {
    cwd: ROOT, env: { ...process.env, HOST: '127.0.0.1', PORT: String(p), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => { stderr = (stderr + String(d)).slice(-4000); });
  const url = `http://127.0.0.1:${p}`;
  try {
    await waitForHealth(url, proc, 240_000);
  } catch (e) {
    proc.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${stderr}`, { cause: e });
  }
  return { url, port: p, dataDir, proc, stop: () => stopProc(proc, 'SIGTERM') };
}

export interface HostProc { url: string; api: Api & { close(): void }; proc: ChildProcess; kill9(): Promise<void>; stop(): Promise<void> }

/** Starts the browser-mode host on a data folder against the given server (timer pull off: pulls come from pokes, saves and sync.now). */
export async function startHost(bundle: string, dataDir: string, serverUrl: string): Promise<HostProc> {
  const proc = spawn(process.execPath, [bundle], {
    cwd: ROOT, env: { ...process.env, PROZVON_SERVER_URL: serverUrl, PROZVON_DATA_DIR: dataDir, PROZVON_PULL_INTERVAL_MS: '600000' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => { err = (err + String(d)).slice(-4000); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out} ${err}`)), 60_000);
    proc.stdout?.on('data', (d: Buffer) => {
      out += String(d);
      const m = /Prozvon: (http:\/\/127\.0\.0\.1:\d+\/\?t=\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`host exited (${code}): ${err}`)); });
  });
  const u = new URL(url);
  class OwnOrigin extends WebSocket { constructor(x: string) { super(x, { origin: u.origin }); } }
  const api = createSocketApi({ url: `ws://${u.host}/ipc?t=${u.searchParams.get('t')}`, WebSocketImpl: OwnOrigin as unknown as SocketCtor, timeoutMs: 60_000 });
  return {
    url, api, proc,
    kill9: async () => { api.close(); await stopProc(proc, 'SIGKILL'); },
    stop: async () => { api.close(); await stopProc(proc, 'SIGTERM'); },
  };
}

async function stopProc(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  await new Promise<void>((resolve) => { proc.once('exit', () => resolve()); proc.kill(signal); });
}

/** Unwraps an IPC reply or throws with its error. */
export async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Calls sync.now until the outbox is empty (the engine also retries on its own). */
export async function drain(api: Api, tries = 60): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const s = await ok(api['sync.now']({}));
    if (s.pending === 0 && s.online) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the outbox did not drain');
}

/** A raw HTTP client of the server for checks (what the server really holds). */
export async function rawClient(serverUrl: string, login: string, password: string) {
  const post = async (p: string, body: unknown, token?: string) => fetch(`${serverUrl}/api/v1${p}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
  });
  const auth = LoginResponse.parse(await (await post('/auth/login', { login, password })).json());
  const get = async (p: string) => {
    const res = await fetch(`${serverUrl}/api/v1${p}`, { headers: { authorization: `Bearer ${auth.token}` } });
    if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  return {
    auth,
    get,
    post: async (p: string, body: unknown) => {
      const res = await post(p, body, auth.token);
      if (!res.ok) throw new Error(`POST ${p}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<unknown>;
    },
    order: async (id: number) => z.object({ order: Order }).parse(await get(`/orders/${id}`)).order,
    pull: async (clientId: string, cursor = START_CURSOR) => {
      const all: PullResponse[] = [];
      let c = cursor;
      for (;;) {
        const page = PullResponse.parse(await get(`/sync/pull?clientId=${clientId}&cursor=${c}&limit=1000`));
        all.push(page);
        if (!page.more) return all;
        c = page.cursor;
      }
    },
    push: async (clientId: string, mutations: Mutation[]) => {
      const res = await post('/sync/push', { clientId, mutations }, auth.token);
      return { status: res.status, body: res.ok ? PushResponse.parse(await res.json()) : await res.json() };
    },
  };
}

/** The host's clientId, read from its cache file (read-only, WAL allows it while the host runs). */
export function clientIdOf(hostDataDir: string, login: string): string {
  const db = new Database(path.join(hostDataDir, 'client', `${login}.sqlite`), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT client_id FROM sync_state WHERE id = 1').pluck().get() as string;
  } finally {
    db.close();
  }
}

/** Resolves with the first event payload matching `pred` (rejects after `ms`). */
export function nextEvent<E extends EventName>(api: Api, event: E, pred: (p: EventPayload<E>) => boolean, ms = 30_000): Promise<EventPayload<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no ${event} event in ${ms} ms`)); }, ms);
    const off = api.on(event, (p) => { if (pred(p)) { clearTimeout(timer); off(); resolve(p); } });
  });
}

/** Polls `fn` until it returns a truthy value (rejects after `ms`). */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Removes the bundle built by buildHost. */
export function removeBundle(bundle: string): void {
  fs.rmSync(bundle, { force: true });
  fs.rmSync(`${bundle}.map`, { force: true });
}

export interface ServerRig {
  /** the temp folder: the server's data in `server/`, each host's in `<name>/` */
  dir: string;
  /** the running server (a test that restarts it stores the new one here) */
  server: ServerProc;
  /** Starts a host on `<dir>/<name>` against the server; it is stopped after all tests. */
  host(name: string): Promise<HostProc>;
}

/**
 * A real server and the bundled host around a test file: beforeAll builds the host and starts the
 * server in a temp folder; afterAll stops the hosts (SIGKILL when `stopHosts` is 'kill9') and the
 * server and removes the bundle and the folder. The fields are set once beforeAll ran.
 */
export function useServerRig(prefix: string, stopHosts: 'stop' | 'kill9' = 'stop'): ServerRig {
  let bundle = '';
  const hosts: HostProc[] = [];
  const rig = {
    host: async (name: string) => {
      const h = await startHost(bundle, path.join(rig.dir, name), rig.server.url);
      hosts.push(h);
      return h;
    },
  } as ServerRig;
  beforeAll(async () => {
    rig.dir = tmpDir(prefix);
    [bundle, rig.server] = await Promise.all([buildHost(), startServer(path.join(rig.dir, 'server'))]);
  });
  afterAll(async () => {
    for (const h of hosts) await (stopHosts === 'kill9' ? h.kill9() : h.stop());
    await rig.server?.stop();
    if (bundle) removeBundle(bundle);
    if (rig.dir) rmTmp(rig.dir);
  });
  return rig;
}

/** A no-answer call attempt made now. */
export function noAnswerCall(orderId: number, callId: string): CallAttempt {
  const at = new Date().toISOString();
  return { callId, orderId, startedAt: at, answeredAt: null, endedAt: at, outcome: 'noAnswer' };
}

/** A valid «Недозвон» save of an order (callback time today when beyond 3 attempts). */
export function noAnswerSave(order: OrderT, comment = 'Не берёт трубку'): SaveResultArgs {
  return {
    orderId: order.id, result: 'noAnswer', variant: null, problem: 'no_pickup',
    callbackAt: order.failedAttempts + 1 > 3 ? autoCallbackAt(new Date(), 'Europe/Moscow') : null,
    comment, customer: order.customer, address: order.address, lines: order.lines, delivery: order.delivery,
  };
}
