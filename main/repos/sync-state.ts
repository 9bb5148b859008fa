/** Sync state: this installation's clientId, the pull cursor, the acknowledged and next mutation ids. */
import type { Database } from 'better-sqlite3';
import { stmt } from './stmt';
import { randomUUID } from 'node:crypto';

export interface SyncState { clientId: string; cursor: string; lastMutationId: number; nextMutationId: number; lastSyncAt: string | null }

type Row = { client_id: string; pull_cursor: string; last_mutation_id: number; next_mutation_id: number; last_sync_at: string | null };

/** The sync state, created with a fresh clientId on first use. */
export function getSyncState(db: Database): SyncState {
  let row = stmt(db, 'SELECT * FROM sync_state WHERE id = 1').get() as Row | undefined;
  if (!row) {
    stmt(db, 'INSERT OR IGNORE INTO sync_state (id, client_id) VALUES (1, ?)').run(randomUUID());
    row = stmt(db, 'SELECT * FROM sync_state WHERE id = 1').get() as Row;
  }
  return { clientId: row.client_id, cursor: row.pull_cursor, lastMutationId: row.last_mutation_id, nextMutationId: row.next_mutation_id, lastSyncAt: row.last_sync_at };
}

/** Allocates the next mutation id (call inside the save's transaction). */
export function allocateMutationId(db: Database): number {
  getSyncState(db);
  const id = stmt(db, 'UPDATE sync_state SET next_mutation_id = next_mutation_id + 1 WHERE id = 1 RETURNING next_mutation_id - 1').pluck().get() as number;
  return id;
}

/** Stores the pull cursor and the time of the last successful sync. */
export function setCursor(db: Database, cursor: string, at: string): void {
  getSyncState(db);
  stmt(db, 'UPDATE sync_state SET pull_cursor = ?, last_sync_at = ? WHERE id = 1').run(cursor, at);
}

/** Raises the acknowledged mutation id (never lowers it). */
export function setLastMutationId(db: Database, id: number): void {
  getSyncState(db);
  stmt(db, 'UPDATE sync_state SET last_mutation_id = MAX(last_mutation_id, ?), next_mutation_id = MAX(next_mutation_id, ? + 1) WHERE id = 1').run(id, id);
}
