/** Append-only list of server migrations. Never edit a shipped one; add the next number. */
import { m0001 } from './0001-users';

export type Migration = { id: number; name: string; sql: string };

export const migrations: Migration[] = [m0001];
