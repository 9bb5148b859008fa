import type { FastifyRequest } from 'fastify';
import type { Role, User } from '../../shared/api/http';
import type { Sql } from '../db/db';
import { hashToken } from './passwords';

export type AuthedUser = User & { teamId: number | null };

/** Finds the user of a bearer token that is neither expired nor revoked. */
export async function userByToken(sql: Sql, token: string): Promise<AuthedUser | null> {
  const { rows } = await sql.query<{ id: number; login: string; name: string; role: Role; team_id: number | null }>(
    `SELECT u.id, u.login, u.name, u.role, u.team_id FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
    [hashToken(token)],
    { prepare: true },
  );
  const r = rows[0];
  return r ? { id: r.id, login: r.login, name: r.name, role: r.role, teamId: r.team_id } : null;
}

/** The bearer token of a request, if any. */
export function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h || !h.startsWith('Bearer ')) return null;
  const t = h.slice(7).trim();
  return t.length > 0 && t.length <= 200 ? t : null;
}

