import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../app-deps';
import type { AuthedUser } from '../auth/session';
import { allow, LEAD_ROLES, userOf } from '../auth/access';
import { HttpError, parseOr400 } from '../http/errors';
import { HourlyReportQuery, OperatorReportQuery } from '../../shared/api/lead';
import { readCenterSettings } from '../admin/settings';
import { assertUserInScope, teamScope } from '../admin/scope';
import { hourlyReport, operatorReport, type ReportScope } from './operator-report';
import { operatorReportCsv } from './export-csv';
import { operatorReportXlsx } from './export-xlsx';

async function scopeOf(db: Parameters<typeof assertUserInScope>[0], actor: AuthedUser, q: { teamId?: number; userId?: number; offerSku?: string }): Promise<ReportScope> {
  const teamId = teamScope(actor, q.teamId);
  if (q.userId !== undefined) await assertUserInScope(db, actor, q.userId);
  return { teamId, userId: q.userId ?? null, offerSku: q.offerSku ?? null };
}

/**
 * Reports computed on the server from agent_events, calls and order_results: GET
 * reports/operators (JSON), reports/operators.csv, reports/operators.xlsx, reports/hourly.
 * Lead: its team only; admin: every team. Days are local days of the center's zone.
 */
export const reportRoutes: RouteModule = (app, { db, config, now }) => {
  const build = async (req: FastifyRequest) => {
    const actor = userOf(req);
    const q = parseOr400(OperatorReportQuery, req.query, 'query');
    if (q.to < q.from) throw new HttpError(400, 'invalid_input', 'to: конец периода раньше начала', 'to');
    const settings = await readCenterSettings(db, config);
    const scope = { ...(await scopeOf(db, actor, q)), pbxVerified: settings.pbxVerifiedCalls };
    try {
      return await operatorReport(db, scope, { from: q.from, to: q.to, granularity: q.granularity }, settings.timeZone, now());
    } catch (e) {
      if (e instanceof Error && /range/.test(e.message)) throw new HttpError(400, 'invalid_input', `from: ${e.message}`, 'from');
      throw e;
    }
  };

  /** GET reports/operators?from&to&teamId&userId&offerSku&granularity=day|month */
  app.get('/reports/operators', allow(LEAD_ROLES, 'team'), async (req) => build(req));

  /** GET reports/operators.csv — the same report as CSV (UTF-8 BOM, `;`, decimal comma). */
  app.get('/reports/operators.csv', allow(LEAD_ROLES, 'team'), async (req, reply) => {
    const report = await build(req);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="operators_${report.from}_${report.to}.csv"`)
      .send(operatorReportCsv(report));
  });

  /** GET reports/operators.xlsx — the same report as an Excel workbook. */
  app.get('/reports/operators.xlsx', allow(LEAD_ROLES, 'team'), async (req, reply) => {
    const report = await build(req);
    const buf = await operatorReportXlsx(report, now());
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="operators_${report.from}_${report.to}.xlsx"`)
      .send(buf);
  });

  /** GET reports/hourly?day&teamId&userId&offerSku&trendDays — calls/confirmations per hour, approval trend. */
  app.get('/reports/hourly', allow(LEAD_ROLES, 'team'), async (req) => {
    const actor = userOf(req);
    const q = parseOr400(HourlyReportQuery, req.query, 'query');
    const settings = await readCenterSettings(db, config);
    const scope = { ...(await scopeOf(db, actor, q)), pbxVerified: settings.pbxVerifiedCalls };
    return hourlyReport(db, scope, q.day, q.trendDays, settings.timeZone);
  });
};
