/**
 * Glue between the form and the shared result rules: builds the save arguments and the rule context,
 * applies a result's defaults to the form and finds what each button still misses. No rule lives here.
 */
import {
  commentBody, looksObscene, parsePhone, prefixComment, resultContextFor, resultDefaults, validateResult,
  type CenterContext, type ResultContext, type RuleViolation,
} from '../../shared/domain';
import type { Draft, OrderView } from '../../shared/ipc/contract';
import type { Offer, Reason, ResultKind, SaveResultArgs } from '../../shared/domain/schemas';
import type { ResultVariant } from '../stores/order-store';

/** The result buttons in bar order with their hotkeys. */
export const RESULT_KEYS: readonly { kind: ResultKind; key: string }[] = [
  { kind: 'confirm', key: 'F5' },
  { kind: 'callback', key: 'F6' },
  { kind: 'noAnswer', key: 'F7' },
  { kind: 'cancel', key: 'F8' },
  { kind: 'invalid', key: 'F9' },
];

/**
 * Everything the rules need besides the form, under the session's center context (zone, working
 * hours, limits: the same context main and the server use); calls before the claim
 * (`view.takenAt`) do not count, as on the server.
 */
export function ruleContext(view: OrderView, reasons: Reason[], offers: Offer[], center: CenterContext, now: Date): ResultContext {
  return resultContextFor(center, {
    calls: view.order.calls, now, failedAttempts: view.order.failedAttempts, reasons,
    offers: offers.length > 0 ? offers : undefined, takenAt: view.takenAt,
  });
}

/** The save arguments of the form for a result (comment date-prefixed as it will be stored). */
export function saveArgs(form: Draft, result: ResultKind, variant: ResultVariant, now: Date, timeZone: string): SaveResultArgs {
  return {
    orderId: form.orderId,
    result,
    variant,
    problem: form.problem,
    callbackAt: form.callbackAt,
    comment: prefixComment(form.comment, now, timeZone),
    customer: form.customer,
    address: form.address,
    lines: form.lines,
    delivery: form.delivery,
  };
}

/** The result fields of the form after choosing a result: problem, callback time and dated comment per resultDefaults. */
export function withDefaults(form: Draft, result: ResultKind, variant: ResultVariant, ctx: ResultContext): Pick<Draft, 'problem' | 'callbackAt' | 'comment'> {
  const d = resultDefaults(result, variant, { now: ctx.now, timeZone: ctx.timeZone, failedAttempts: ctx.failedAttempts, workingHours: ctx.workingHours });
  const typed = commentBody(form.comment) === '' ? d.commentTemplate : form.comment.trim();
  const comment = prefixComment(typed, ctx.now, ctx.timeZone);
  const keepProblem = d.problem === null && result !== 'confirm' && form.problem !== null && form.result === result;
  return {
    problem: keepProblem ? form.problem : d.problem,
    callbackAt: d.callbackAt ?? (result === 'callback' ? form.callbackAt : null),
    comment,
  };
}

/** What a result button still misses: the rules run on the form as it would be after pressing it. */
export function missingFor(form: Draft, result: ResultKind, variant: ResultVariant, armed: boolean, ctx: ResultContext): RuleViolation[] {
  const fields = armed ? form : { ...form, ...withDefaults(form, result, variant, ctx), result };
  return validateResult(saveArgs(fields, result, variant, ctx.now, ctx.timeZone), ctx);
}

/** The Невалид variant the app proposes: wrong number (parsePhone fails) or spam (obscene name), else none. */
export function proposedInvalid(form: Draft): ResultVariant {
  if (!parsePhone(form.customer.phone).ok) return 'wrongNumber';
  if (looksObscene(form.customer.name)) return 'spam';
  return null;
}
