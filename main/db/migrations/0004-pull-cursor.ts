/**
 * Migration 4: the pull cursor becomes the server's opaque text (`sync_state.pull_cursor`,
 * docs/sync-protocol.md "Cursor"). An old numeric cursor means nothing to the new server, so the
 * cache pulls again from the start (held orders are upserted, removals of uncached orders ignored).
 */
import type { Database } from 'better-sqlite3';

/** Replaces the INTEGER cursor column with a TEXT one starting at '0'. */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE sync_state ADD COLUMN pull_cursor TEXT NOT NULL DEFAULT '0';
    ALTER TABLE sync_state DROP COLUMN cursor;
  `);
}
