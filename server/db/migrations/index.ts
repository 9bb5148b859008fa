/** Append-only list of server migrations. Never edit a shipped one; add the next number. */
import { m0001 } from './0001-users';
import { m0002 } from './0002-orders';
import { m0003 } from './0003-live';
import { m0004 } from './0004-change-feed';
import { m0005 } from './0005-access';
import { m0006 } from './0006-customer-zone';
import { m0007 } from './0007-webhooks';
import { m0008 } from './0008-outcomes';
import { m0009 } from './0009-pbx-calls';
import { m0010 } from './0010-desk-dialing';
import { m0015 } from './0015-quality';

export type Migration = { id: number; name: string; sql: string };

export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0015];
