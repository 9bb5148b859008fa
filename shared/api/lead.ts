/**
 * HTTP schemas of the team lead and admin routes (prefix /api/v1): board, lead actions, reports,
 * plans and administration. The server validates requests with these; the client validates
 * responses with them.
 */
import { z } from 'zod';
import { BoardAgent } from './live';
import { Role, Script } from './http';
import { DeskDialing, PreviewSeconds, WrapUpSeconds } from '../domain/dialing';
import { BLACKLIST_ACTIONS } from '../domain/buyout';
import { CallingWindow } from '../domain/calling-window';
import { DeliveryMethod, IsoInstant, Kopecks, Offer, OrderId, QueueTab, ReasonGroup, Sku } from '../domain/schemas';

/** A local calendar day `YYYY-MM-DD` (center's time zone). */
export const DayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD expected')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'no such date');

const Id = z.coerce.number().int().positive().max(2 ** 31 - 1);

export const BoardAlertKind = z.enum(['longCall', 'longBreak', 'noAnswerStreak', 'sipUnregistered']);
export const BoardAlert = z.object({ userId: z.number().int(), kind: BoardAlertKind });
export type BoardAlert = z.infer<typeof BoardAlert>;

export const AlertThresholds = z.object({
  longCallMin: z.number().int().min(1).max(600),
  longBreakMin: z.number().int().min(1).max(600),
  noAnswerStreak: z.number().int().min(1).max(100),
});

/** GET board — the lead's team (admin: everyone, or `?teamId`). */
export const BoardQuery = z.object({ teamId: Id.optional() });
export const BoardResponse = z.object({
  agents: z.array(BoardAgent),
  queue: z.record(QueueTab, z.number().int()),
  alerts: z.array(BoardAlert),
  thresholds: AlertThresholds,
  serverTime: IsoInstant,
});
export type BoardResponse = z.infer<typeof BoardResponse>;

/** POST messages — a lead's message to an operator of its team (shown in the operator's header). */
export const SendMessageRequest = z.object({ toUserId: z.number().int().positive(), text: z.string().trim().min(1).max(1000) });
export const SendMessageResponse = z.object({ id: z.number().int(), at: IsoInstant });

/** POST orders/:id/force-release — only when the holder is offline or the lease is stale. */
export const ForceReleaseResponse = z.object({ ok: z.literal(true), orderId: OrderId, previousHolderId: z.number().int() });

/** PUT admin/users/:id/offers — the products an operator may take. */
export const UserOffersRequest = z.object({ offerSkus: z.array(Sku).max(500) });
/** The answer of GET and PUT admin/users/:id/offers (lead: operators of its team; admin: anyone); SKUs sorted. */
export const UserOffersResponse = z.object({ userId: z.number().int(), offerSkus: z.array(Sku) });
export type UserOffersResponse = z.infer<typeof UserOffersResponse>;

export const Granularity = z.enum(['day', 'month']);

/** GET reports/operators (and .csv / .xlsx). Days are local days of the center's zone, inclusive. */
export const OperatorReportQuery = z.object({
  from: DayKey,
  to: DayKey,
  teamId: Id.optional(),
  userId: Id.optional(),
  offerSku: Sku.optional(),
  granularity: Granularity.default('day'),
});
export type OperatorReportQuery = z.infer<typeof OperatorReportQuery>;

export const StateSecondsSchema = z.object({
  loggedIn: z.number().int(), ready: z.number().int(), talking: z.number().int(), break: z.number().int(), wrapUp: z.number().int(),
});

export const ByResult = z.object({
  confirm: z.number().int(), callback: z.number().int(), noAnswer: z.number().int(), cancel: z.number().int(), invalid: z.number().int(),
});

/** Buyout (выкуп) figures of confirmed orders (definitions in shared/domain/buyout.ts). */
export const BuyoutFiguresSchema = z.object({
  shipped: z.number().int(), delivered: z.number().int(), returned: z.number().int(), lost: z.number().int(),
  buyoutRate: z.number().nullable(), collectedKop: z.number().int(),
});

