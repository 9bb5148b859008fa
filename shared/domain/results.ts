/**
 * The five results of the order form (docs/domain.md «Results»): validation of a
 * save, the status transition, failedAttempts and the automatic callback time.
 *
 * Decisions where the manual is silent (keep in sync with docs/domain.md «Decisions where the operators' manual is silent»):
 * - "Call made" (Звонок совершался) means at least one attempt is logged (`attempted`). Results
 *   that report a conversation — Подтвердить, В работе, Отказ (incl. foreign feedback) and
 *   Невалид/feedback of our customer — need an ANSWERED call; Недозвон needs only an attempt;
 *   Невалид/wrong number and Невалид/spam need NO attempt at all.
 * - Only calls started at or after `ctx.takenAt` (when given) count, so yesterday's attempts do
 *   not satisfy today's save.
 * - With `ctx.pbx` (results need PBX-verified calls) only the calls the PBX reported count, with
 *   the PBX's answer (pbx-calls.ts); a desk log the PBX never confirmed is refused as `pbxUnverified`.
 * - A callbackAt at or before `now` is an error; В работе with working hours set must be inside
 *   them. A callbackAt later than CALLBACK_MAX_DAYS (90) days ahead is an error too: a cash-on-
 *   delivery order is not kept waiting a quarter, and an unbounded date (year 9999) would take
 *   the order out of every due queue for good. Недозвон with failedAttempts becoming > 3 needs a callbackAt later today, or no later than the
 *   automatic one when the customer's window moved it to another day (the default
 *   now + 1 h is clamped to working hours, so it is not re-checked against them).
 * - Подтвердить: full name = at least two words, gender, city, street, house, ≥ 1 line with at
 *   least one main line, a delivery option; problem and callbackAt empty; when `ctx.offers` is
 *   given every line must match the catalogue (pricing.ts: offer known, catalogue price, discount
 *   allowed by the promo terms; none on the main line unless its terms allow it).
 * - Results other than В работе and Недозвон (> 3) store no callbackAt; Подтвердить stores no problem.
 * - The comment "starts with the date": the app prefixes it (comment.ts), so the rule checks the
 *   text after the date. Feedback of our customer needs «Обратная связь», spam needs «Спам».
 */
import type { CallAttempt, Offer, OrderStatus, Reason, ReasonGroup, ResultKind, SaveResultArgs } from './schemas';
import { commentBody, formatDateRu, prefixComment } from './comment';
import { pricingViolations } from './pricing';
import { pbxVerifiedAttempts, type PbxCall } from './pbx-calls';
import { REASON_CODES } from './reasons';
import { QUICK_RECALL_MAX_ATTEMPTS, isFinalStatus, isSameLocalDay, localDate, localParts, zonedTimeToUtc } from './tabs';
import { moveIntoWindow, type CallingWindow } from './calling-window';

export type ResultVariant = SaveResultArgs['variant'];

/** One broken rule: a stable code, the form field it belongs to and a Russian message. */
export interface RuleViolation { code: string; field: string; message: string }

/** Working hours of the center, local `HH:MM` in its zone. */
export interface WorkingHours { start: string; end: string }

/** The farthest a callback may be set ahead of now, in days (the default of the center context's limit). */
export const CALLBACK_MAX_DAYS = 90;

/** What the rules need besides the form: the call log, the clock, the zone and the directories. */
export interface ResultContext {
  calls: CallAttempt[];
  now: Date;
  timeZone: string;
  /** failedAttempts of the order BEFORE this save. */
  failedAttempts: number;
  reasons: Reason[];
  offers?: Offer[];
  workingHours?: WorkingHours | null;
  /** When the operator took the order (ISO); earlier calls are ignored. */
  takenAt?: string | null;
  /** How many days ahead a callbackAt may be (CALLBACK_MAX_DAYS when absent). */
  callbackMaxDays?: number;
  /**
   * Set when results need PBX-verified calls (center setting `pbxVerifiedCalls`): what the PBX
   * reported for the order's calls and the customer's numbers; only those calls count (pbx-calls.ts).
   */
  pbx?: { calls: PbxCall[]; phones: string[] } | null;
  /** The customer's zone (null = unknown) and calling window; when given the automatic callback moves into the window. */
  customer?: CustomerWindow | null;
}

/** The customer's zone and the calling window that applies to the order. */
export interface CustomerWindow { zone: string | null; window: CallingWindow }

