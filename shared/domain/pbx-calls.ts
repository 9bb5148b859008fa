/**
 * Calls verified by the PBX (docs/telephony.md «Calls verified by the PBX»). When the center
 * setting `pbxVerifiedCalls` is on, the result rules count only the desk's call attempts the PBX
 * reported — with the PBX's own answer and end — and a desk log that disagrees with the PBX is
 * kept as logged and flagged for the lead. One place for both rules: the server's save and its
 * flags route call these.
 */
import { z } from 'zod';
import type { CallAttempt } from './schemas';

/** What the PBX reported about one call (ISO instants; null = that event never arrived). */
export interface PbxCall {
  callId: string;
  /** Caller and callee as the PBX saw them (SIP URIs or numbers). */
  caller: string | null;
  callee: string | null;
  invitedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
}

/** How long after a desk call ended the PBX may still report it before the log counts as unreported. */
export const PBX_REPORT_GRACE_MS = 2 * 60_000;
/** Desk and PBX talk times further apart than this many seconds disagree. */
export const PBX_TALK_TOLERANCE_SEC = 5;

/** The last ten digits of a number or SIP URI's user part: the national number of a Russian phone. */
function nationalDigits(s: string | null): string {
  if (s === null) return '';
  const user = s.replace(/^sips?:/i, '').split('@')[0] ?? '';
  return user.replace(/\D/g, '').slice(-10);
}

/** Whether the customer's number (any of `phones`, E.164) is one end of the PBX call. */
export function pbxCallReaches(pbx: PbxCall, phones: readonly string[]): boolean {
  const ends = [nationalDigits(pbx.caller), nationalDigits(pbx.callee)].filter((d) => d.length === 10);
  return phones.some((p) => ends.includes(nationalDigits(p)));
}

/**
 * The call attempts the result rules count when results need PBX-verified calls: a desk call
 * counts only when the PBX reported it (same Call-ID) with the customer's number at one end;
 * its answer and times are the PBX's (a desk «answered» the PBX never saw is not an answer).
 */
export function pbxVerifiedAttempts(calls: readonly CallAttempt[], pbx: readonly PbxCall[], phones: readonly string[]): CallAttempt[] {
  const byId = new Map(pbx.map((p) => [p.callId, p]));
  const out: CallAttempt[] = [];
  for (const c of calls) {
    const p = byId.get(c.callId);
    if (!p || p.invitedAt === null || !pbxCallReaches(p, phones)) continue;
    const answered = p.answeredAt !== null;
    out.push({
      ...c,
      startedAt: p.invitedAt,
      answeredAt: p.answeredAt,
      endedAt: p.endedAt ?? c.endedAt,
      outcome: answered ? 'answered' : c.outcome === 'answered' ? 'failed' : c.outcome,
    });
  }
  return out;
}

/** Why a desk call log disagrees with the PBX. */
export const PbxFlagKind = z.enum(['notReported', 'answerMismatch', 'talkTimeMismatch', 'noEnd']);
export type PbxFlagKind = z.infer<typeof PbxFlagKind>;

const talkSec = (answeredAt: string | null, endedAt: string | null): number | null =>
  answeredAt === null || endedAt === null ? null : Math.max(0, (Date.parse(endedAt) - Date.parse(answeredAt)) / 1000);

/**
 * Whether a desk call log disagrees with the PBX record of its Call-ID (null: they agree, or it
 * is too early to say — within PBX_REPORT_GRACE_MS of the desk's end). `noEnd` makes a gap
 * visible: the PBX saw the answer but never the end (e.g. the PBX restarted mid-call).
 */
export function pbxDisagreement(desk: CallAttempt, pbx: PbxCall | null, now: Date): { flag: PbxFlagKind; message: string } | null {
  const settled = now.getTime() - Date.parse(desk.endedAt) >= PBX_REPORT_GRACE_MS;
  if (pbx === null || pbx.invitedAt === null) {
    return settled ? { flag: 'notReported', message: 'АТС не сообщала об этом звонке: он записан только по данным рабочего места.' } : null;
  }
  const deskAnswered = desk.answeredAt !== null || desk.outcome === 'answered';
  const pbxAnswered = pbx.answeredAt !== null;
  if (deskAnswered !== pbxAnswered) {
    return { flag: 'answerMismatch', message: deskAnswered
      ? 'Рабочее место записало разговор, а АТС ответа не видела.'
      : 'АТС видела ответ клиента, а рабочее место записало звонок без разговора.' };
  }
  if (pbxAnswered && pbx.endedAt === null) {
    return settled ? { flag: 'noEnd', message: 'АТС не сообщила окончание разговора: длительность по АТС неизвестна.' } : null;
  }
  const d = talkSec(desk.answeredAt, desk.endedAt);
  const p = talkSec(pbx.answeredAt, pbx.endedAt);
  if (d !== null && p !== null && Math.abs(d - p) > PBX_TALK_TOLERANCE_SEC) {
    return { flag: 'talkTimeMismatch', message: `Длительность разговора: по рабочему месту ${Math.round(d)} с, по АТС ${Math.round(p)} с.` };
  }
  return null;
}
