/** Migration 3: when this operator claimed each cached order (`orders.taken_at`, UTC ISO, null = unknown). */
import type { Database } from 'better-sqlite3';

/** Adds the nullable taken_at column to orders (existing rows: unknown). */
export function up(db: Database): void {
  db.exec('ALTER TABLE orders ADD COLUMN taken_at TEXT');
}
