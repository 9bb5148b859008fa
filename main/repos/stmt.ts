/** Prepared-statement cache per database (better-sqlite3 statements are reusable; preparing is the costly part). */
import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, prepared once. Each SQL text is used in one mode (plucked or not). */
export function stmt(db: Database, sql: string): Statement {
  let m = cache.get(db);
  if (!m) { m = new Map(); cache.set(db, m); }
  let s = m.get(sql);
  if (!s) { s = db.prepare(sql); m.set(sql, s); }
  return s;
}