/** Whether a call was made on the order and whether one was answered. */
export function callFacts(calls: CallAttempt[]): { attempted: boolean; answered: boolean } {
  return {
    attempted: calls.length > 0,
    answered: calls.some((c) => c.answeredAt !== null || c.outcome === 'answered'),
  };
}

/** The status a result moves the order to. Foreign feedback is an Отказ (cancelled). */
export function statusOfResult(result: ResultKind, variant: ResultVariant): OrderStatus {
  if (variant === 'feedbackForeign') return 'cancelled';
  switch (result) {
    case 'confirm': return 'confirmed';
    case 'callback': return 'callback';
    case 'noAnswer': return 'no_answer';
    case 'cancel': return 'cancelled';
    case 'invalid': return 'invalid';
  }
}

/** Russian button labels of the results. */
export const RESULT_LABELS_RU: Record<ResultKind, string> = {
  confirm: 'Подтвердить (В буфер)',
  callback: 'В работе',
  noAnswer: 'Недозвон',
  cancel: 'Отказ',
  invalid: 'Невалид',
};

type CallNeed = 'answered' | 'attempted' | 'none';

interface ProblemRule { group: ReasonGroup; code?: string; label: string }

/** The six cases of the results table (+ foreign feedback), by result and variant. */
interface CaseRule {
  call: CallNeed;
  problem: ProblemRule | null;
  comment: 'optional' | 'required' | { mustStartWith: string };
}

function caseRule(result: ResultKind, variant: ResultVariant): CaseRule {
  if (variant === 'feedbackForeign') {
    return { call: 'answered', problem: { group: 'cancel', code: REASON_CODES.other, label: 'Другое' }, comment: 'required' };
  }
  switch (result) {
    case 'confirm': return { call: 'answered', problem: null, comment: 'optional' };
    case 'callback': return { call: 'answered', problem: { group: 'callback', label: 'Нужно перезвонить' }, comment: 'required' };
    case 'noAnswer': return { call: 'attempted', problem: { group: 'noAnswer', label: 'причина недозвона' }, comment: 'required' };
    case 'cancel': return { call: 'answered', problem: { group: 'cancel', label: 'причина отказа' }, comment: 'required' };
    case 'invalid':
      if (variant === 'spam') return { call: 'none', problem: { group: 'invalid', code: REASON_CODES.spam, label: 'Спам' }, comment: { mustStartWith: 'Спам' } };
      if (variant === 'feedbackOurs') return { call: 'answered', problem: { group: 'invalid', code: REASON_CODES.invalidNumber, label: 'Невалидный номер' }, comment: { mustStartWith: 'Обратная связь' } };
      return { call: 'none', problem: { group: 'invalid', code: REASON_CODES.invalidNumber, label: 'Невалидный номер' }, comment: 'required' };
  }
}

function parseHhMm(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 24 && min < 60 ? h * 60 + min : null;
}

function minutesOfDay(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return p.hh * 60 + p.mm + p.ss / 60;
}

/** Whether an instant is inside the center's working hours (inclusive of the end minute). */
export function withinWorkingHours(instant: Date, timeZone: string, hours: WorkingHours): boolean {
  const start = parseHhMm(hours.start);
  const end = parseHhMm(hours.end);
  if (start === null || end === null) return true;
  const m = minutesOfDay(instant, timeZone);
  return m >= start && m <= end;
}

/**
 * The automatic callback of a Недозвон beyond 3 attempts (docs/domain.md «Results», Недозвон): now + 1 h, cut to
 * whole minutes, clamped into the working hours of today when they are set, and always within
 * today's local date (at latest 23:59). Decision: when that clamp would not be later than `now`
 * (the working day is already over) the working hours are ignored: now + 1 h within today; in the
 * last minute of the day it is the day's last millisecond. With the customer's window given, that
 * time then moves into the window (calling-window.ts moveIntoWindow), possibly to the next day.
 */
export function autoCallbackAt(now: Date, timeZone: string, workingHours?: WorkingHours | null, customer?: CustomerWindow | null): string {
  const centerDay = centerDayCallbackAt(now, timeZone, workingHours);
  return customer ? moveIntoWindow(centerDay, customer.zone, customer.window) : centerDay;
}

