/**
 * The numbered, append-only migrations of the local cache. Migration N brings `user_version`
 * from N−1 to N. Never edit or reorder an entry: add a new file and append it here.
 */
import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-queue-counts';
import * as m0003 from './0003-taken-at';
import * as m0004 from './0004-pull-cursor';
import * as m0005 from './0005-customer-zone';

export interface Migration { version: number; name: string; up: (db: Database) => void }

export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-initial', up: m0001.up },
  { version: 2, name: '0002-queue-counts', up: m0002.up },
  { version: 3, name: '0003-taken-at', up: m0003.up },
  { version: 4, name: '0004-pull-cursor', up: m0004.up },
  { version: 5, name: '0005-customer-zone', up: m0005.up },
];

/** The schema version this code writes. */
export const LATEST_VERSION = migrations.length;
