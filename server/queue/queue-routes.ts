/** Queue routes: tab counts, tab pages in the taking order, Next order. */
import { z } from 'zod';
import { QueuePageQuery, type QueueCounts, type QueuePage, type QueueRow } from '../../shared/api/http';
import { QueueTab } from '../../shared/domain/schemas';
import { QUEUE_TABS } from '../../shared/domain/tabs';
import { maskPhone } from '../../shared/domain/phone';
import type { RouteModule } from '../app-deps';
import { requireUser } from '../auth/session';
import { parseClean } from '../orders/parse-clean';
import type { OrderRow } from '../orders/order-repo';
import { TABBED_ORDERS, TAB_PARAM_COUNT, TAKING_ORDER, tabParams } from './tab-sql';
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

  app.get('/queue', async (req) => {
    await requireUser(db, req);
    const { timeZone } = await readCenterSettings(db, config);
    const { rows } = await db.query<{ tab: QueueTab; total: number; due: number }>(
      `SELECT t.tab, count(*)::int AS total, (count(*) FILTER (WHERE t.due))::int AS due FROM ${TABBED_ORDERS} t GROUP BY t.tab`,
      tabParams(now(), timeZone),
    );
    const tabs = Object.fromEntries(QUEUE_TABS.map((t) => [t, { total: 0, due: 0 }])) as QueueCounts['tabs'];
    for (const r of rows) tabs[r.tab] = { total: Number(r.total), due: Number(r.due) };
    const res: QueueCounts = { tabs };
    return res;
  });

  app.get('/queue/:tab', async (req) => {
    await requireUser(db, req);
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
    }));
    const res: QueuePage = { tab, total: Number(total.rows[0]?.n ?? 0), rows: out };
    return res;
  });

  app.post('/queue/next', async (req, reply) => {
    const user = await requireUser(db, req, ['operator']);
    const taken = await claimNext(deps, user);
    if (!taken) return reply.status(204).send();
    await deps.bus.publishAll([{ kind: 'poke', userIds: taken.poke }, { kind: 'activity', userId: user.id }]);
    return { order: taken.order };
  });
};