function centerDayCallbackAt(now: Date, timeZone: string, workingHours?: WorkingHours | null): string {
  const nowMs = now.getTime();
  const today = localDate(now, timeZone);
  const lastMinute = zonedTimeToUtc(localDate(now, timeZone, 1), 0, timeZone).getTime() - 60_000;
  const plusHour = Math.min(Math.floor((nowMs + 3_600_000) / 60_000) * 60_000, lastMinute);
  let t = plusHour;
  const start = workingHours ? parseHhMm(workingHours.start) : null;
  const end = workingHours ? parseHhMm(workingHours.end) : null;
  if (start !== null && end !== null) {
    const startMs = zonedTimeToUtc(today, start, timeZone).getTime();
    const endMs = zonedTimeToUtc(today, end, timeZone).getTime();
    t = Math.min(Math.max(t, startMs), endMs, lastMinute);
    if (t <= nowMs) t = plusHour;
  }
  if (t <= nowMs) t = lastMinute + 59_999;
  return new Date(t).toISOString();
}

/** What the form fills in when a result button is chosen. */
export function resultDefaults(
  result: ResultKind,
  variant: ResultVariant,
  ctx: { now: Date; timeZone: string; failedAttempts: number; workingHours?: WorkingHours | null; customer?: CustomerWindow | null },
): { problem: string | null; callbackAt: string | null; commentTemplate: string } {
  switch (result) {
    case 'confirm': return { problem: null, callbackAt: null, commentTemplate: '' };
    case 'callback': return { problem: REASON_CODES.needCallback, callbackAt: null, commentTemplate: '' };
    case 'noAnswer':
      return {
        problem: null,
        callbackAt: ctx.failedAttempts + 1 > QUICK_RECALL_MAX_ATTEMPTS ? autoCallbackAt(ctx.now, ctx.timeZone, ctx.workingHours, ctx.customer) : null,
        commentTemplate: '',
      };
    case 'cancel':
      return variant === 'feedbackForeign'
        ? { problem: REASON_CODES.other, callbackAt: null, commentTemplate: 'Обратная связь, чужой клиент: ' }
        : { problem: null, callbackAt: null, commentTemplate: '' };
    case 'invalid':
      if (variant === 'spam') return { problem: REASON_CODES.spam, callbackAt: null, commentTemplate: 'Спам' };
      if (variant === 'feedbackOurs') return { problem: REASON_CODES.invalidNumber, callbackAt: null, commentTemplate: 'Обратная связь' };
      return { problem: REASON_CODES.invalidNumber, callbackAt: null, commentTemplate: 'Неверный номер телефона' };
  }
}

const v = (code: string, field: string, message: string): RuleViolation => ({ code, field, message });

function variantViolations(result: ResultKind, variant: ResultVariant): RuleViolation[] {
  if (result === 'invalid') {
    if (variant === null) return [v('variantRequired', 'variant', 'Выберите вид невалида: неверный номер, обратная связь или спам.')];
    if (variant === 'feedbackForeign') return [v('variantNotAllowed', 'variant', 'Обратная связь от чужого клиента сохраняется кнопкой «Отказ» с проблемой «Другое».')];
    return [];
  }
  if (variant === null || (result === 'cancel' && variant === 'feedbackForeign')) return [];
  return [v('variantNotAllowed', 'variant', `Вариант «${variant}» не относится к результату «${RESULT_LABELS_RU[result]}».`)];
}

function callViolations(need: CallNeed, facts: { attempted: boolean; answered: boolean }, desk: { attempted: boolean; answered: boolean }): RuleViolation[] {
  if (need === 'answered' && !facts.answered && desk.answered) {
    return [v('pbxUnverified', 'callMade', 'Разговор не подтверждён АТС: она не сообщала об ответе клиента на звонки этого заказа. Если звонок только что закончился, сохраните ещё раз через несколько секунд.')];
  }
  if (need === 'attempted' && !facts.attempted && desk.attempted) {
    return [v('pbxUnverified', 'callMade', 'Звонок не подтверждён АТС: она не сообщала о звонках этого заказа. Если звонок только что закончился, сохраните ещё раз через несколько секунд.')];
  }
  if (need === 'answered' && !facts.answered) {
    return [v(facts.attempted ? 'answeredCallRequired' : 'callRequired', 'callMade', 'Нужен состоявшийся разговор с клиентом: позвоните клиенту.')];
  }
  if (need === 'attempted' && !facts.attempted) return [v('callRequired', 'callMade', 'Звонок не совершался: сначала позвоните клиенту.')];
  if (need === 'none' && facts.attempted) return [v('callNotAllowed', 'callMade', 'Для этого невалида звонок не совершается.')];
  return [];
}

