/**
 * Starts a REAL server process for tests: `node dist/server/index.js` when built, else
 * `tsx server/index.ts` (when the build is missing or older than the sources), on PORT=0 with a temp DATA_DIR (PGlite) or, with `pg: true`, the
 * machine's PostgreSQL (`DATABASE_URL`, default postgres://postgres@127.0.0.1:5432/test) in a
 * fresh schema that `stop()` drops. Resolves when the server prints `listening <url>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const ROOT = resolve(__dirname, '../../..');
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const INGEST_KEY = 'test-ingest-key';

export type Backend = 'pglite' | 'pg';
export const BACKENDS: Backend[] = ['pglite', 'pg'];

export type ServerProcessOptions = {
  demo?: boolean;
  env?: Record<string, string>;
  pg?: boolean;
  /** Reuse a data dir / schema of an earlier process (restart after a crash). */
  dataDir?: string;
  schema?: string;
  /** Keep the data dir / schema on stop (for restarts). */
  keep?: boolean;
};

export type ServerProcess = {
  url: string;
  proc: ChildProcess;
  dataDir: string | null;
  schema: string | null;
  /** Logs in and returns the bearer token. */
  login(login: string, password: string): Promise<string>;
  /** Sends a signal and resolves with the exit code when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Stops the process (SIGTERM) and removes its data dir / drops its schema. */
  stop(): Promise<void>;
  output(): string;
};

/** A fresh schema name for one PostgreSQL test run. */
export function uniqueSchema(): string {
  return `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Drops a test schema (CASCADE). */
export async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

function newestMtime(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** The built server when it is newer than every source under server/ and shared/ (never a stale build). */
function builtServer(): string | null {
  const built = join(ROOT, 'dist/server/index.js');
  if (!existsSync(built)) return null;
  const sources = Math.max(newestMtime(join(ROOT, 'server')), newestMtime(join(ROOT, 'shared')));
  return statSync(built).mtimeMs > sources ? built : null;
}

/** Spawns a server process and waits until it listens (180 s timeout; the build machine is shared and slow). */
export async function startServerProcess(opts: ServerProcessOptions = {}): Promise<ServerProcess> {
  const built = builtServer();
  const [cmd, args] = built
    ? [process.execPath, [built]]
    : [process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'server/index.ts')]];
  const schema = opts.pg ? (opts.schema ?? uniqueSchema()) : null;
  const dataDir = opts.pg ? null : (opts.dataDir ?? mkdtempSync(join(tmpdir(), 'prozvon-srv-')));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    INGEST_API_KEY: INGEST_KEY,
    // taking around the clock unless a test stores its own calling window (jest.config.js; benches spawn here too)
    CALLING_WINDOW: process.env.CALLING_WINDOW ?? '00:00-24:00',
    ...(opts.pg ? { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema as string } : { DATA_DIR: dataDir as string }),
    ...opts.env,
  };
  if (!opts.pg) delete env.DATABASE_URL;
  const proc = spawn(cmd, [...args, ...(opts.demo ? ['--demo'] : [])], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
  const listening = new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start in 180 s:\n${out}`)), 180_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
    void exited.then((code) => { clearTimeout(timer); rej(new Error(`server exited (${code}) before listening:\n${out}`)); });
  });
  const url = await listening.catch(async (e: unknown) => {
    // Never leave a half-started server behind.
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    if (!opts.keep && !opts.dataDir && dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (!opts.keep && !opts.schema && schema) await dropSchema(schema).catch(() => undefined);
    throw e;
  });
  let stopped = false;
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    return exited;
  };
  return {
    url,
    proc,
    dataDir,
    schema,
    output: () => out,
    async login(login, password) {
      const r = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }),
      });
      if (r.status !== 200) throw new Error(`login ${login} failed: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { token: string }).token;
    },
    kill,
    async stop() {
      if (stopped) return;
      stopped = true;
      await kill('SIGTERM');
      if (opts.keep) return;
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (schema) await dropSchema(schema);
    },
  };
}

/** A tiny JSON client for one server and token. */
export function client(url: string, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await r.text();
    let json: unknown;
    try { json = text ? JSON.parse(text) : null; } catch { json = text; }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: r.status, body: json as any };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body ?? {}, headers),
    call,
  };
}
