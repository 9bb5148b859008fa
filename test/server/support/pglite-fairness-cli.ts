/**
 * `tsx pglite-fairness-cli.ts`: runs the PGlite turn scenarios of pglite-fairness.test.ts in a
 * real in-process server and prints what was observed as JSON (PGlite cannot load inside jest's VM).
 */
import { configFromEnv } from '../../../server/config';
import { startServer } from '../../../server/server';
import { asRequest, openPglite } from '../../../server/db/pglite-db';

const BACKLOG = 300;

const turn = () => new Promise((r) => setImmediate(r));

/** A backlog of BACKLOG writes, then a 404 and a health request: how many writes were done when each answered. */
async function httpDuringBacklog(url: string, db: Awaited<ReturnType<typeof startServer>>['db']) {
  let done = 0;
  const backlog = Array.from({ length: BACKLOG }, () => db.query('UPDATE fairness_t SET v = v + 1 WHERE id = 1').then(() => { done++; }));
  const notFound = await fetch(`${url}/api/v1/no-such-route`);
  const doneAt404 = done;
  const health = await fetch(`${url}/api/v1/health`);
  const doneAtHealth = done;
  await Promise.all(backlog);
  const v = (await db.query<{ v: number }>('SELECT v FROM fairness_t WHERE id = 1')).rows[0]?.v;
  return { status404: notFound.status, statusHealth: health.status, doneAt404, doneAtHealth, v };
}

/** A request of two statements, then 50 later requests: the completion order. */
async function requestOrder(db: Awaited<ReturnType<typeof startServer>>['db']) {
  const order: string[] = [];
  const first = asRequest('floor', async () => {
    await db.query('UPDATE fairness_t SET v = v + 1 WHERE id = 1');
    order.push('first:1');
    await db.tx(async (sql) => { await sql.query('UPDATE fairness_t SET v = v + 1 WHERE id = 1'); });
    order.push('first:2');
  });
  const later = Array.from({ length: 50 }, (_, i) => asRequest('floor', () => db.query('UPDATE fairness_t SET v = v + 1 WHERE id = 1').then(() => { order.push(`later:${i}`); })));
  await Promise.all([first, ...later]);
  return order;
}

/** A transaction holds the connection while 20 floor writes and 3 other reads queue: the completion order. */
async function lanes(db: Awaited<ReturnType<typeof startServer>>['db']) {
  const order: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const holder = asRequest('floor', () => db.tx(async (sql) => { await sql.query('SELECT 1'); await gate; }));
  const floor = Array.from({ length: 20 }, (_, i) => asRequest('floor', () => db.query('UPDATE fairness_t SET v = v + 1 WHERE id = 1').then(() => { order.push(`floor:${i}`); })));
  const other = Array.from({ length: 3 }, (_, i) => asRequest('other', () => db.query('SELECT v FROM fairness_t').then(() => { order.push(`other:${i}`); })));
  await turn();
  release();
  await Promise.all([holder, ...floor, ...other]);
  return order;
}

/** Ping while a transaction holds the connection: answered at once when fresh, queued when stale. */
async function ping() {
  let now = 1_000_000;
  const db = await openPglite(null, () => now);
  try {
    await db.query('SELECT 1');
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let txDone = false;
    const tx = db.tx(async () => { await gate; }).then(() => { txDone = true; });
    const writes = Array.from({ length: 10 }, () => db.query('SELECT 1'));
    await turn();
    await db.ping();
    const txDoneAtFreshPing = txDone;
    now += 60_000;
    let pinged = false;
    const stale = db.ping().then(() => { pinged = true; });
    await turn();
    const pingedBeforeRelease = pinged;
    release();
    await Promise.all([tx, stale, ...writes]);
    return { txDoneAtFreshPing, pingedBeforeRelease, pinged };
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const server = await startServer(configFromEnv({ PORT: '0', LOG_LEVEL: 'silent' }, []));
  try {
    await server.db.exec('CREATE TABLE fairness_t (id int PRIMARY KEY, v int NOT NULL); INSERT INTO fairness_t VALUES (1, 0)');
    const out = {
      http: await httpDuringBacklog(server.url, server.db),
      requestOrder: await requestOrder(server.db),
      lanes: await lanes(server.db),
      ping: await ping(),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    await server.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
