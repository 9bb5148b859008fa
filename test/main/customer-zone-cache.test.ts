/**
 * The customer's zone in the local cache: migration 0005 fills the new columns from cached JSON
 * (older copies become unknown), a pulled order's zone reaches the cache and the order view, and a
 * queue row cached before zones were known reads as unknown.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { LATEST_VERSION, migrations } from '../../main/db/migrations';
import { migrate, openDb } from '../../main/db/open-db';
import { getOrder } from '../../main/repos/orders';
import { readQueuePage } from '../../main/repos/queue';
import { applyPullPage } from '../../main/sync/apply-pull';
import { PullResponse } from '../../shared/api/http';
import { rmTmp, sampleOrder, tmpDir } from './fixtures';

describe('customer zone in the cache', () => {
  let dir: string;
  beforeEach(() => { dir = tmpDir(); });
  afterEach(() => rmTmp(dir));

  test('0005-customer-zone adds customer_zone/zone_source to a version-4 database, filled from the cached JSON', () => {
    const file = path.join(dir, 'v4.sqlite');
    const v4 = new Database(file);
    migrate(v4, migrations.slice(0, 4));
    const ins = v4.prepare(`INSERT INTO orders (id, status, created_at, updated_at, customer_name, phone, offer_sku, version, json)
      VALUES (?, 'new', 'a', 'b', 'Анна', '+79123456789', 'SKU', 1, ?)`);
    ins.run(1, JSON.stringify(sampleOrder(1, { customerZone: { zone: 'Asia/Kamchatka', source: 'phone' } })));
    const { customerZone: _dropped, ...old } = sampleOrder(2);
    ins.run(2, JSON.stringify(old));
    v4.prepare("INSERT INTO queue_items (tab, position, order_id, json) VALUES ('new', 0, 2, ?)").run(JSON.stringify({
      id: 2, tab: 'new', due: true, status: 'new', createdAt: 'a', assigneeId: null, assigneeName: null, failedAttempts: 0, callbackAt: null,
      offerSku: 'SKU', offerName: 'Чай', customerName: 'Анна', phoneMasked: '+7 912 ***-**-89',
    }));
    v4.close();
    const db = openDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT id, customer_zone, zone_source FROM orders ORDER BY id').all()).toEqual([
      { id: 1, customer_zone: 'Asia/Kamchatka', zone_source: 'phone' },
      { id: 2, customer_zone: null, zone_source: 'unknown' },
    ]);
    expect(getOrder(db, 2)?.order.customerZone).toEqual({ zone: null, source: 'unknown' });
    expect(readQueuePage(db, 'new', 0, 10).rows[0]?.customerZone).toEqual({ zone: null, source: 'unknown' });
    db.close();
  });

  test('a pulled order\'s zone reaches the cache columns and the cached order', () => {
    const db = openDb(':memory:');
    const order = sampleOrder(7, { customerZone: { zone: 'Europe/Kaliningrad', source: 'ingest' } });
    const page = PullResponse.parse({ orders: [order], removed: [], lastMutationId: 0, rejections: [], cursor: 'x1', more: false });
    applyPullPage(db, page, '2026-12-02T17:00:00.000Z');
    expect(db.prepare('SELECT customer_zone, zone_source FROM orders WHERE id = 7').get()).toEqual({ customer_zone: 'Europe/Kaliningrad', zone_source: 'ingest' });
    expect(getOrder(db, 7)?.order.customerZone).toEqual({ zone: 'Europe/Kaliningrad', source: 'ingest' });
    db.close();
  });
});
