import type { Db } from '../db/db';
import type { ServerConfig } from '../config';
import { hashPassword } from '../auth/passwords';

/** Demo logins, printed at start and in the README. */
export const DEMO_CREDENTIALS = 'admin/admin, lead/lead, operator1…operator5/operator';

/** Seeds demo users into an empty database (no-op when users exist). Extended by the orders seed. */
export async function seedDemo(db: Db, config: ServerConfig, _now: Date): Promise<void> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((rows[0]?.n ?? 0) > 0) return;
  const team = await db.query<{ id: number }>("INSERT INTO teams (name) VALUES ('Команда 1') RETURNING id");
  const teamId = team.rows[0]?.id ?? null;
  const users: Array<[string, string, string, string]> = [
    ['admin', 'Администратор', 'admin', 'admin'],
    ['lead', 'Ольга Руководитель', 'lead', 'lead'],
    ...[1, 2, 3, 4, 5].map((i): [string, string, string, string] => [`operator${i}`, `Оператор ${i}`, 'operator', 'operator']),
  ];
  for (const [login, name, role, password] of users) {
    await db.query(
      `INSERT INTO users (login, name, role, password_hash, team_id, sip_ws_url, sip_domain, sip_user, sip_password)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [login, name, role, await hashPassword(password), teamId, config.sipWsUrl, config.sipDomain, login, password],
    );
  }
}
