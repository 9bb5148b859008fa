import type { RouteModule } from '../app-deps';
import type { Sql } from '../db/db';
import { allow, ANY_ROLE, LEAD_ROLES, userOf } from '../auth/access';
import { HttpError, parseOr400 } from '../http/errors';
import { MyPlanQuery, PlansCsvQuery, PlansQuery, PutPlansRequest, type MyPlanResponse, type PlansCsvResponse } from '../../shared/api/lead';
import { localDayKeyOf, dayWindow, planProgress, resultFigures, approvalRate, type ReportResult } from '../../shared/domain/reports';
import { readCenterSettings } from '../admin/settings';
import { teamScope } from '../admin/scope';
import { parsePlansCsv } from './plans-csv';


async function upsertPlan(sql: Sql, userId: number, day: string, c: number, k: number, by: number): Promise<void> {
  await sql.query(
    `INSERT INTO plans (user_id, day, target_confirmed, target_calls, updated_by, updated_at) VALUES ($1, $2::date, $3, $4, $5, now())
     ON CONFLICT (user_id, day) DO UPDATE SET target_confirmed = EXCLUDED.target_confirmed, target_calls = EXCLUDED.target_calls,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [userId, day, c, k, by],
  );
}

/**
 * Plans: PUT plans (form), POST plans/csv?day (text/csv upload, all lines or none), GET plans?day (lead: its team;
 * admin: all or ?teamId) and GET plans/me?day (the operator's own progress for the header).
 */
export const plansRoutes: RouteModule = (app, { db, config, now, bus }) => {
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 1_048_576 }, (_req, body, done) => done(null, body));
  }

  /** Operators of the actor's scope by id and by lower-cased login. */
  const operatorsInScope = async (teamId: number | null) => {
    const { rows } = await db.query<{ id: number; login: string; name: string }>(
      "SELECT id, login, name FROM users WHERE role = 'operator' AND ($1::int IS NULL OR team_id = $1::int) ORDER BY name, id",
      [teamId],
    );
    return rows;
  };

  /** Tells the operators whose plan changed (live `plan.changed`, on every server instance). */
  const announce = (userIds: number[], day: string) => bus.publish({ kind: 'planChanged', userIds: [...new Set(userIds)], day });

  app.put('/plans', allow(LEAD_ROLES, 'team'), async (req) => {
    const actor = userOf(req);
    const body = parseOr400(PutPlansRequest, req.body, 'body');
    const ops = await operatorsInScope(teamScope(actor));
    body.rows.forEach((r, i) => {
      if (!ops.some((o) => o.id === r.userId)) throw new HttpError(403, 'forbidden', `rows.${i}.userId: оператор ${r.userId} не из вашей команды`, `rows.${i}.userId`);
    });
    await db.tx(async (sql) => {
      for (const r of body.rows) await upsertPlan(sql, r.userId, body.day, r.targetConfirmed, r.targetCalls, actor.id);
    });
    await announce(body.rows.map((r) => r.userId), body.day);
    return { day: body.day, saved: body.rows.length };
  });

  /**
   * POST plans/csv?day — saves every line or none: bad lines answer 200 `{saved: 0, errors}` with
   * one clear message per line; an empty file or a non-CSV body is a 400.
   */
  app.post('/plans/csv', allow(LEAD_ROLES, 'team'), async (req): Promise<PlansCsvResponse> => {
    const actor = userOf(req);
    const { day } = parseOr400(PlansCsvQuery, req.query, 'query');
    if (typeof req.body !== 'string') throw new HttpError(400, 'invalid_input', 'body: ожидается text/csv «логин;план подтверждений;план звонков»', 'body');
    const parsed = parsePlansCsv(req.body);
    const ops = await operatorsInScope(teamScope(actor));
    const byLogin = new Map(ops.map((o) => [o.login.toLowerCase(), o]));
    const errors = [...parsed.errors];
    const rows = parsed.rows.flatMap((r) => {
      const op = byLogin.get(r.login.toLowerCase());
      if (!op) { errors.push({ line: r.line, message: `строка ${r.line}: оператор «${r.login}» не найден в вашей команде` }); return []; }
      return [{ ...r, userId: op.id }];
    });
    errors.sort((a, b) => a.line - b.line);
    // A file with any bad line saves nothing: the lead fixes the file and uploads it again.
    if (errors.length) return { day, saved: 0, errors };
    if (rows.length === 0) throw new HttpError(400, 'invalid_csv', 'Файл не содержит строк плана', 'body');
    await db.tx(async (sql) => {
      for (const r of rows) await upsertPlan(sql, r.userId, day, r.targetConfirmed, r.targetCalls, actor.id);
    });
    await announce(rows.map((r) => r.userId), day);
    return { day, saved: rows.length, errors: [] };
  });

  app.get('/plans', allow(LEAD_ROLES, 'team'), async (req) => {
    const actor = userOf(req);
    const q = parseOr400(PlansQuery, req.query, 'query');
    const teamId = teamScope(actor, q.teamId);
    const { rows } = await db.query<{ user_id: number; login: string; name: string; target_confirmed: number; target_calls: number }>(
      `SELECT p.user_id, u.login, u.name, p.target_confirmed, p.target_calls FROM plans p JOIN users u ON u.id = p.user_id
        WHERE p.day = $1::date AND ($2::int IS NULL OR u.team_id = $2::int) ORDER BY u.name, u.id`,
      [q.day, teamId],
    );
    return { day: q.day, rows: rows.map((r) => ({ userId: r.user_id, login: r.login, name: r.name, targetConfirmed: r.target_confirmed, targetCalls: r.target_calls })) };
  });

  app.get('/plans/me', allow(ANY_ROLE, 'own'), async (req): Promise<MyPlanResponse> => {
    const actor = userOf(req);
    const q = parseOr400(MyPlanQuery, req.query, 'query');
    const { timeZone } = await readCenterSettings(db, config);
    const day = q.day ?? localDayKeyOf(now(), timeZone);
    const w = dayWindow(day, timeZone);
    const [from, to] = [new Date(w.from).toISOString(), new Date(w.to).toISOString()];
    const plan = (await db.query<{ target_confirmed: number; target_calls: number }>(
      'SELECT target_confirmed, target_calls FROM plans WHERE user_id = $1 AND day = $2::date', [actor.id, day],
    )).rows[0];
    const results = await db.query<{ order_id: number; result: ReportResult }>(
      'SELECT order_id, result FROM order_results WHERE user_id = $1 AND at >= $2 AND at < $3', [actor.id, from, to],
    );
    const calls = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM calls WHERE user_id = $1 AND started_at >= $2 AND started_at < $3', [actor.id, from, to]);
    const { confirmed, processed } = resultFigures(results.rows.map((r) => ({ orderId: r.order_id, result: r.result, goodsKop: 0, extraItems: 0 })));
    const targetConfirmed = plan?.target_confirmed ?? null;
    return {
      day,
      targetConfirmed,
      targetCalls: plan?.target_calls ?? null,
      confirmed,
      calls: calls.rows[0]?.n ?? 0,
      confirmedRatio: planProgress(targetConfirmed, confirmed).ratio,
      processed,
      approvalRate: approvalRate(confirmed, processed),
    };
  });
};
