/** One handler per channel of the IPC contract, implemented on the main services. */
import type { MainServices } from '../services/main-services';
import type { Handlers } from './ipc-core';

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
    'reasons.list': () => s.reasons(),
    'offers.list': () => s.offers(),
    'script.get': (req) => s.script(req.offerSku),
    'delivery.options': (req) => s.deliveryOptions(req),
    'address.suggest': (req) => s.addressSuggest(req),
    'agent.setState': (req) => { s.setAgentState(req); return null; },
    'agent.quality': (req) => { s.sendQuality(req); return null; },
    'sync.status': () => s.syncStatus(),
    'sync.now': () => s.syncNow(),
    'server.request': (req) => s.serverRequest(req),
    'server.download': (req) => s.serverDownload(req),
  };
}
