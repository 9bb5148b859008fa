/** Migrations of the local cache: each one, the pragmas, and refusal of a newer database. */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_VERSION, migrations } from '../../main/db/migrations';
import { dbFileFor, migrate, NewerDatabaseError, openDb } from '../../main/db/open-db';
import { rmTmp, tmpDir } from './fixtures';
import { getSyncState, setCursor } from '../../main/repos/sync-state';
import { START_CURSOR } from '../../shared/api/http';

const tables = (db: Database.Database): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe('local cache migrations', () => {
  let dir: string;
  beforeEach(() => { dir = tmpDir(); });
  afterEach(() => rmTmp(dir));

  test('are numbered 1..N in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(migrations.length);
  });

  test('0001-initial creates the cache tables and bumps user_version to 1', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['call_log', 'drafts', 'orders', 'outbox', 'queue_items', 'rejections', 'settings', 'sync_state']);
    expect(db.prepare("SELECT name FROM pragma_table_info('outbox')").pluck().all()).toEqual(['id', 'name', 'order_id', 'args', 'overlay', 'created_at']);
  });

  test('0002-queue-counts adds queue_counts to a version-1 database and keeps its rows', () => {
    const file = path.join(dir, 'v1.sqlite');
    const v1 = new Database(file);
    migrate(v1, migrations.slice(0, 1));
    v1.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    v1.close();
    const db = openDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(tables(db)).toContain('queue_counts');
    expect(db.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('1');
    db.close();
  });

  test('0003-taken-at adds a nullable orders.taken_at to a version-2 database and keeps its orders', () => {
    const file = path.join(dir, 'v2.sqlite');
    const v2 = new Database(file);
    migrate(v2, migrations.slice(0, 2));
    v2.prepare(`INSERT INTO orders (id, status, created_at, updated_at, customer_name, phone, offer_sku, version, json)
      VALUES (5, 'new', 'a', 'b', 'Анна', '+79123456789', 'SKU', 1, '{}')`).run();
    v2.close();
    const db = openDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT name FROM pragma_table_info('orders')").pluck().all()).toContain('taken_at');
    expect(db.prepare('SELECT id, taken_at FROM orders').all()).toEqual([{ id: 5, taken_at: null }]);
    db.close();
  });

  test('0004-pull-cursor replaces the numeric cursor with text from the start, keeping the rest of the sync state', () => {
    const file = path.join(dir, 'v3.sqlite');
    const v3 = new Database(file);
    migrate(v3, migrations.slice(0, 3));
    v3.prepare("INSERT INTO sync_state (id, client_id, cursor, last_mutation_id, next_mutation_id) VALUES (1, 'c-1', 1234, 7, 8)").run();
    v3.close();
    const db = openDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT name FROM pragma_table_info('sync_state')").pluck().all()).not.toContain('cursor');
    expect(db.prepare('SELECT client_id, pull_cursor, last_mutation_id, next_mutation_id FROM sync_state').all())
      .toEqual([{ client_id: 'c-1', pull_cursor: '0', last_mutation_id: 7, next_mutation_id: 8 }]);
    expect(getSyncState(db).cursor).toBe(START_CURSOR);
    setCursor(db, 'x12.15.9', 'now');
    expect(getSyncState(db).cursor).toBe('x12.15.9');
    db.close();
  });

  test('a failing migration leaves the previous version intact', () => {
    const db = new Database(':memory:');
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', up: (d: Database.Database) => { d.exec('CREATE TABLE x (a)'); throw new Error('boom'); } }];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(tables(db)).not.toContain('x');
  });

  test('opens with WAL, synchronous=FULL and foreign keys on', () => {
    const db = openDb(dbFileFor(dir, 'operator1'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  test('one file per login, with a filename-safe name', () => {
    expect(dbFileFor(dir, 'operator1')).toBe(path.join(dir, 'operator1.sqlite'));
    expect(path.basename(dbFileFor(dir, '../Evil/x'))).toMatch(/^[a-z0-9._-]+\.sqlite$/);
    expect(dbFileFor(dir, '../evil')).not.toBe(dbFileFor(dir, '_evil'));
  });

  test('refuses a database newer than the code with a clear message and never alters it', () => {
    const file = path.join(dir, 'newer.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE future_stuff (a)');
    future.pragma(`user_version = ${LATEST_VERSION + 5}`);
    future.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const filesBefore = fs.readdirSync(dir).sort();
    let err: unknown;
    try { openDb(file); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(NewerDatabaseError);
    expect((err as Error).message).toContain(`схема ${LATEST_VERSION + 5}`);
    expect((err as Error).message).toContain('Обновите приложение');
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });
});
