/**
 * The IPC channels of the lead and admin screens: one channel per server route they use, each
 * with its request and response schema (the HTTP schemas of shared/api/lead.ts). Main builds the
 * route's path from the validated, URI-encoded parameters; no channel carries a free path.
 */
import { z } from 'zod';
import { Script } from '../api/http';
import {
  AdminOffersResponse, AdminReason, AdminReasonsResponse, AdminUser, AdminUsersResponse, BoardResponse, CenterSettings,
  CenterSettingsPatch, CreateUserRequest, DayKey, ForceReleaseResponse, HourlyReport, HourlyReportQuery, MyPlanQuery,
  MyPlanResponse, OkResponse, OperatorReport, OperatorReportQuery, PlansCsvResponse, PlansQuery, PlansResponse,
  PutPlansRequest, PutPlansResponse, SendMessageRequest, SendMessageResponse, Tariff, TariffInput, TeamsResponse,
  UpdateUserRequest, UpsertOfferRequest, UserOffersRequest, UserOffersResponse,
} from '../api/lead';
import { Offer, OrderId, Sku } from '../domain/schemas';
import { PbxFlagsQuery, PbxFlagsResponse } from '../api/pbx';
import { AgentStateResponse } from '../api/live';
import { AddBlacklistRequest, BlacklistEntry, BlacklistResponse, DecideHeldRequest, HeldOrdersResponse } from '../api/outcomes';
import { QualityCall, QualityCallsQuery, QualityCallsResponse, QualityItemSchema, QualityItemsResponse, SaveQualityItemRequest, ScoreCallRequest } from '../api/quality';
import { CreateWebhookRequest, DeliveryState, ReplayResponse, UpdateWebhookRequest, WebhookDeliveriesResponse, WebhookEndpoint, WebhooksResponse } from '../api/webhooks';

const Empty = z.object({}).strict();
/** A database id carried in a route's path. */
const RowId = z.number().int().positive().max(2 ** 31 - 1);
/** A SKU carried in a route's path: `.` and `..` would be read as path steps, so they are refused. */
const PathSku = Sku.refine((s) => s !== '.' && s !== '..', 'SKU «.» и «..» недопустимы');

/** The report exports main can download (`reports/<report>.<format>`). */
export const ExportReport = z.enum(['operators', 'buffer']);
export const ExportFormat = z.enum(['csv', 'xlsx']);

