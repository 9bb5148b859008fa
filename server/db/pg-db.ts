import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, Sql, TxSql } from './db';

pg.types.setTypeParser(20, (v) => Number(v)); // int8 → number (versions, kopecks stay < 2^53)

/** Name of the prepared statement of `text` on every connection (same text, same name). */
function preparedName(text: string): string {
  return `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

/** `value` as an SQL literal (NULL, number, boolean, ISO instant for dates, escaped text, JSON for arrays/objects as text). */
function literalOf(client: pg.PoolClient, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot inline ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return client.escapeLiteral(value.toISOString());
  if (typeof value === 'string') return client.escapeLiteral(value);
  throw new Error(`cannot inline a ${typeof value} parameter`);
}

/** PostgreSQL through a `pg` pool; an optional `schema` isolates test runs (search_path). */
export async function openPg(url: string, schema?: string): Promise<Db> {
  const options = schema ? `-c search_path=${schema}` : undefined;
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 20, options });
  pool.on('error', () => undefined);
  const listener = new pg.Client({ connectionString: url, options });
  let listenerReady: Promise<void> | null = null;
  const handlers = new Map<string, Set<(p: string) => void>>();
  const ensureListener = () => {
    listenerReady ??= listener.connect().then(() => {
      listener.on('notification', (n) => handlers.get(n.channel)?.forEach((h) => h(n.payload ?? '')));
    });
    return listenerReady;
  };
  const wrap = (c: pg.Pool | pg.PoolClient): Sql => ({
    async query(text, params, opts) {
      const values = params ? [...params] : undefined;
      const r = await (opts?.prepare ? c.query({ name: preparedName(text), text, values }) : c.query(text, values));
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
    async exec(text) {
      await c.query(text);
    },
  });
  return {
    kind: 'pg',
    ...wrap(pool),
    async tx(fn, opts) {
      const client = await pool.connect();
      try {
        await client.query(opts?.isolation ? `BEGIN ISOLATION LEVEL ${opts.isolation.toUpperCase()}` : 'BEGIN');
        let committed = false;
        const txSql: TxSql = {
          ...wrap(client),
          async queryAndCommit(text, params) {
            const inlined = text.replace(/\$(\d+)/g, (_, n: string) => {
              const i = Number(n) - 1;
              if (i < 0 || i >= params.length) throw new Error(`parameter $${n} is not given`);
              return literalOf(client, params[i]);
            });
            committed = true;
            const results = (await client.query(`${inlined};\nCOMMIT`)) as unknown as pg.QueryResult[];
            const first = results[0];
            return { rows: first?.rows ?? [], rowCount: first?.rowCount ?? 0 };
          },
        };
        const out = await fn(txSql);
        if (!committed) await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      await ensureListener();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      }
      set.add(onPayload);
      return async () => { set.delete(onPayload); };
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (listenerReady) await listener.end().catch(() => undefined);
      await pool.end();
    },
  };
}