function problemViolations(rule: ProblemRule | null, problem: string | null, reasons: Reason[]): RuleViolation[] {
  if (rule === null) {
    return problem !== null && problem !== '' ? [v('problemMustBeEmpty', 'problem', 'Проблема при подтверждении не заполняется.')] : [];
  }
  if (problem === null || problem === '') return [v('problemRequired', 'problem', `Укажите проблему: ${rule.label}.`)];
  if (rule.code !== undefined) {
    return problem === rule.code ? [] : [v('problemWrong', 'problem', `Проблема должна быть «${rule.label}».`)];
  }
  const reason = reasons.find((r) => r.code === problem);
  if (!reason || !reason.active) return [v('problemUnknown', 'problem', 'Такой проблемы нет в справочнике.')];
  if (reason.group !== rule.group) return [v('problemWrongGroup', 'problem', `Проблема «${reason.label}» не подходит: нужна ${rule.label}.`)];
  return [];
}

function commentViolations(rule: CaseRule['comment'], comment: string): RuleViolation[] {
  const body = commentBody(comment);
  if (rule === 'optional') return [];
  if (rule === 'required') return body === '' ? [v('commentRequired', 'comment', 'Напишите комментарий: дата добавится сама, опишите суть.')] : [];
  return body.toLowerCase().startsWith(rule.mustStartWith.toLowerCase())
    ? []
    : [v('commentMustBe', 'comment', `Комментарий должен быть «${rule.mustStartWith}».`)];
}

function callbackViolations(args: SaveResultArgs, ctx: ResultContext): RuleViolation[] {
  const at = args.callbackAt === null ? null : new Date(args.callbackAt);
  const isSet = at !== null;
  if (at !== null && Number.isNaN(at.getTime())) return [v('callbackAtInvalid', 'callbackAt', 'Дата перезвона указана неверно.')];
  if (args.result === 'confirm') {
    return isSet ? [v('callbackAtMustBeEmpty', 'callbackAt', 'Дата, когда перезвонить, при подтверждении не заполняется.')] : [];
  }
  const needed = args.result === 'callback' || (args.result === 'noAnswer' && ctx.failedAttempts + 1 > QUICK_RECALL_MAX_ATTEMPTS);
  if (!needed) return [];
  if (at === null) {
    return [v('callbackAtRequired', 'callbackAt', args.result === 'callback'
      ? 'Укажите дату и время перезвона.'
      : 'Больше 3 недозвонов: укажите время перезвона сегодня (по умолчанию через час).')];
  }
  const out: RuleViolation[] = [];
  if (at.getTime() <= ctx.now.getTime()) out.push(v('callbackAtInPast', 'callbackAt', 'Время перезвона уже прошло: выберите время в будущем.'));
  const maxDays = ctx.callbackMaxDays ?? CALLBACK_MAX_DAYS;
  if (at.getTime() > ctx.now.getTime() + maxDays * 86_400_000) {
    out.push(v('callbackAtTooFar', 'callbackAt', `Перезвон можно назначить не дальше чем на ${maxDays} дней вперёд.`));
  }
  if (args.result === 'noAnswer' && !isSameLocalDay(at, ctx.now, ctx.timeZone) && !withinMovedCallback(at, ctx)) {
    out.push(v('callbackAtNotToday', 'callbackAt', `Для недозвона перезвон ставится в рамках сегодняшнего дня (${formatDateRu(ctx.now, ctx.timeZone)}).`));
  }
  if (args.result === 'callback' && ctx.workingHours && !withinWorkingHours(at, ctx.timeZone, ctx.workingHours)) {
    out.push(v('callbackAtOutsideHours', 'callbackAt', `Время перезвона вне рабочих часов (${ctx.workingHours.start}–${ctx.workingHours.end}).`));
  }
  return out;
}

/** Whether a Недозвон callback on a later day is no later than the automatic one moved into the customer's window. */
function withinMovedCallback(at: Date, ctx: ResultContext): boolean {
  return ctx.customer ? at.getTime() <= Date.parse(autoCallbackAt(ctx.now, ctx.timeZone, ctx.workingHours, ctx.customer)) : false;
}

/** Whether a name is "in full": at least two words with letters. */
export function isFullName(name: string): boolean {
  return name.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 2;
}

