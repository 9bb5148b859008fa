/**
 * Opens the local cache: one SQLite file per login in the data folder, WAL, synchronous=FULL,
 * foreign keys on, migrated to the latest version. A database newer than this code is refused
 * and left untouched. The cache holds customers' personal data: its folder is 700 and the
 * database with its -wal/-shm files 600 (owner only), existing ones included.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_VERSION, migrations, type Migration } from './migrations';

export type { Db };

/** Owner-only modes of the cache folders and files (POSIX; Windows keeps the profile's ACLs). */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Sets `mode` on an existing file or folder this user owns (a missing one is left alone). */
export function restrictMode(target: string, mode: number): void {
  if (process.platform === 'win32') return;
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if ((st.mode & 0o777) !== mode && st.uid === process.getuid?.()) fs.chmodSync(target, mode);
}

/** Creates a folder (with parents) readable by the owner only; an existing one is narrowed to 700. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  restrictMode(dir, PRIVATE_DIR_MODE);
}

/** The database file and its WAL companions. */
const dbFiles = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

/** Thrown when the file was written by a newer version of the app. */
export class NewerDatabaseError extends Error {
  readonly code = 'db_newer';
  constructor(file: string, found: number, supported: number) {
    super(`Локальная база ${file} создана более новой версией приложения (схема ${found}, поддерживается ${supported}). Обновите приложение; файл не изменён.`);
  }
}

/** The database file of a login: `<dataDir>/<login>.sqlite` (login made filename-safe). */
export function dbFileFor(dataDir: string, login: string): string {
  const safe = login.trim().toLowerCase().replace(/[^a-z0-9._-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
  return path.join(dataDir, `${safe}.sqlite`);
}

/** Applies pending migrations, each in its own transaction together with the version bump. */
export function migrate(db: Db, list: readonly Migration[] = migrations, file = 'database'): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > list.length) throw new NewerDatabaseError(file, current, list.length);
  for (const m of list.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/** Opens (creating when absent) and migrates a cache database file. */
export function openDb(file: string, list: readonly Migration[] = migrations): Db {
  const onDisk = file !== ':memory:';
  if (onDisk) ensurePrivateDir(path.dirname(file));
  const exists = onDisk && fs.existsSync(file);
  // SQLite gives -wal/-shm the database file's mode: create it 600, narrow an older one first.
  if (onDisk && !exists) fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  if (onDisk) for (const f of dbFiles(file)) restrictMode(f, PRIVATE_FILE_MODE);
  if (exists) {
    // Check the version without any write (no WAL switch) before touching the file.
    const probe = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const v = probe.pragma('user_version', { simple: true }) as number;
      if (v > list.length) throw new NewerDatabaseError(path.basename(file), v, list.length);
    } finally {
      probe.close();
    }
  }
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    if (onDisk) for (const f of dbFiles(file)) restrictMode(f, PRIVATE_FILE_MODE);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, list, path.basename(file));
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export { LATEST_VERSION };
