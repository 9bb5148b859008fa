/**
 * Where each lead/admin channel goes on the server: method, path (built here from the validated
 * request, every path parameter URI-encoded), query and body. The reply is parsed with the
 * channel's response schema by the caller (MainServices.serverCall).
 */
import type { z } from 'zod';
import type { LeadChannelName } from '../../shared/ipc/lead-channels';
import type { HttpClient } from '../sync/http-client';
import type { ReqOut } from './ipc-core';
import { AppError } from '../errors';

/** One HTTP call to the server under /api/v1. */
export interface RouteCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/** Channels answered by one JSON route (server.download is a file, see reportExportPath). */
export type RouteChannel = Exclude<LeadChannelName, 'server.download'>;

/** One path segment, URI-encoded; `.`/`..` (even encoded, URLs read them as steps) are refused. */
function seg(v: string | number): string {
  const s = encodeURIComponent(String(v));
  if (/^(\.|%2e){1,2}$/i.test(s)) throw new AppError('invalid_request', `Недопустимая часть адреса: ${s}`);
  return s;
}

/** The route of every lead/admin channel. */
export const serverRoutes: { [C in RouteChannel]: (req: ReqOut<C>) => RouteCall } = {
  'lead.board': (r) => ({ method: 'GET', path: '/board', query: { teamId: r.teamId } }),
  'lead.message': (r) => ({ method: 'POST', path: '/messages', body: r }),
  'lead.forceRelease': (r) => ({ method: 'POST', path: `/orders/${seg(r.orderId)}/force-release`, body: {} }),
  'lead.userOffers': (r) => ({ method: 'GET', path: `/admin/users/${seg(r.userId)}/offers` }),
  'lead.setUserOffers': (r) => ({ method: 'PUT', path: `/admin/users/${seg(r.userId)}/offers`, body: { offerSkus: r.offerSkus } }),
  'admin.users': () => ({ method: 'GET', path: '/admin/users' }),
  'admin.createUser': (r) => ({ method: 'POST', path: '/admin/users', body: r }),
  'admin.updateUser': (r) => ({ method: 'PATCH', path: `/admin/users/${seg(r.id)}`, body: r.patch }),
  'admin.teams': () => ({ method: 'GET', path: '/admin/teams' }),
  'admin.offers': () => ({ method: 'GET', path: '/admin/offers' }),
  'admin.saveOffer': (r) => ({ method: 'PUT', path: `/admin/offers/${seg(r.sku)}`, body: r }),
  'admin.scriptMarkdown': (r) => ({ method: 'POST', path: `/admin/scripts/${seg(r.sku)}/markdown`, body: r.markdown }),
  'admin.reasons': () => ({ method: 'GET', path: '/admin/reasons' }),
  'admin.saveReason': (r) => ({ method: 'PUT', path: `/admin/reasons/${seg(r.code)}`, body: r }),
  'admin.tariffs': () => ({ method: 'GET', path: '/admin/tariffs' }),
  'admin.saveTariff': (r) => (r.id === null
    ? { method: 'POST', path: '/admin/tariffs', body: r.tariff }
    : { method: 'PUT', path: `/admin/tariffs/${seg(r.id)}`, body: r.tariff }),
  'admin.deleteTariff': (r) => ({ method: 'DELETE', path: `/admin/tariffs/${seg(r.id)}` }),
  'admin.webhooks': () => ({ method: 'GET', path: '/admin/webhooks' }),
  'admin.createWebhook': (r) => ({ method: 'POST', path: '/admin/webhooks', body: r }),
  'admin.updateWebhook': (r) => ({ method: 'PATCH', path: `/admin/webhooks/${seg(r.id)}`, body: r.patch }),
  'admin.deleteWebhook': (r) => ({ method: 'DELETE', path: `/admin/webhooks/${seg(r.id)}` }),
  'admin.webhookDeliveries': (r) => ({ method: 'GET', path: `/admin/webhooks/${seg(r.id)}/deliveries`, query: { state: r.state } }),
  'admin.replayDelivery': (r) => ({ method: 'POST', path: `/admin/webhooks/deliveries/${seg(r.id)}/replay`, body: {} }),
  'admin.replayDead': (r) => ({ method: 'POST', path: `/admin/webhooks/${seg(r.id)}/replay-dead`, body: {} }),
  'admin.blacklist': () => ({ method: 'GET', path: '/admin/blacklist' }),
  'admin.addBlacklist': (r) => ({ method: 'POST', path: '/admin/blacklist', body: r }),
  'admin.deleteBlacklist': (r) => ({ method: 'DELETE', path: `/admin/blacklist/${seg(r.id)}` }),
  'orders.held': () => ({ method: 'GET', path: '/held-orders' }),
  'orders.decideHeld': (r) => ({ method: 'POST', path: `/held-orders/${seg(r.id)}/decide`, body: { action: r.action } }),
  'admin.settings': () => ({ method: 'GET', path: '/admin/settings' }),
  'admin.saveSettings': (r) => ({ method: 'PUT', path: '/admin/settings', body: r }),
  'reports.operators': (r) => ({ method: 'GET', path: '/reports/operators', query: { ...r } }),
  'reports.hourly': (r) => ({ method: 'GET', path: '/reports/hourly', query: { ...r } }),
  'pbx.flags': (r) => ({ method: 'GET', path: '/pbx/flags', query: { ...r } }),
  'quality.items': () => ({ method: 'GET', path: '/quality/items' }),
  'admin.saveQualityItem': ({ id, ...body }) => (id === undefined
    ? { method: 'POST', path: '/admin/quality/items', body }
    : { method: 'PUT', path: `/admin/quality/items/${seg(id)}`, body }),
  'quality.calls': (r) => ({ method: 'GET', path: '/quality/calls', query: { ...r } }),
  'quality.score': ({ callId, ...body }) => ({ method: 'PUT', path: `/quality/calls/${seg(callId)}/score`, body }),
  'plans.list': (r) => ({ method: 'GET', path: '/plans', query: { ...r } }),
  'plans.save': (r) => ({ method: 'PUT', path: '/plans', body: r }),
  'plans.uploadCsv': (r) => ({ method: 'POST', path: '/plans/csv', query: { day: r.day }, body: r.csv }),
  'plans.mine': (r) => ({ method: 'GET', path: '/plans/me', query: { ...r } }),
  'agent.resume': () => ({ method: 'GET', path: '/agent/state' }),
};

/** Sends one route call; the answer is parsed with `schema` (a violation throws AppError `bad_response`). */
export function callRoute<S extends z.ZodType>(http: HttpClient, route: RouteCall, schema: S): Promise<z.output<S>> {
  return http.request(route.method, route.path, schema, { query: route.query, body: route.body });
}

/** `/reports/<report>.<format>?…` of a server.download request (the query URI-encoded). */
export function reportExportPath(r: ReqOut<'server.download'>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(r.query)) if (v !== undefined) params.set(k, String(v));
  return `/reports/${seg(r.report)}.${seg(r.format)}?${params.toString()}`;
}