/** Request/response schema pairs of the lead/admin channels. */
export const leadChannels = {
  /** GET board: the live board of the lead's team (admin: everyone or `teamId`). */
  'lead.board': { req: z.object({ teamId: RowId.optional() }).strict(), res: BoardResponse },
  /** POST messages: a lead's message to an operator. */
  'lead.message': { req: SendMessageRequest.strict(), res: SendMessageResponse },
  /** POST orders/:id/force-release. */
  'lead.forceRelease': { req: z.object({ orderId: OrderId }).strict(), res: ForceReleaseResponse },
  /** GET admin/users/:id/offers: the products an operator may take. */
  'lead.userOffers': { req: z.object({ userId: RowId }).strict(), res: UserOffersResponse },
  /** PUT admin/users/:id/offers. */
  'lead.setUserOffers': { req: UserOffersRequest.extend({ userId: RowId }).strict(), res: UserOffersResponse },
  /** GET admin/users. */
  'admin.users': { req: Empty, res: AdminUsersResponse },
  /** POST admin/users. */
  'admin.createUser': { req: CreateUserRequest.strict(), res: AdminUser },
  /** PATCH admin/users/:id. */
  'admin.updateUser': { req: z.object({ id: RowId, patch: UpdateUserRequest.strict() }).strict(), res: AdminUser },
  /** GET admin/teams. */
  'admin.teams': { req: Empty, res: TeamsResponse },
  /** GET admin/offers. */
  'admin.offers': { req: Empty, res: AdminOffersResponse },
  /** PUT admin/offers/:sku (the SKU of the body). */
  'admin.saveOffer': { req: UpsertOfferRequest.extend({ sku: PathSku }).strict(), res: Offer },
  /** POST admin/scripts/:sku/markdown: a script uploaded as Markdown. */
  'admin.scriptMarkdown': { req: z.object({ sku: PathSku, markdown: z.string().min(1).max(1_000_000) }).strict(), res: Script },
  /** GET admin/reasons. */
  'admin.reasons': { req: Empty, res: AdminReasonsResponse },
  /** PUT admin/reasons/:code (the code of the body). */
  'admin.saveReason': { req: AdminReason.strict(), res: AdminReason },
  /** GET admin/tariffs. */
  'admin.tariffs': { req: Empty, res: z.object({ tariffs: z.array(Tariff) }) },
  /** POST admin/tariffs (id null) or PUT admin/tariffs/:id. */
  'admin.saveTariff': { req: z.object({ id: RowId.nullable(), tariff: TariffInput }).strict(), res: Tariff },
  /** DELETE admin/tariffs/:id. */
  'admin.deleteTariff': { req: z.object({ id: RowId }).strict(), res: OkResponse },
  /** GET admin/webhooks: the outgoing webhook endpoints. */
  'admin.webhooks': { req: Empty, res: WebhooksResponse },
  /** POST admin/webhooks. */
  'admin.createWebhook': { req: CreateWebhookRequest.strict(), res: WebhookEndpoint },
  /** PATCH admin/webhooks/:id (edit, pause, resume). */
  'admin.updateWebhook': { req: z.object({ id: RowId, patch: UpdateWebhookRequest.strict() }).strict(), res: WebhookEndpoint },
  /** DELETE admin/webhooks/:id. */
  'admin.deleteWebhook': { req: z.object({ id: RowId }).strict(), res: OkResponse },
  /** GET admin/webhooks/:id/deliveries?state: recent deliveries and attempts. */
  'admin.webhookDeliveries': { req: z.object({ id: RowId, state: DeliveryState.optional() }).strict(), res: WebhookDeliveriesResponse },
  /** POST admin/webhooks/deliveries/:id/replay: one dead letter again. */
  'admin.replayDelivery': { req: z.object({ id: RowId }).strict(), res: ReplayResponse },
  /** POST admin/webhooks/:id/replay-dead: every dead letter of the endpoint again. */
  'admin.replayDead': { req: z.object({ id: RowId }).strict(), res: ReplayResponse },
  /** GET admin/blacklist: the blacklisted phones. */
  'admin.blacklist': { req: Empty, res: BlacklistResponse },
  /** POST admin/blacklist: a phone (any format) and the reason. */
  'admin.addBlacklist': { req: AddBlacklistRequest.strict(), res: BlacklistEntry },
  /** DELETE admin/blacklist/:id. */
  'admin.deleteBlacklist': { req: z.object({ id: RowId }).strict(), res: OkResponse },
  /** GET held-orders: orders held because their phone is blacklisted (leads and admins). */
  'orders.held': { req: Empty, res: HeldOrdersResponse },
  /** POST held-orders/:id/decide: back to the queue or closed as Невалид. */
  'orders.decideHeld': { req: z.object({ id: RowId }).extend(DecideHeldRequest.shape).strict(), res: OkResponse },
  /** GET admin/settings. */
  'admin.settings': { req: Empty, res: CenterSettings },
  /** PUT admin/settings. */
  'admin.saveSettings': { req: CenterSettingsPatch.strict(), res: CenterSettings },
  /** GET reports/operators. */
  'reports.operators': { req: OperatorReportQuery.strict(), res: OperatorReport },
  /** GET reports/hourly. */
  'reports.hourly': { req: HourlyReportQuery.strict(), res: HourlyReport },
  /** GET pbx/flags?from&to: desk call logs that disagree with the PBX (calls verified by the PBX). */
  'pbx.flags': { req: PbxFlagsQuery.strict(), res: PbxFlagsResponse },
  /** GET quality/items: the call-quality checklist (leads: active points; admin: all). */
  'quality.items': { req: Empty, res: QualityItemsResponse },
  /** POST admin/quality/items (no id) or PUT admin/quality/items/:id: a checklist point. */
  'admin.saveQualityItem': { req: SaveQualityItemRequest.extend({ id: RowId.optional() }).strict(), res: QualityItemSchema },
  /** GET quality/calls?from&to[&userId]: answered calls a lead may score. */
  'quality.calls': { req: QualityCallsQuery.strict(), res: QualityCallsResponse },
  /** PUT quality/calls/:callId/score: the lead's marks on every active checklist point. */
  'quality.score': { req: ScoreCallRequest.extend({ callId: z.string().min(1).max(200) }).strict(), res: QualityCall },
  /** GET plans?day: the plans of the lead's team. */
  'plans.list': { req: PlansQuery.strict(), res: PlansResponse },
  /** PUT plans. */
  'plans.save': { req: PutPlansRequest.strict(), res: PutPlansResponse },
  /** POST plans/csv?day: `login;targetConfirmed;targetCalls` lines, all or none. */
  'plans.uploadCsv': { req: z.object({ day: DayKey, csv: z.string().max(1_000_000) }).strict(), res: PlansCsvResponse },
  /** GET plans/me?day: the operator's own progress (header). */
  'plans.mine': { req: MyPlanQuery.strict(), res: MyPlanResponse },
  /** GET agent/state: the agent state the desk resumes after a reload or restart (same login session). */
  'agent.resume': { req: Empty, res: AgentStateResponse },
  /** A report export file (GET reports/<report>.<format>?query) as base64, name from Content-Disposition. */
  'server.download': {
    req: z.object({ report: ExportReport, format: ExportFormat, query: OperatorReportQuery.strict() }).strict(),
    res: z.object({ fileName: z.string().min(1).max(200), contentType: z.string().max(200), base64: z.string() }),
  },
} as const;

export type LeadChannels = typeof leadChannels;
export type LeadChannelName = keyof LeadChannels;
