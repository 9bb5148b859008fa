/** Append-only list of server migrations. Never edit a shipped one; add the next number. */
import { m0001 } from './0001-users';
import { m0002 } from './0002-orders';
import { m0003 } from './0003-live';
import { m0004 } from './0004-change-feed';
import { m0005 } from './0005-access';

export type Migration = { id: number; name: string; sql: string };

export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005];
