import type { FastifyReply, FastifyRequest } from 'fastify';
import { OperatorReportQuery } from '../../shared/api/lead';
import type { RouteModule } from '../app-deps';
import { allow, LEAD_ROLES, userOf } from '../auth/access';
import { readCenterSettings } from '../admin/settings';
import { assertUserInScope, teamScope } from '../admin/scope';
import { HttpError, parseOr400 } from '../http/errors';
import { bufferCsv, bufferOrders, bufferXlsx, type BufferOrder } from './buffer-export';

/**
 * The buffer export (orders confirmed in a period, shaped like a courier's bulk upload form):
 * GET reports/buffer.csv and reports/buffer.xlsx ?from&to[&teamId&userId&offerSku]. Lead: the
 * orders its team confirmed; admin: every team. Days are local days of the center's zone.
 */
export const bufferExportRoutes: RouteModule = (app, { db, config, now }) => {
  const load = async (req: FastifyRequest): Promise<{ orders: BufferOrder[]; from: string; to: string; timeZone: string }> => {
    const actor = userOf(req);
    const q = parseOr400(OperatorReportQuery, req.query, 'query');
    if (q.to < q.from) throw new HttpError(400, 'invalid_input', 'to: конец периода раньше начала', 'to');
    const teamId = teamScope(actor, q.teamId);
    if (q.userId !== undefined) await assertUserInScope(db, actor, q.userId);
    const { timeZone } = await readCenterSettings(db, config);
    const orders = await bufferOrders(db, { teamId, userId: q.userId ?? null, offerSku: q.offerSku ?? null }, q.from, q.to, timeZone);
    return { orders, from: q.from, to: q.to, timeZone };
  };
  const file = (reply: FastifyReply, type: string, name: string, data: string | Buffer) => reply
    .header('content-type', type).header('content-disposition', `attachment; filename="${name}"`).send(data);

  /** GET reports/buffer.csv — the buffer as CSV (UTF-8 BOM, `;`, decimal comma). */
  app.get('/reports/buffer.csv', allow(LEAD_ROLES, 'team'), async (req, reply) => {
    const b = await load(req);
    return file(reply, 'text/csv; charset=utf-8', `buffer_${b.from}_${b.to}.csv`, bufferCsv(b.orders, b.timeZone));
  });

  /** GET reports/buffer.xlsx — the buffer as an Excel workbook. */
  app.get('/reports/buffer.xlsx', allow(LEAD_ROLES, 'team'), async (req, reply) => {
    const b = await load(req);
    return file(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `buffer_${b.from}_${b.to}.xlsx`,
      await bufferXlsx(b.orders, b.timeZone, now()));
  });
};
