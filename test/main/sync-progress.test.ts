/**
 * Initial sync shows real progress: against a real server process (PostgreSQL), a fresh cache
 * pulls an operator's held orders in small pages; every page's `remaining` turns into a
 * `progress {done, total}` of the sync status, and the total is the number of held orders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb } from '../../main/db/open-db';
import { HttpClient } from '../../main/sync/http-client';
import { SyncEngine } from '../../main/sync/sync-engine';
import type { SyncStatus } from '../../shared/ipc/contract';
import { client, startServerProcess, type ServerProcess } from '../server/support/server-process';
import { ingest } from '../server/support/order-flow';

jest.setTimeout(300_000);

const HELD = 7;
let srv: ServerProcess;
let dir: string;
beforeAll(async () => {
  srv = await startServerProcess({ demo: true, pg: true });
  dir = mkdtempSync(path.join(tmpdir(), 'prozvon-progress-'));
});
afterAll(async () => {
  await srv?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a first pull in pages of 2 reports done of total, ending at the number of held orders', async () => {
  const token = await srv.login('operator3', 'operator');
  const op = client(srv.url, token);
  for (let i = 0; i < HELD; i++) {
    const id = await ingest(srv.url);
    const r = await op.post(`/orders/${id}/claim`);
    expect(r.status).toBe(200);
  }
  const held = (await op.get('/sync/pull?clientId=7d7e0ad2-6f67-4f1e-8a53-0d1f2b0e6c11&cursor=0&limit=1000')).body as { orders: unknown[]; remaining: number };
  expect(held.remaining).toBe(0);
  const total = held.orders.length;
  expect(total).toBeGreaterThanOrEqual(HELD);

  const db = openDb(path.join(dir, 'operator3.sqlite'));
  const statuses: SyncStatus[] = [];
  const engine = new SyncEngine({
    db, http: new HttpClient(srv.url, () => token), pullLimit: 2,
    onStatus: (s) => statuses.push(s), onOrdersChanged: () => undefined, onUnauthorized: () => undefined,
  });
  try {
    const end = await engine.sync();
    expect(end).toMatchObject({ online: true, syncing: false, progress: null, lastError: null });
  } finally {
    engine.stop();
    db.close();
  }
  const progress = statuses.flatMap((s) => (s.progress ? [s.progress] : []));
  expect(progress.length).toBe(Math.ceil(total / 2));
  expect(progress.every((p) => p.total === total)).toBe(true);
  expect(progress.map((p) => p.done)).toEqual(progress.map((_, i) => Math.min(total, (i + 1) * 2)));
});
