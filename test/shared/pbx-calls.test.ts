/**
 * Calls verified by the PBX (shared/domain/pbx-calls.ts): which desk calls count for the result
 * rules when the center verifies calls by the PBX, and when a desk log disagrees with the PBX.
 */
import { DEFAULT_REASONS, emptyAddress, validateResult, type CallAttempt, type ResultContext, type SaveResultArgs } from '../../shared/domain';
import { PBX_REPORT_GRACE_MS, pbxCallReaches, pbxDisagreement, pbxVerifiedAttempts, type PbxCall } from '../../shared/domain/pbx-calls';

const PHONE = '+79123456789';
const NOW = new Date('2026-11-28T11:00:00Z');
const desk = (callId: string, answered: boolean, patch: Partial<CallAttempt> = {}): CallAttempt => ({
  callId, orderId: 1, startedAt: '2026-11-28T10:55:00.000Z', answeredAt: answered ? '2026-11-28T10:55:10.000Z' : null,
  endedAt: '2026-11-28T10:57:10.000Z', outcome: answered ? 'answered' : 'noAnswer', ...patch,
});
const pbx = (callId: string, patch: Partial<PbxCall> = {}): PbxCall => ({
  callId, caller: 'sip:operator1@127.0.0.1', callee: `sip:${PHONE}@127.0.0.1`, invitedAt: '2026-11-28T10:55:00.100Z',
  answeredAt: '2026-11-28T10:55:10.200Z', endedAt: '2026-11-28T10:57:10.300Z', ...patch,
});

describe('pbxVerifiedAttempts', () => {
  test('a desk call counts only when the PBX reported it with the customer at one end; times and answer are the PBX\'s', () => {
    const calls = [desk('a', true), desk('forged', true), desk('elsewhere', true), desk('unanswered', true)];
    const records = [pbx('a'), pbx('elsewhere', { callee: 'sip:+79990001122@127.0.0.1' }), pbx('unanswered', { answeredAt: null })];
    expect(pbxVerifiedAttempts(calls, records, [PHONE])).toEqual([
      { ...desk('a', true), startedAt: '2026-11-28T10:55:00.100Z', answeredAt: '2026-11-28T10:55:10.200Z', endedAt: '2026-11-28T10:57:10.300Z' },
      { ...desk('unanswered', true), startedAt: '2026-11-28T10:55:00.100Z', answeredAt: null, endedAt: '2026-11-28T10:57:10.300Z', outcome: 'failed' },
    ]);
  });

  test('the customer\'s number matches whatever dial format the PBX saw (8…, +7…, a prefix) and from either end', () => {
    expect(pbxCallReaches(pbx('x', { callee: 'sip:989123456789@pbx' }), [PHONE])).toBe(true);
    expect(pbxCallReaches(pbx('x', { callee: '89123456789' }), [PHONE])).toBe(true);
    expect(pbxCallReaches(pbx('x', { caller: `sip:${PHONE}@pbx`, callee: 'sip:operator1@pbx' }), [PHONE])).toBe(true);
    expect(pbxCallReaches(pbx('x', { callee: 'sip:operator2@pbx' }), [PHONE])).toBe(false);
    expect(pbxCallReaches(pbx('x', { callee: null }), [PHONE])).toBe(false);
  });

  test('the result rules: a forged answered log is refused as unverified; a reported answer satisfies; no PBX facts = desk facts', () => {
    const args: SaveResultArgs = {
      orderId: 1, result: 'confirm', variant: null, problem: null, callbackAt: null, comment: '',
      customer: { name: 'Иванова Мария Петровна', phone: PHONE, extraPhone: null, gender: 'female' },
      address: { ...emptyAddress(), city: 'Москва', street: 'Тверская', house: '7' }, lines: [{ offerSku: 'X', name: 'X', quantity: 1, unitPriceKop: 100, discountPct: 0, main: true }],
      delivery: { id: 'd', method: 'courier', carrier: 'СДЭК', priceKop: 0, daysMin: 1, daysMax: 2 },
    };
    const ctx = (patch: Partial<ResultContext>): ResultContext => ({ calls: [desk('a', true)], now: NOW, timeZone: 'Europe/Moscow', failedAttempts: 0, reasons: DEFAULT_REASONS, ...patch });
    const codes = (c: ResultContext) => validateResult(args, c).map((v) => v.code);
    expect(codes(ctx({}))).toEqual([]);
    expect(codes(ctx({ pbx: { calls: [], phones: [PHONE] } }))).toEqual(['pbxUnverified']);
    expect(codes(ctx({ pbx: { calls: [pbx('a')], phones: [PHONE] } }))).toEqual([]);
    expect(codes(ctx({ pbx: { calls: [pbx('a', { answeredAt: null })], phones: [PHONE] } }))).toEqual(['pbxUnverified']);
    // Недозвон needs an attempt the PBX saw; Невалид/неверный номер needs none and an unreported log does not count against it
    const noAnswer = { ...args, result: 'noAnswer' as const, problem: 'no_pickup', comment: 'Не берёт', lines: [], delivery: null };
    expect(validateResult(noAnswer, ctx({ calls: [desk('b', false)], pbx: { calls: [], phones: [PHONE] } })).map((v) => v.code)).toEqual(['pbxUnverified']);
    expect(validateResult(noAnswer, ctx({ calls: [desk('b', false)], pbx: { calls: [pbx('b', { answeredAt: null })], phones: [PHONE] } }))).toEqual([]);
  });
});

describe('pbxDisagreement', () => {
  const settled = new Date(Date.parse('2026-11-28T10:57:10.000Z') + PBX_REPORT_GRACE_MS);
  test('agreeing logs are not flagged; unreported ones only after the grace period', () => {
    expect(pbxDisagreement(desk('a', true), pbx('a'), settled)).toBeNull();
    expect(pbxDisagreement(desk('a', true), null, new Date(settled.getTime() - 1))).toBeNull();
    expect(pbxDisagreement(desk('a', true), null, settled)?.flag).toBe('notReported');
  });

  test('answer, talk time and a missing end', () => {
    expect(pbxDisagreement(desk('a', true), pbx('a', { answeredAt: null }), settled)?.flag).toBe('answerMismatch');
    expect(pbxDisagreement(desk('a', false), pbx('a'), settled)?.flag).toBe('answerMismatch');
    expect(pbxDisagreement(desk('a', true), pbx('a', { endedAt: '2026-11-28T10:58:10.000Z' }), settled))
      .toEqual({ flag: 'talkTimeMismatch', message: 'Длительность разговора: по рабочему месту 120 с, по АТС 180 с.' });
    expect(pbxDisagreement(desk('a', true), pbx('a', { endedAt: '2026-11-28T10:57:14.000Z' }), settled)).toBeNull();
    expect(pbxDisagreement(desk('a', true), pbx('a', { endedAt: null }), new Date(settled.getTime() - 1))).toBeNull();
    expect(pbxDisagreement(desk('a', true), pbx('a', { endedAt: null }), settled)?.flag).toBe('noEnd');
  });
});
