/**
 * `npm run start:web` — browser mode. Starts the CRM server as a child process with demo data
 * (unless PROZVON_SERVER_URL points at a running one), the main services in this Node process,
 * and the socket host serving the built renderer on 127.0.0.1. Prints
 * `Prozvon: http://127.0.0.1:PORT/?t=TOKEN`.
 * Env: PROZVON_SERVER_URL, PROZVON_WEB_PORT, PROZVON_DATA_DIR, PROZVON_SERVER_PORT, PROZVON_DEV_ORIGIN,
 * PROZVON_PULL_INTERVAL_MS (timer pull; default 30 s), PROZVON_PBX_URLS / SIP_WS_URL (CSP connect-src),
 * PROZVON_LOG_LEVEL (log lines on stderr). The data folder (default `<project>/.data/web`) and its
 * `client/` cache are owner-only (700).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { cspSourcesFromEnv } from '../csp';
import { ensurePrivateDir } from '../db/open-db';
import { createHandlers } from '../ipc/handlers';
import { log } from '../log';
import { MainServices } from '../services/main-services';
import { FileTokenStore } from '../sync/token-store';
import { startSocketHost, type SocketHost } from './socket-host';

/** The project root: the nearest folder above this file holding package.json. */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/** A free loopback TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `GET /api/v1/health` until it answers 200 (or the child dies / time runs out). */
export async function waitForHealth(url: string, child: ChildProcess | null, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server at ${url} did not become healthy in ${timeoutMs} ms`);
}

/** Spawns the demo server (built bundle when present, else tsx on the sources). */
async function spawnServer(root: string, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = Number(process.env.PROZVON_SERVER_PORT) || (await freePort());
  const built = path.join(root, 'dist', 'server', 'index.js');
  const [cmd, args] = fs.existsSync(built)
    ? [process.execPath, [built, '--demo']]
    : [path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'server', 'index.ts'), '--demo']];
  const child = spawn(cmd, args, {
    cwd: root,
    env: { LOG_LEVEL: 'warn', ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: path.join(dataDir, 'server') },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { url, child };
}

async function main(): Promise<void> {
  const root = projectRoot();
  const dataDir = path.resolve(process.env.PROZVON_DATA_DIR ?? path.join(root, '.data', 'web'));
  ensurePrivateDir(dataDir);
  let child: ChildProcess | null = null;
  let serverUrl = process.env.PROZVON_SERVER_URL?.replace(/\/+$/, '') ?? null;
  if (!serverUrl) {
    const spawned = await spawnServer(root, dataDir);
    child = spawned.child;
    serverUrl = spawned.url;
  }
  log.info({ serverUrl, dataDir, spawned: child !== null }, 'CRM server ready');
  const tokenStore = new FileTokenStore(path.join(dataDir, 'session.json'));
  const stale = tokenStore.load();
  if (stale && stale.serverUrl !== serverUrl) tokenStore.clear();

  let host: SocketHost | null = null;
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => host?.broadcast(event, payload);
  const services = new MainServices({ dataDir: path.join(dataDir, 'client'), tokenStore, emit, pullIntervalMs: Number(process.env.PROZVON_PULL_INTERVAL_MS) || undefined });
  services.setLastServer(serverUrl);
  services.restore();
  const rendererDir = path.join(root, 'dist', 'renderer');
  host = await startSocketHost({
    handlers: createHandlers(services),
    rendererDir: fs.existsSync(path.join(rendererDir, 'index.html')) ? rendererDir : null,
    port: Number(process.env.PROZVON_WEB_PORT) || 0,
    extraOrigins: process.env.PROZVON_DEV_ORIGIN ? [process.env.PROZVON_DEV_ORIGIN] : [],
    csp: { ...cspSourcesFromEnv(process.env), serverUrl },
  });
  process.stdout.write(`Prozvon: ${host.url}\n`);
  process.stdout.write(`server: ${serverUrl}\n`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info('stopping');
    await host?.close();
    await services.close();
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    process.exit(0);
  };
  process.on('unhandledRejection', (e) => log.error({ err: e }, 'unhandled rejection'));
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  process.once('exit', () => child?.kill('SIGTERM'));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    log.fatal({ err: e }, 'Prozvon host failed');
    process.exit(1);
  });
}
