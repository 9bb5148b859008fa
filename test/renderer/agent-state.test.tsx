/** The desk's agent state between calls: taking an order is wrap-up; returning it ends wrap-up, a break stays a break. */
import { waitFor, screen } from '@testing-library/react';
import { useSessionStore } from '../../renderer/stores/session-store';
import { MemoryApi, makeOrder, viewOf } from './support/memory-api';
import { openOrder } from './support/render-desk';

const states = (mem: MemoryApi) => mem.requests('agent.setState').map((r) => r.state);

test('«Вернуть в очередь» ends wrap-up: the operator is ready again', async () => {
  const mem = new MemoryApi({ 'queue.next': () => viewOf(makeOrder({})), 'order.release': () => null });
  const { user } = await openOrder(mem);
  expect(useSessionStore.getState().agentState).toBe('wrapUp');
  await user.click(screen.getByRole('button', { name: 'Вернуть в очередь' }));
  await waitFor(() => expect(useSessionStore.getState().agentState).toBe('ready'));
  expect(states(mem).slice(-2)).toEqual(['wrapUp', 'ready']);
});

test('returning an order during a break keeps the break', async () => {
  const mem = new MemoryApi({ 'queue.next': () => viewOf(makeOrder({})), 'order.release': () => null });
  const { user } = await openOrder(mem);
  useSessionStore.getState().setAgentState('break', 'lunch');
  const before = states(mem).length;
  await user.click(screen.getByRole('button', { name: 'Вернуть в очередь' }));
  await waitFor(() => expect(mem.requests('order.release')).toHaveLength(1));
  expect(useSessionStore.getState().agentState).toBe('break');
  expect(states(mem).slice(before)).toEqual([]);
});
