import type { Sql } from '../db/db';
import type { AuthedUser } from '../auth/session';
import { HttpError } from '../http/errors';

/**
 * The team a lead/admin request may see: an admin sees every team (or the one asked for); a lead
 * only its own team — asking for another is a 403, and a lead without a team sees nobody.
 */
export function teamScope(actor: AuthedUser, requestedTeamId?: number): number | null {
  if (actor.role === 'admin') return requestedTeamId ?? null;
  if (actor.teamId === null) throw new HttpError(403, 'forbidden', 'Руководитель не привязан к команде');
  if (requestedTeamId !== undefined && requestedTeamId !== actor.teamId) {
    throw new HttpError(403, 'forbidden', 'Данные другой команды недоступны');
  }
  return actor.teamId;
}

/** Checks that a user exists and is within the actor's scope (admin: anyone; lead: its team). Returns its team. */
export async function assertUserInScope(sql: Sql, actor: AuthedUser, userId: number): Promise<{ id: number; teamId: number | null; role: string; login: string; name: string }> {
  const { rows } = await sql.query<{ id: number; team_id: number | null; role: string; login: string; name: string }>(
    'SELECT id, team_id, role, login, name FROM users WHERE id = $1', [userId],
  );
  const u = rows[0];
  if (!u) throw new HttpError(404, 'not_found', `Пользователь ${userId} не найден`);
  if (actor.role !== 'admin' && (actor.teamId === null || u.team_id !== actor.teamId)) {
    throw new HttpError(403, 'forbidden', 'Пользователь другой команды недоступен');
  }
  return { id: u.id, teamId: u.team_id, role: u.role, login: u.login, name: u.name };
}

/**
 * Checks that the actor may manage the offers of user `userId`: an admin anyone, a lead only an
 * operator of its own team (another team, another lead or itself: 403).
 */
export async function assertOperatorInScope(sql: Sql, actor: AuthedUser, userId: number): Promise<{ id: number; teamId: number | null; role: string }> {
  const u = await assertUserInScope(sql, actor, userId);
  if (actor.role !== 'admin' && u.role !== 'operator') throw new HttpError(403, 'forbidden', 'Руководитель управляет только операторами своей команды');
  return u;
}
