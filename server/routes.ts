import type { RouteModule } from './app-deps';
import { authRoutes } from './auth/auth-routes';
import { healthRoutes } from './http/health-routes';
import { liveRoutes } from './live/live-routes';
import { boardRoutes } from './board/board-routes';
import { reportRoutes } from './reports/report-routes';
import { plansRoutes } from './plans/plans-routes';
import { adminRoutes } from './admin/admin-routes';
import { centerRoutes } from './admin/settings';
import { ingestRoutes } from './orders/ingest-routes';
import { orderRoutes } from './orders/order-routes';
import { queueRoutes } from './queue/queue-routes';
import { syncRoutes } from './sync/sync-routes';
import { lookupRoutes } from './lookups/lookup-routes';
import { changesRoutes } from './integrations/changes-routes';
import { pbxRoutes } from './pbx/pbx-routes';
import { webhookRoutes } from './integrations/webhook-routes';
import { bufferExportRoutes } from './reports/buffer-export-routes';
import { shipmentRoutes } from './outcomes/shipment-routes';
import { blacklistRoutes } from './outcomes/blacklist-routes';
import { qualityRoutes } from './quality/quality-routes';

/** Every route module of the API, registered under /api/v1 in this order. */
export const routeModules: RouteModule[] = [healthRoutes, authRoutes, liveRoutes, boardRoutes, reportRoutes, plansRoutes, adminRoutes, centerRoutes,
  ingestRoutes, orderRoutes, queueRoutes, syncRoutes, lookupRoutes, changesRoutes, webhookRoutes, bufferExportRoutes, shipmentRoutes, blacklistRoutes, pbxRoutes, qualityRoutes];
