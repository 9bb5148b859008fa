/** One handler per channel of the IPC contract, implemented on the main services. */
import type { MainServices } from '../services/main-services';
import { channels } from '../../shared/ipc/contract';
import type { Handlers } from './ipc-core';
import { reportExportPath, serverRoutes, type RouteCall, type RouteChannel } from './server-routes';

/** Maps every contract channel to the services. */
export function createHandlers(s: MainServices): Handlers {
  return {
    'auth.login': (req) => s.login(req),
    'auth.logout': async () => { await s.logout(); return null; },
    'auth.session': () => s.restore(),
    'settings.lastServer': () => s.lastServer(),
    'settings.get': (req) => s.getSetting(req.key),
    'settings.set': (req) => { s.setSetting(req.key, req.value); return null; },
    'queue.counts': () => s.queueCounts(),
    'queue.list': (req) => s.queueList(req),
    'queue.next': () => s.queueNext(),
    'order.claim': (req) => s.claim(req.orderId),
    'order.release': async (req) => { await s.release(req.orderId); return null; },
    'order.held': () => s.held(),
    'order.get': (req) => s.getOrderView(req.orderId),
    'draft.save': (req) => { s.saveDraft(req); return null; },
    'order.saveResult': (req) => s.saveResult(req),
    'call.log': (req) => s.logCall(req),
    'customer.history': (req) => s.customerHistory(req.phone),
    'order.history': (req) => s.orderHistory(req.orderId),
    'reasons.list': () => s.reasons(),
    'offers.list': () => s.offers(),
    'script.get': (req) => s.script(req.offerSku),
    'delivery.options': (req) => s.deliveryOptions(req),
    'address.suggest': (req) => s.addressSuggest(req),
    'agent.setState': (req) => { s.setAgentState(req); return null; },
    'agent.quality': (req) => { s.sendQuality(req); return null; },
    'sync.status': () => s.syncStatus(),
    'sync.now': () => s.syncNow(),
    ...serverHandlers(s),
    'server.download': (req) => s.serverDownload(reportExportPath(req)),
  };
}

/** One handler per lead/admin route channel: the route built from the request, the reply parsed with the channel's `res`. */
function serverHandlers(s: MainServices): Pick<Handlers, RouteChannel> {
  const out: Partial<Record<RouteChannel, (req: never) => unknown>> = {};
  for (const name of Object.keys(serverRoutes) as RouteChannel[]) {
    const route = serverRoutes[name] as (req: unknown) => RouteCall;
    out[name] = (req: unknown) => s.serverCall(route(req), channels[name].res);
  }
  return out as Pick<Handlers, RouteChannel>;
}
