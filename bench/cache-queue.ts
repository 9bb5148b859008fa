/**
 * Cache benchmark (run: `npx tsx bench/cache-queue.ts [orders]`): with 100k cached orders, the
 * queue listing (a page of a tab) and the order open (OrderView: server copy + outbox overlay +
 * draft + rejection) through the repositories, beside a raw better-sqlite3 indexed SELECT of the
 * same rows measured in the same run; then the initial sync apply of 10k orders (20 pull pages of
 * 500, one transaction each, no network) and the process RSS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../main/db/open-db';
import { upsertOrder } from '../main/repos/orders';
import { readQueuePage, storeQueuePage } from '../main/repos/queue';
import { readOrderView } from '../main/services/order-view';
import { applyPullPage } from '../main/sync/apply-pull';
import type { QueueRow } from '../shared/api/http';
import { emptyAddress, QueueTab, type Order } from '../shared/domain/schemas';

const N = Number(process.argv[2] ?? 100_000);
const ITER = 2_000;
const tabs = QueueTab.options;

function order(id: number): Order {
  return {
    id, externalId: `ext-${id}`, status: 'new', createdAt: new Date(Date.UTC(2026, 10, 1) + id * 1000).toISOString(), updatedAt: '2026-11-28T08:00:00.000Z',
    failedAttempts: id % 5, callbackAt: null, lastAttemptAt: null, assigneeId: 7, assigneeName: 'Оператор 1', leaseUntil: null, offerSku: 'SLIM-TEA',
    customer: { name: `Иванова Анна ${id}`, phone: `+7912${String(id).padStart(7, '0')}`, extraPhone: null, gender: 'female' },
    address: { ...emptyAddress(), city: 'Оренбург', street: 'Советская', house: String(id % 200) },
    lines: [{ offerSku: 'SLIM-TEA', name: 'Чай для похудения', quantity: 1, unitPriceKop: 99_000, discountPct: 0, main: true }],
    delivery: null, problem: null, comment: 'Комментарий оператора', calls: [], version: id, customerZone: { zone: null, source: 'unknown' },
  };
}
const row = (o: Order, tab: QueueTab): QueueRow => ({
  id: o.id, tab, due: true, status: o.status, createdAt: o.createdAt, assigneeId: null, assigneeName: null, failedAttempts: o.failedAttempts,
  callbackAt: null, offerSku: o.offerSku, offerName: 'Чай', customerName: o.customer.name, phoneMasked: '+7 912 ***-**-00', customerZone: o.customerZone,
});

function measure(fn: (i: number) => void): { p50: number; p99: number } {
  for (let i = 0; i < 200; i++) fn(i);
  const t: number[] = [];
  for (let i = 0; i < ITER; i++) {
    const s = process.hrtime.bigint();
    fn(i);
    t.push(Number(process.hrtime.bigint() - s) / 1e3);
  }
  t.sort((a, b) => a - b);
  return { p50: t[Math.floor(t.length * 0.5)]!, p99: t[Math.floor(t.length * 0.99)]! };
}
const fmt = (x: { p50: number; p99: number }) => `p50 ${x.p50.toFixed(1)} µs  p99 ${x.p99.toFixed(1)} µs`;
const rng = (i: number) => (Math.imul(i + 1, 2654435761) >>> 0);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prozvon-bench-'));
try {
  const db = openDb(path.join(dir, 'bench.sqlite'));
  let t0 = Date.now();
  const perTab = Math.ceil(N / tabs.length);
  db.transaction(() => {
    for (let id = 1; id <= N; id++) upsertOrder(db, order(id));
  })();
  for (const [k, tab] of tabs.entries()) {
    const rows: QueueRow[] = [];
    for (let i = 0; i < perTab && k * perTab + i < N; i++) rows.push(row(order(k * perTab + i + 1), tab));
    storeQueuePage(db, { tab, total: rows.length, rows }, 0, rows.length, new Date().toISOString());
  }
  console.log(`seeded ${N} orders + ${N} queue rows in ${Date.now() - t0} ms`);

  const rawList = db.prepare('SELECT json FROM queue_items WHERE tab = ? AND position >= ? ORDER BY position LIMIT 100');
  const rawOpen = db.prepare('SELECT json FROM orders WHERE id = ?');
  const list = measure((i) => readQueuePage(db, tabs[i % tabs.length]!, rng(i) % (perTab - 100), 100));
  const listRaw = measure((i) => rawList.all(tabs[i % tabs.length]!, rng(i) % (perTab - 100)));
  const open = measure((i) => readOrderView(db, (rng(i) % N) + 1));
  const openRaw = measure((i) => rawOpen.get((rng(i) % N) + 1));
  console.log(`queue listing (100 rows)  repo: ${fmt(list)}   raw SELECT: ${fmt(listRaw)}   ratio p50 ${(list.p50 / listRaw.p50).toFixed(1)}×`);
  console.log(`order open (OrderView)    repo: ${fmt(open)}   raw SELECT: ${fmt(openRaw)}   ratio p50 ${(open.p50 / openRaw.p50).toFixed(1)}×`);
  db.close();

  const fresh = openDb(path.join(dir, 'initial.sqlite'));
  t0 = Date.now();
  for (let p = 0; p < 20; p++) {
    const orders = Array.from({ length: 500 }, (_, i) => order(p * 500 + i + 1));
    applyPullPage(fresh, { orders, removed: [], lastMutationId: 0, rejections: [], cursor: `x${(p + 1) * 500}`, more: p < 19 }, new Date().toISOString());
  }
  console.log(`initial sync apply: 10000 orders in 20 pages (one transaction each): ${Date.now() - t0} ms (network excluded)`);
  fresh.close();
  console.log(`RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB (this process holds the cache like the services process)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
