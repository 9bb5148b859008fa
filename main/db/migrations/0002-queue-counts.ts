/** Migration 2: the last known tab counts (shown offline, flagged `cached`). */
import type { Database } from 'better-sqlite3';

/** Adds the queue_counts table. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE queue_counts (
      tab TEXT PRIMARY KEY,
      total INTEGER NOT NULL,
      due INTEGER NOT NULL,
      fetched_at TEXT NOT NULL
    );
  `);
}
