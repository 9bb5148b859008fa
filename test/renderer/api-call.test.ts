/** The renderer's `call()`: every reply is parsed with the channel's `res` schema, whatever the transport. */
import { ApiCallError, call } from '../../renderer/app/api-context';
import type { Api } from '../../shared/ipc/contract';
import { MemoryApi, takeViolations } from './support/memory-api';

/** A transport answering every channel with `value` (as a bridge with a broken or hostile main would). */
const answering = (value: unknown): Api => new Proxy({}, { get: () => async () => ({ ok: true, value }) }) as Api;

test('a reply that violates the channel schema is refused as bad_response, naming the field', async () => {
  const err = await call(answering({ agents: 'nope' }), 'lead.board', {}).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ApiCallError);
  expect(err).toMatchObject({ code: 'bad_response', message: expect.stringContaining('lead.board: неожиданный ответ (agents') });
  await expect(call(answering(null), 'plans.mine', {})).rejects.toMatchObject({ code: 'bad_response' });
});

test('a conforming reply comes back as parsed', async () => {
  const plan = { day: '2026-11-28', targetConfirmed: 30, targetCalls: 120, confirmed: 12, calls: 40, confirmedRatio: 0.4, processed: 24, approvalRate: 0.5 };
  await expect(call(answering(plan), 'plans.mine', {})).resolves.toEqual(plan);
});

test('the in-memory api of the component tests refuses what main refuses and flags it as a contract violation', async () => {
  const mem = new MemoryApi({ 'plans.list': () => ({ day: '2026-11-28', rows: [] }) });
  const api = mem.api as unknown as Record<string, (req: unknown) => Promise<unknown>>;
  expect(await api['plans.list']!({ day: '2026-11-28', path: '/admin/users' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  expect(await api['server.request']!({ method: 'GET', path: '/../admin' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  mem.handlers['plans.list'] = () => ({ day: 'tomorrow', rows: [] });
  await api['plans.list']!({ day: '2026-11-28' });
  const seen = takeViolations();
  expect(seen).toHaveLength(3);
  expect(seen[0]).toContain('plans.list request');
  expect(seen[1]).toContain('unknown channel server.request');
  expect(seen[2]).toContain('plans.list reply');
});