/** Figures of one operator (or the team total) in one period. */
export const ReportFigures = z.object({
  time: StateSecondsSchema,
  calls: z.number().int(),
  answered: z.number().int(),
  byResult: ByResult,
  processed: z.number().int(),
  confirmed: z.number().int(),
  approvalRate: z.number().nullable(),
  averageOrderValueKop: z.number().int().nullable(),
  upsellRate: z.number().nullable(),
  revenueKop: z.number().int(),
  plan: z.object({ targetConfirmed: z.number().int(), targetCalls: z.number().int() }).nullable(),
  planConfirmedRatio: z.number().nullable(),
  /** Delivery outcomes of the orders confirmed in the period (shared/domain/buyout.ts); absent from an older server. */
  buyout: BuyoutFiguresSchema.optional(),
  /** Calls started outside the customer's calling window (the server's flag on each call); absent from an older server. */
  outsideWindow: z.number().int().optional(),
  /** Answer → end of the answered calls, seconds (the PBX's times when calls are PBX-verified); absent from an older server. */
  talkSeconds: z.number().int().optional(),
  /** Scored calls of the period and their mean score 0…1 (shared/domain/quality.ts); absent from an older server. */
  quality: z.object({ scored: z.number().int(), ratio: z.number().nullable() }).optional(),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

export const OperatorReportRow = ReportFigures.extend({
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  period: z.string(),
  userId: z.number().int(),
  login: z.string(),
  name: z.string(),
  teamId: z.number().int().nullable(),
});
export type OperatorReportRow = z.infer<typeof OperatorReportRow>;

export const OperatorReport = z.object({
  from: DayKey,
  to: DayKey,
  granularity: Granularity,
  timeZone: z.string(),
  rows: z.array(OperatorReportRow),
  /** Team totals per period. */
  totals: z.array(ReportFigures.extend({ period: z.string() })),
  /** Totals over the whole range. */
  grandTotal: ReportFigures,
});
export type OperatorReport = z.infer<typeof OperatorReport>;

/** GET reports/hourly?day — calls and confirmations per local hour; approval trend per day. */
export const HourlyReportQuery = z.object({
  day: DayKey,
  teamId: Id.optional(),
  userId: Id.optional(),
  offerSku: Sku.optional(),
  trendDays: z.coerce.number().int().min(1).max(92).default(14),
});
export const HourlyReport = z.object({
  day: DayKey,
  timeZone: z.string(),
  hours: z.array(z.object({ hour: z.number().int(), calls: z.number().int(), answered: z.number().int(), confirmed: z.number().int() })),
  trend: z.array(z.object({ day: DayKey, processed: z.number().int(), confirmed: z.number().int(), approvalRate: z.number().nullable() })),
});
export type HourlyReport = z.infer<typeof HourlyReport>;

/** PUT plans — targets of the lead's operators for a day. */
export const PlanRow = z.object({
  userId: z.number().int().positive(),
  targetConfirmed: z.number().int().min(0).max(10_000),
  targetCalls: z.number().int().min(0).max(100_000),
});
export const PutPlansRequest = z.object({ day: DayKey, rows: z.array(PlanRow).min(1).max(1000) });
export const PutPlansResponse = z.object({ day: DayKey, saved: z.number().int() });

/** POST plans/csv?day — `login;targetConfirmed;targetCalls` lines (text/csv). */
export const PlansCsvQuery = z.object({ day: DayKey });
/** All lines or none: with any bad line, `saved` is 0 and `errors` names every bad line (200). */
export const PlansCsvResponse = z.object({
  day: DayKey,
  saved: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type PlansCsvResponse = z.infer<typeof PlansCsvResponse>;

/** GET plans?day — the plans of the lead's team. */
export const PlansQuery = z.object({ day: DayKey, teamId: Id.optional() });
export const PlansResponse = z.object({
  day: DayKey,
  rows: z.array(PlanRow.extend({ login: z.string(), name: z.string() })),
});

/** GET plans/me?day — the operator's own progress (header). */
export const MyPlanQuery = z.object({ day: DayKey.optional() });
export const MyPlanResponse = z.object({
  day: DayKey,
  targetConfirmed: z.number().int().nullable(),
  targetCalls: z.number().int().nullable(),
  confirmed: z.number().int(),
  calls: z.number().int(),
  confirmedRatio: z.number().nullable(),
  /** Orders with a result today (distinct). */
  processed: z.number().int(),
  /** Confirmed ÷ processed, null before the first result. */
  approvalRate: z.number().nullable(),
});
export type MyPlanResponse = z.infer<typeof MyPlanResponse>;

/* ---------- administration ---------- */

export const Login = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.@-]+$/, 'login: latin letters, digits, _ . @ -');

export const SipFields = z.object({
  sipWsUrl: z.string().url().max(300).nullable(),
  sipDomain: z.string().max(200).nullable(),
  sipUser: z.string().max(100).nullable(),
  sipPassword: z.string().max(200).nullable(),
});

export const AdminUser = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string(),
  role: Role,
  teamId: z.number().int().nullable(),
  active: z.boolean(),
  sipWsUrl: z.string().nullable(),
  sipDomain: z.string().nullable(),
  sipUser: z.string().nullable(),
  hasSipPassword: z.boolean(),
  offerSkus: z.array(Sku),
  /** Progressive dialing and auto-next (absent from an older server: off). */
  dialing: DeskDialing.optional(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const CreateUserRequest = SipFields.partial().extend({
  login: Login,
  name: z.string().trim().min(1).max(200),
  role: Role,
  teamId: z.number().int().positive().nullable().default(null),
  password: z.string().min(4).max(200),
});
export const UpdateUserRequest = SipFields.partial().extend({
  name: z.string().trim().min(1).max(200).optional(),
  role: Role.optional(),
  teamId: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
  /** Password reset. */
  password: z.string().min(4).max(200).optional(),
  /** Progressive dialing: preview seconds before the desk dials by itself (0–30), null = off. */
  previewSeconds: PreviewSeconds.optional(),
  /** Auto-next: wrap-up seconds after a save before the next order comes (0–120), null = off. */
  wrapUpSeconds: WrapUpSeconds.optional(),
});

/** GET admin/users answer. */
export const AdminUsersResponse = z.object({ users: z.array(AdminUser) });

export const Team = z.object({ id: z.number().int(), name: z.string() });
/** GET admin/teams answer. */
export const TeamsResponse = z.object({ teams: z.array(Team) });
export const CreateTeamRequest = z.object({ name: z.string().trim().min(1).max(200) });

export const UpsertOfferRequest = Offer;
export const AdminOffersResponse = z.object({ offers: z.array(Offer) });

/** PUT admin/scripts/:sku — JSON edit; POST admin/scripts/:sku/markdown — upload (text/markdown). */
export const PutScriptRequest = Script.omit({ offerSku: true });

export const AdminReason = z.object({
  code: z.string().min(1).max(64).regex(/^[a-z0-9_]+$/),
  group: ReasonGroup,
  label: z.string().trim().min(1).max(200),
  active: z.boolean(),
  sort: z.number().int().min(0).max(100_000),
});
export const AdminReasonsResponse = z.object({ reasons: z.array(AdminReason) });

export const Tariff = z.object({
  id: z.number().int(),
  region: z.string().trim().min(1).max(200),
  method: DeliveryMethod,
  carrier: z.string().trim().min(1).max(100),
  priceKop: Kopecks,
  daysMin: z.number().int().min(0).max(90),
  daysMax: z.number().int().min(0).max(90),
});
export const TariffInput = Tariff.omit({ id: true }).refine((t) => t.daysMax >= t.daysMin, { message: 'daysMax < daysMin', path: ['daysMax'] });
export const TariffsResponse = z.object({ tariffs: z.array(Tariff) });
/** The answer of DELETE routes. */
export const OkResponse = z.object({ ok: z.literal(true) });

const NON_BUYER_RETURNS = 'нужно целое число возвратов от 1 до 100';
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time HH:MM expected');
export const CenterSettings = z.object({
  timeZone: z.string().min(1).max(64).refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone'),
  workingHours: z.object({ start: HhMm, end: HhMm }).nullable(),
  alerts: AlertThresholds,
  /** Returned parcels at or above which a customer is flagged «не выкупает» (shared/domain/buyout.ts). */
  nonBuyerReturns: z.number({ error: NON_BUYER_RETURNS }).int({ error: NON_BUYER_RETURNS }).min(1, { error: NON_BUYER_RETURNS }).max(100, { error: NON_BUYER_RETURNS }),
  /** What an order from a blacklisted phone becomes: held for a lead, or closed as Невалид. */
  blacklistAction: z.enum(BLACKLIST_ACTIONS, { error: 'нужно hold (задержать) или invalid (Невалид)' }),
  /**
   * Results need calls the PBX reported (docs/telephony.md «Calls verified by the PBX»): a desk log
   * the PBX never confirmed does not count, and reports count the PBX's calls and answers.
   */
  pbxVerifiedCalls: z.boolean(),
  /** The hours of the customer's day in which orders are called (shared/domain/calling-window.ts). */
  callingWindow: CallingWindow,
});
export type CenterSettings = z.infer<typeof CenterSettings>;
export const CenterSettingsPatch = CenterSettings.partial();

export const IdParams = z.object({ id: Id });
export const SkuParams = z.object({ sku: Sku });
export const CodeParams = z.object({ code: z.string().min(1).max(64).regex(/^[a-z0-9_]+$/) });
