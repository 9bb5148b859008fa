/** Migration 1: the local cache tables (orders, queue listing, drafts, outbox, call log, sync state, settings, rejections). */
import type { Database } from 'better-sqlite3';

/** Creates the initial schema. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE orders (
      id INTEGER PRIMARY KEY,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      callback_at TEXT,
      customer_name TEXT NOT NULL,
      phone TEXT NOT NULL,
      offer_sku TEXT NOT NULL,
      version INTEGER NOT NULL,
      held INTEGER NOT NULL DEFAULT 1,
      json TEXT NOT NULL
    );
    CREATE INDEX orders_held_created ON orders(held, created_at);
    CREATE TABLE queue_items (
      tab TEXT NOT NULL,
      position INTEGER NOT NULL,
      order_id INTEGER NOT NULL,
      json TEXT NOT NULL,
      PRIMARY KEY (tab, position)
    ) WITHOUT ROWID;
    CREATE TABLE drafts (
      order_id INTEGER PRIMARY KEY,
      json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      order_id INTEGER,
      args TEXT NOT NULL,
      overlay TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX outbox_order ON outbox(order_id, id);
    CREATE TABLE call_log (
      call_id TEXT PRIMARY KEY,
      order_id INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      json TEXT NOT NULL
    );
    CREATE INDEX call_log_order ON call_log(order_id, started_at);
    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      client_id TEXT NOT NULL,
      cursor INTEGER NOT NULL DEFAULT 0,
      last_mutation_id INTEGER NOT NULL DEFAULT 0,
      next_mutation_id INTEGER NOT NULL DEFAULT 1,
      last_sync_at TEXT
    );
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    CREATE TABLE rejections (
      mutation_id INTEGER PRIMARY KEY,
      order_id INTEGER,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      at TEXT NOT NULL,
      dismissed INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX rejections_order ON rejections(order_id, mutation_id);
  `);
}
