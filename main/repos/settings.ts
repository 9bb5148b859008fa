/** Local settings of a login (JSON values). */
import type { Database } from 'better-sqlite3';
import { CenterContext } from '../../shared/domain/center';
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

const CENTER_KEY = 'cache.center';

/** The cached center context of the rules (last one the server sent), or null when none is cached or it no longer parses. */
export function getCenter(db: Database): CenterContext | null {
  const parsed = CenterContext.safeParse(getSetting(db, CENTER_KEY));
  return parsed.success ? parsed.data : null;
}

/** Caches the center context the server sent (login, `GET center/context`, live `center.changed`). */
export function setCenter(db: Database, center: CenterContext): void {
  setSetting(db, CENTER_KEY, center);
}
