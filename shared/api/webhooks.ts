/**
 * Outgoing webhooks, admin API (prefix /api/v1/admin/webhooks, admin role): endpoints that
 * receive every order event of the kinds they subscribe to as a signed POST, their recent
 * deliveries and attempts, replay of dead letters (docs/integrations.md).
 */
import { z } from 'zod';
import { IsoInstant, OrderId } from '../domain/schemas';
import { OrderEventKind } from './integrations';

const URL_MSG = 'нужен адрес http:// или https:// (до 2000 символов)';

/** Where events are POSTed: an absolute http(s) URL without credentials. */
export const WebhookUrl = z.string({ error: URL_MSG }).trim().max(2000, { error: URL_MSG })
  .pipe(z.url({ protocol: /^https?$/, error: URL_MSG }))
  .refine((s) => !/^https?:\/\/[^/?#]*@/i.test(s), { error: 'адрес без логина и пароля (user:password@)' });

/** The shared secret of the HMAC signature. */
export const WebhookSecret = z.string({ error: 'секрет: от 16 до 200 символов' }).min(16, { error: 'секрет: не короче 16 символов' })
  .max(200, { error: 'секрет: не длиннее 200 символов' }).regex(/^\S+$/, { error: 'секрет: без пробелов' });

/** The event kinds an endpoint receives: at least one, each once. */
export const WebhookKinds = z.array(z.enum(OrderEventKind.options, { error: 'неизвестный вид события' }), { error: 'выберите хотя бы одно событие' }).min(1, { error: 'выберите хотя бы одно событие' })
  .refine((k) => new Set(k).size === k.length, { error: 'события не должны повторяться' });

/** POST admin/webhooks */
export const CreateWebhookRequest = z.object({
  url: WebhookUrl,
  secret: WebhookSecret,
  kinds: WebhookKinds,
  paused: z.boolean().default(false),
});
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequest>;

/** PATCH admin/webhooks/:id — any of the fields; an omitted secret stays. */
export const UpdateWebhookRequest = z.object({
  url: WebhookUrl.optional(),
  secret: WebhookSecret.optional(),
  kinds: WebhookKinds.optional(),
  paused: z.boolean().optional(),
});
export type UpdateWebhookRequest = z.infer<typeof UpdateWebhookRequest>;

/** An endpoint as the admin sees it: the secret only as its last 4 characters. */
export const WebhookEndpoint = z.object({
  id: z.number().int().positive(),
  url: z.string(),
  kinds: z.array(OrderEventKind),
  paused: z.boolean(),
  secretHint: z.string(),
  pending: z.number().int(),
  delivered: z.number().int(),
  dead: z.number().int(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhooksResponse = z.object({ endpoints: z.array(WebhookEndpoint) });
export type WebhooksResponse = z.infer<typeof WebhooksResponse>;

export const DeliveryState = z.enum(['pending', 'delivered', 'dead']);
export type DeliveryState = z.infer<typeof DeliveryState>;

/** One event's delivery to one endpoint and its last attempt. */
export const WebhookDelivery = z.object({
  id: z.number().int().positive(),
  eventId: z.number().int().positive(),
  orderId: OrderId,
  kind: OrderEventKind,
  state: DeliveryState,
  attempts: z.number().int(),
  nextAttemptAt: IsoInstant.nullable(),
  lastAttemptAt: IsoInstant.nullable(),
  lastStatus: z.number().int().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: IsoInstant.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** One HTTP attempt (the log keeps the most recent ones per endpoint). */
export const WebhookAttempt = z.object({
  id: z.number().int().positive(),
  deliveryId: z.number().int().positive(),
  eventId: z.number().int().positive(),
  attempt: z.number().int(),
  at: IsoInstant,
  status: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
  retryAt: IsoInstant.nullable(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

/** GET admin/webhooks/:id/deliveries?state — the most recent deliveries (newest first) and attempts. */
export const WebhookDeliveriesQuery = z.object({
  state: DeliveryState.optional(),
  limit: z.coerce.number({ error: 'limit: целое число от 1 до 200' }).int().min(1, { error: 'limit: целое число от 1 до 200' })
    .max(200, { error: 'limit: целое число от 1 до 200' }).default(50),
});
export type WebhookDeliveriesQuery = z.infer<typeof WebhookDeliveriesQuery>;

export const WebhookDeliveriesResponse = z.object({ deliveries: z.array(WebhookDelivery), attempts: z.array(WebhookAttempt) });
export type WebhookDeliveriesResponse = z.infer<typeof WebhookDeliveriesResponse>;

/** POST admin/webhooks/:id/replay-dead and deliveries/:id/replay — how many dead letters went back to the queue. */
export const ReplayResponse = z.object({ replayed: z.number().int() });
export type ReplayResponse = z.infer<typeof ReplayResponse>;
