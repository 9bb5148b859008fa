/** The last queue listing per tab and the last tab counts, for offline viewing. */
import type { Database } from 'better-sqlite3';
import { stmt } from './stmt';
import type { QueueCounts, QueuePage, QueueRow } from '../../shared/api/http';
import { QueueTab } from '../../shared/domain/schemas';
import { UNKNOWN_CUSTOMER_ZONE } from '../../shared/domain/customer-zone';

/** Replaces the cached rows of one page of a tab and records the tab's total. */
export function storeQueuePage(db: Database, page: QueuePage, offset: number, limit: number, now: string): void {
  db.transaction(() => {
    stmt(db, 'DELETE FROM queue_items WHERE tab = ? AND position >= ? AND position < ?').run(page.tab, offset, offset + limit);
    if (page.rows.length < limit) stmt(db, 'DELETE FROM queue_items WHERE tab = ? AND position >= ?').run(page.tab, offset + page.rows.length);
    const ins = stmt(db, 'INSERT INTO queue_items (tab, position, order_id, json) VALUES (?, ?, ?, ?)');
    page.rows.forEach((row, i) => ins.run(page.tab, offset + i, row.id, JSON.stringify(row)));
    stmt(db, `INSERT INTO queue_counts (tab, total, due, fetched_at) VALUES (?, ?, COALESCE((SELECT due FROM queue_counts WHERE tab = ?), 0), ?)
      ON CONFLICT(tab) DO UPDATE SET total = excluded.total, fetched_at = excluded.fetched_at`).run(page.tab, page.total, page.tab, now);
  })();
}

/** A cached queue row; one cached before zones were known gets the unknown zone. */
function queueRowOfJson(json: string): QueueRow {
  const row = JSON.parse(json) as Partial<QueueRow> & Omit<QueueRow, 'customerZone'>;
  return { ...row, customerZone: row.customerZone ?? { ...UNKNOWN_CUSTOMER_ZONE } };
}

/** One page of the cached listing of a tab. */
export function readQueuePage(db: Database, tab: QueueTab, offset: number, limit: number): QueuePage {
  const rows = (stmt(db, 'SELECT json FROM queue_items WHERE tab = ? AND position >= ? ORDER BY position LIMIT ?').pluck().all(tab, offset, limit) as string[])
    .map(queueRowOfJson);
  const total = stmt(db, 'SELECT total FROM queue_counts WHERE tab = ?').pluck().get(tab) as number | undefined;
  return { tab, total: total ?? rows.length, rows };
}

/** Stores the tab counts. */
export function storeQueueCounts(db: Database, counts: QueueCounts, now: string): void {
  const up = stmt(db, `INSERT INTO queue_counts (tab, total, due, fetched_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(tab) DO UPDATE SET total = excluded.total, due = excluded.due, fetched_at = excluded.fetched_at`);
  db.transaction(() => {
    for (const [tab, c] of Object.entries(counts.tabs)) if (c) up.run(tab, c.total, c.due, now);
  })();
}

/** The last known tab counts (zeros for tabs never seen). */
export function readQueueCounts(db: Database): QueueCounts {
  const rows = stmt(db, 'SELECT tab, total, due FROM queue_counts').all() as { tab: string; total: number; due: number }[];
  const tabs = Object.fromEntries(QueueTab.options.map((t) => [t, { total: 0, due: 0 }])) as QueueCounts['tabs'];
  for (const r of rows) {
    const t = QueueTab.safeParse(r.tab);
    if (t.success) tabs[t.data] = { total: r.total, due: r.due };
  }
  return { tabs };
}
