/** Queue routes: tab counts, tab pages in the taking order, Next order. */
import { z } from 'zod';
import { QueuePageQuery, type QueueCounts, type QueuePage, type QueueRow } from '../../shared/api/http';
import { QueueTab } from '../../shared/domain/schemas';
import { maskPhone } from '../../shared/domain/phone';
import type { RouteModule } from '../app-deps';
import { allow, ANY_ROLE, OPERATOR_ROLES, userOf } from '../auth/access';
import { parseClean } from '../orders/parse-clean';
import type { OrderRow } from '../orders/order-repo';
import { TABBED_ORDERS, TAB_PARAM_COUNT, TAKING_ORDER, countTabs, tabParams } from './tab-sql';
import { claimNext } from './claim';
import { readCenterSettings } from '../admin/settings';

const TabParam = z.object({ tab: QueueTab });
type TabbedRow = OrderRow & { tab: QueueTab; due: boolean; offer_name: string | null };

/**
 * GET /queue — per tab: total and due counts (every role).
 * GET /queue/:tab?offset&limit — rows of a tab in the taking order, phones masked (every role).
 * POST /queue/next — operator: claims the next order by priority; 200 {order} or 204.
 */
export const queueRoutes: RouteModule = (app, deps) => {
  const { db, config, now } = deps;

  app.get('/queue', allow(ANY_ROLE, 'all'), async () => {
    const { timeZone } = await readCenterSettings(db, config);
    const res: QueueCounts = { tabs: await countTabs(db, now(), timeZone) };
    return res;
  });

  app.get('/queue/:tab', allow(ANY_ROLE, 'all'), async (req) => {
    const { tab } = parseClean(TabParam, req.params, 'params');
    const page = parseClean(QueuePageQuery, req.query, 'query');
    const { timeZone } = await readCenterSettings(db, config);
    const params = [...tabParams(now(), timeZone), tab];
    const p = TAB_PARAM_COUNT + 1;
    const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABBED_ORDERS} t WHERE t.tab = $${p}`, params);
    const { rows } = await db.query<TabbedRow>(
      `SELECT t.*, f.name AS offer_name FROM ${TABBED_ORDERS} t LEFT JOIN offers f ON f.sku = t.offer_sku
        WHERE t.tab = $${p} ORDER BY ${TAKING_ORDER.split(', ').map((c) => `t.${c}`).join(', ')} OFFSET $${p + 1} LIMIT $${p + 2}`,
      [...params, page.offset, page.limit],
    );
    const out: QueueRow[] = rows.map((r) => ({
      id: r.id,
      tab: r.tab,
      due: r.due,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name ?? null,
      failedAttempts: r.failed_attempts,
      callbackAt: r.callback_at ? r.callback_at.toISOString() : null,
      offerSku: r.offer_sku,
      offerName: r.offer_name ?? r.offer_sku,
      customerName: r.customer_name,
      phoneMasked: maskPhone(r.phone),
      customerZone: { zone: r.customer_zone ?? null, source: r.zone_source ?? 'unknown' },
    }));
    const res: QueuePage = { tab, total: Number(total.rows[0]?.n ?? 0), rows: out };
    return res;
  });

  app.post('/queue/next', allow(OPERATOR_ROLES, 'own'), async (req, reply) => {
    const user = userOf(req);
    const taken = await claimNext(deps, user);
    if (!taken) return reply.status(204).send();
    await deps.bus.publishAll([{ kind: 'poke', userIds: taken.poke }, { kind: 'activity', userId: user.id }]);
    return { order: taken.order };
  });
};