function confirmViolations(args: SaveResultArgs, ctx: ResultContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!isFullName(args.customer.name)) out.push(v('nameNotFull', 'customer.name', 'Укажите ФИО полностью (фамилия и имя как минимум).'));
  if (args.customer.gender === null) out.push(v('genderRequired', 'customer.gender', 'Укажите пол клиента.'));
  if (args.address.city.trim() === '') out.push(v('cityRequired', 'address.city', 'Выберите город из подсказок.'));
  if (args.address.street.trim() === '') out.push(v('streetRequired', 'address.street', 'Выберите улицу из подсказок.'));
  if (args.address.house.trim() === '') out.push(v('houseRequired', 'address.house', 'Укажите номер дома.'));
  if (args.lines.length === 0) out.push(v('linesRequired', 'lines', 'В заказе нет ни одного товара.'));
  else if (!args.lines.some((l) => l.main)) out.push(v('mainLineRequired', 'lines', 'В заказе нет основного товара.'));
  if (args.delivery === null) out.push(v('deliveryRequired', 'delivery', 'Выберите вариант доставки.'));
  if (ctx.offers) out.push(...pricingViolations(args.lines, ctx.offers));
  return out;
}

/** The calls that count for this save: those started at or after the operator took the order. */
export function callsSinceTaken(calls: CallAttempt[], takenAt: string | null | undefined): CallAttempt[] {
  const since = takenAt ? Date.parse(takenAt) : null;
  return since === null ? calls : calls.filter((c) => Date.parse(c.startedAt) >= since);
}

/** Every rule a save breaks (empty = the save is valid). Does not check the order's current status: see applyResult. */
export function validateResult(args: SaveResultArgs, ctx: ResultContext): RuleViolation[] {
  const desk = callsSinceTaken(ctx.calls, ctx.takenAt);
  const calls = ctx.pbx ? callsSinceTaken(pbxVerifiedAttempts(ctx.calls, ctx.pbx.calls, ctx.pbx.phones), ctx.takenAt) : desk;
  const rule = caseRule(args.result, args.variant);
  return [
    ...variantViolations(args.result, args.variant),
    ...callViolations(rule.call, callFacts(calls), callFacts(desk)),
    ...problemViolations(rule.problem, args.problem, ctx.reasons),
    ...callbackViolations(args, ctx),
    ...commentViolations(rule.comment, args.comment),
    ...(args.result === 'confirm' ? confirmViolations(args, ctx) : []),
  ];
}

/** The form's missing/invalid fields for a result (the same rules as validateResult). */
export function requiredFieldsMissing(args: SaveResultArgs, ctx: ResultContext): RuleViolation[] {
  return validateResult(args, ctx);
}

/** A save refused by the rules; `violations` lists every broken rule. */
export class ResultRejectedError extends Error {
  constructor(public readonly violations: RuleViolation[]) {
    super(violations.map((x) => x.message).join(' '));
    this.name = 'ResultRejectedError';
  }
}

/** The order fields a saved result sets. */
export interface ResultTransition {
  status: OrderStatus;
  failedAttempts: number;
  callbackAt: string | null;
  problem: string | null;
  comment: string;
}

/**
 * The transition of a save: refuses (throws ResultRejectedError) when the order's status is final
 * (code `finalStatus`) or when validateResult finds broken rules. Недозвон adds 1 to
 * failedAttempts; the comment gets its date prefix; callbackAt is kept only for В работе and
 * Недозвон beyond 3 attempts; Подтвердить clears the problem.
 */
export function applyResult(
  order: { status: OrderStatus; failedAttempts: number; callbackAt: string | null },
  args: SaveResultArgs,
  ctx: ResultContext,
): ResultTransition {
  if (isFinalStatus(order.status)) {
    throw new ResultRejectedError([v('finalStatus', 'status', 'Заказ уже закрыт (В буфер, Отказ или Невалид): результат изменить нельзя.')]);
  }
  const violations = validateResult(args, { ...ctx, failedAttempts: order.failedAttempts });
  if (violations.length > 0) throw new ResultRejectedError(violations);
  const failedAttempts = order.failedAttempts + (args.result === 'noAnswer' ? 1 : 0);
  const keepsCallback = args.result === 'callback' || (args.result === 'noAnswer' && failedAttempts > QUICK_RECALL_MAX_ATTEMPTS);
  return {
    status: statusOfResult(args.result, args.variant),
    failedAttempts,
    callbackAt: keepsCallback ? args.callbackAt : null,
    problem: args.result === 'confirm' ? null : args.problem,
    comment: prefixComment(args.comment, ctx.now, ctx.timeZone),
  };
}
