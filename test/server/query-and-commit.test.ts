/**
 * `queryAndCommit` (the last statement of a take, sent with COMMIT in one message on PostgreSQL):
 * parameters are inlined as escaped literals and round-trip exactly; the transaction is committed
 * by it; a failing statement rolls the whole transaction back. PostgreSQL only: PGlite cannot load
 * inside Jest's VM (its `queryAndCommit` is a plain query, exercised by the server-process tests).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/db/db';
import { openPg } from '../../server/db/pg-db';
import { PG_URL } from './support/server-process';

jest.setTimeout(60_000);

const NASTY = `O'Brien \\ $1 "x" ''; COMMIT; -- ё`;

describe('queryAndCommit on PostgreSQL', () => {
  let db: Db;
  const schema = `qac_${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    db = await openPg(PG_URL, schema);
    await db.exec('CREATE TABLE t (id integer PRIMARY KEY, name text, at timestamptz, flag boolean, n integer)');
  });
  afterAll(async () => {
    await db.exec(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
  });

  it('commits the statement with its parameters inlined exactly', async () => {
    const at = '2026-11-28T10:00:00.123Z';
    const rows = await db.tx(async (sql) => {
      await sql.query('INSERT INTO t (id) VALUES (1)');
      return (await sql.queryAndCommit<{ name: string; at: Date; flag: boolean; n: number | null }>(
        'UPDATE t SET name = $2::text, at = $3, flag = $4, n = $5::int WHERE id = $1 RETURNING name, at, flag, n',
        [1, NASTY, at, true, null],
      )).rows;
    });
    expect(rows).toEqual([{ name: NASTY, at: new Date(at), flag: true, n: null }]);
    const { rows: seen } = await db.query<{ name: string }>('SELECT name FROM t WHERE id = 1');
    expect(seen[0]?.name).toBe(NASTY);
  });

  it('rolls everything back when the last statement fails', async () => {
    await expect(db.tx(async (sql) => {
      await sql.query('INSERT INTO t (id) VALUES (2)');
      await sql.queryAndCommit('INSERT INTO t (id, name) VALUES ($1, $2)', [1, 'duplicate key']);
    })).rejects.toThrow();
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE id = 2');
    expect(rows[0]?.n).toBe(0);
  });
});
