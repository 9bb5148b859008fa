/** Local settings of a login (JSON values). */
import type { Database } from 'better-sqlite3';
import { stmt } from './stmt';

/** A setting's value, or null when unset. */
export function getSetting(db: Database, key: string): unknown {
  const v = stmt(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return v === undefined ? null : JSON.parse(v);
}

/** Stores a setting; undefined/null removes it. */
export function setSetting(db: Database, key: string, value: unknown): void {
  if (value === undefined || value === null) stmt(db, 'DELETE FROM settings WHERE key = ?').run(key);
  else stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
