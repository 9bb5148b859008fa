/**
 * Fixtures of the live/board/report/admin tests: a database prepared BEFORE the server process
 * starts (PGlite data dir or a PostgreSQL schema), holding two teams, their users and a
 * hand-computed history (state events of a shift crossing midnight in Europe/Moscow, calls,
 * results, plans); plus a small WebSocket client for the live channel.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { ROOT, startServerProcess, uniqueSchema, type ServerProcess } from './server-process';
import type { Fixture } from './live-fixture-seed';

export { PASSWORD, SHIFT, type Fixture } from './live-fixture-seed';

/** Seeds the fixture in a child process (PGlite does not load inside jest's VM). */
async function seed(backend: 'pglite' | 'pg', where: string): Promise<Fixture> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'live-fixture-cli.ts'), backend, where], { cwd: ROOT });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Fixture;
}

/** Prepares a database with the fixture, then starts a real server process on it. */
export async function startWithFixture(backend: 'pglite' | 'pg', env: Record<string, string> = {}): Promise<{ srv: ServerProcess; fx: Fixture; schema: string | null }> {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'prozvon-live-'));
    const fx = await seed('pglite', dataDir);
    return { srv: await startServerProcess({ dataDir, env }), fx, schema: null };
  }
  const schema = uniqueSchema();
  const fx = await seed('pg', schema);
  return { srv: await startServerProcess({ pg: true, schema, env }), fx, schema };
}

/** A live-channel client that records every server message. */
export class LiveClient {
  readonly messages: Array<Record<string, unknown>> = [];
  closeCode: number | null = null;
  private readonly waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      this.messages.push(JSON.parse(d.toString()) as Record<string, unknown>);
      this.waiters.splice(0).forEach((w) => w());
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  /** Opens `GET /api/v1/live`, with a bearer header when `token` is given. */
  static async open(baseUrl: string, token?: string): Promise<LiveClient> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/live`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const c = new LiveClient(ws);
    await new Promise<void>((res, rej) => { ws.once('open', () => res()); ws.once('error', rej); });
    return c;
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  /** Waits for the first message after index `from` matching `pred` (rejects after `ms`). */
  async next(pred: (m: Record<string, unknown>) => boolean, from = 0, ms = 15_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.messages.slice(from).find(pred);
      if (found) return found;
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode}) while waiting; got ${JSON.stringify(this.messages)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((res) => { const t = setTimeout(res, left); this.waiters.push(() => { clearTimeout(t); res(); }); });
    }
  }

  /** Resolves with the close code. */
  async closed(ms = 15_000): Promise<number> {
    const deadline = Date.now() + ms;
    while (this.closeCode === null) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('socket still open');
      await new Promise<void>((res) => { const t = setTimeout(res, left); this.waiters.push(() => { clearTimeout(t); res(); }); });
    }
    return this.closeCode;
  }

  close(): void {
    this.ws.close();
  }
}

/** Agent-update predicate for one user and state. */
export const agentIs = (userId: number, state: string) => (m: Record<string, unknown>) =>
  m.type === 'agent' && (m.agent as { userId: number; state: string }).userId === userId && (m.agent as { state: string }).state === state;
