/** Header: today's plan progress from GET plans/me (on login, after each saved result, on a live `plan.changed`), «план не задан», «план: —». */
import { act, screen, waitFor } from '@testing-library/react';
import type { MyPlanResponse } from '../../shared/api/lead';
import { MemoryApi, Refusal, makeCall, makeOrder, viewOf } from './support/memory-api';
import { openOrder, renderDesk } from './support/render-desk';

const NOW = new Date('2026-11-28T09:00:00.000Z'); // 12:00 in Moscow

beforeEach(() => { jest.useFakeTimers({ now: NOW, advanceTimers: true }); });
afterEach(() => { jest.useRealTimers(); });

const plan = (p: Partial<MyPlanResponse>): MyPlanResponse => ({
  day: '2026-11-28', targetConfirmed: 30, targetCalls: 120, confirmed: 12, calls: 40, confirmedRatio: 0.4, processed: 24, approvalRate: 0.5, ...p,
});
const progress = () => screen.getByTestId('plan-progress');
const planPaths = (mem: MemoryApi) => mem.requests('plans.mine');

test('shows confirmed against the target of today once logged in', async () => {
  const mem = new MemoryApi({ 'plans.mine': () => plan({}) });
  await renderDesk(mem);
  await waitFor(() => expect(progress()).toHaveTextContent('план 12/30 · одобр. 50 %'));
  expect(progress()).toHaveTextContent(/^Прогресс за сегодня: план 12/);
  expect(planPaths(mem)[0]).toEqual({ day: '2026-11-28' });
});

test('says «план не задан» when the lead set no plan for today', async () => {
  await renderDesk(new MemoryApi({ 'plans.mine': () => plan({ targetConfirmed: null, targetCalls: null, confirmedRatio: null, confirmed: 3 }) }));
  await waitFor(() => expect(progress()).toHaveTextContent('план не задан'));
});

test.each<[string, () => unknown]>([
  ['offline', () => { throw new Refusal('offline', 'нет связи'); }],
  ['an unexpected answer', () => ({ nothing: true })],
])('keeps the placeholder «план: —» when the server is %s', async (_name, answer) => {
  const mem = new MemoryApi({ 'plans.mine': answer as () => MyPlanResponse });
  mem.allowBadReplies = true;
  await renderDesk(mem);
  await waitFor(() => expect(planPaths(mem).length).toBeGreaterThan(0));
  await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
  expect(progress()).toHaveTextContent('план: —');
});

test('is fetched again after a saved result and shows the new count', async () => {
  let confirmed = 12;
  const order = makeOrder({ status: 'no_answer', failedAttempts: 1, calls: [makeCall(10234, false)] });
  const mem = new MemoryApi({
    'queue.next': () => viewOf(order),
    'plans.mine': () => plan({ confirmed, confirmedRatio: confirmed / 30, processed: 24 + confirmed - 12, approvalRate: confirmed / (24 + confirmed - 12) }),
    'order.saveResult': () => { confirmed = 13; return { mutationId: 5, queued: false }; },
  });
  const { user } = await openOrder(mem);
  await waitFor(() => expect(progress()).toHaveTextContent('план 12/30 · одобр. 50 %'));
  const before = planPaths(mem).length;
  await user.keyboard('{F7}');
  await user.selectOptions(screen.getByLabelText('Проблема'), 'Не берёт трубку');
  await user.type(screen.getByLabelText('Комментарий'), 'не берёт');
  await screen.findByText(/Всё заполнено/);
  await user.keyboard('{F7}');
  await waitFor(() => expect(mem.requests('order.saveResult')).toHaveLength(1));
  await waitFor(() => expect(progress()).toHaveTextContent('план 13/30 · одобр. 52 %'));
  expect(planPaths(mem).length).toBeGreaterThan(before);
});

test('a live plan.changed (the lead set the plan) refetches and shows the new target without a reload', async () => {
  let target: number | null = null;
  const mem = new MemoryApi({ 'plans.mine': () => plan({ targetConfirmed: target, targetCalls: target === null ? null : 100, confirmedRatio: null }) });
  await renderDesk(mem);
  await waitFor(() => expect(progress()).toHaveTextContent('план не задан'));
  target = 25;
  act(() => mem.emit('live.message', { type: 'plan.changed', day: '2026-11-28' }));
  await waitFor(() => expect(progress()).toHaveTextContent('план 12/25 · одобр. 50 %'));
});
