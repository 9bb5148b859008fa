import { PGlite } from '@electric-sql/pglite';
import type { Db, Sql, TxSql } from './db';

/**
 * Embedded PGlite database (one connection). Transactions are serialized by PGlite itself;
 * `FOR UPDATE SKIP LOCKED` is accepted and trivially correct on a single connection. Its
 * `queryAndCommit` is a plain query: the transaction commits when `fn` returns.
 */
export async function openPglite(dataDir: string | null): Promise<Db> {
  const pg = await PGlite.create(dataDir ? dataDir : 'memory://');
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Sql => ({
    async query(text, params) {
      const r = await q.query(text, params ? [...params] : undefined);
      return { rows: r.rows as never[], rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(text) {
      await q.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    async tx(fn, opts) {
      return pg.transaction(async (t) => {
        if (opts?.isolation) await t.query(`SET TRANSACTION ISOLATION LEVEL ${opts.isolation.toUpperCase()}`);
        const txSql: TxSql = { ...wrap(t), queryAndCommit: (text, params) => txSql.query(text, params) };
        return fn(txSql);
      });
    },
    async listen(channel, onPayload) {
      const unsub = await pg.listen(channel, onPayload);
      return async () => { await unsub(); };
    },
    async notify(channel, payload) {
      await pg.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await pg.close();
    },
  };
}
