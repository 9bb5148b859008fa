/**
 * The desk's agent state between calls: taking an order is wrap-up; returning it ends wrap-up, a break stays a break;
 * after a reload the state kept by the server (agent.resume) comes back.
 */
import { waitFor, screen } from '@testing-library/react';
import { useSessionStore } from '../../renderer/stores/session-store';
import { MemoryApi, Refusal, makeOrder, viewOf } from './support/memory-api';
import { openOrder, renderDesk } from './support/render-desk';

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

describe('after a reload the desk resumes the state the server kept for this login', () => {
  const lastSet = (mem: MemoryApi) => mem.requests('agent.setState').at(-1);

  test('a break comes back with its reason and start, and is reported again', async () => {
    const since = new Date(Date.now() - 7 * 60_000).toISOString();
    const mem = new MemoryApi({ 'agent.resume': () => ({ resume: { state: 'break', breakReason: 'lunch', since } }) });
    await renderDesk(mem);
    await waitFor(() => expect(useSessionStore.getState().agentState).toBe('break'));
    expect(useSessionStore.getState()).toMatchObject({ breakReason: 'lunch', stateSince: since });
    expect(screen.getByRole('button', { name: /^Статус оператора: / })).toHaveTextContent('Перерыв: Обед');
    expect(lastSet(mem)).toMatchObject({ state: 'break', breakReason: 'lunch' });
    expect(states(mem)).not.toContain('ready');
  });

  test('a break stays a break with a held order open', async () => {
    const held = viewOf(makeOrder({}));
    const since = new Date(Date.now() - 60_000).toISOString();
    const mem = new MemoryApi({ 'order.held': () => [held], 'agent.resume': () => ({ resume: { state: 'break', breakReason: 'technical', since } }) });
    await renderDesk(mem);
    await screen.findByRole('region', { name: /Результат/ });
    await waitFor(() => expect(useSessionStore.getState()).toMatchObject({ agentState: 'break', breakReason: 'technical' }));
    expect(states(mem)).toEqual(['break']);
  });

  test('wrap-up resumes on the held order with its start', async () => {
    const held = viewOf(makeOrder({}));
    const since = new Date(Date.now() - 3 * 60_000).toISOString();
    const mem = new MemoryApi({ 'order.held': () => [held], 'agent.resume': () => ({ resume: { state: 'wrapUp', breakReason: null, since } }) });
    await renderDesk(mem);
    await waitFor(() => expect(useSessionStore.getState()).toMatchObject({ agentState: 'wrapUp', stateSince: since }));
    expect(lastSet(mem)).toMatchObject({ state: 'wrapUp', orderId: held.order.id });
  });

  test('nothing to resume, or the server unreachable: Готов', async () => {
    const mem = new MemoryApi({ 'agent.resume': () => { throw new Refusal('offline', 'Нет связи с сервером'); } });
    await renderDesk(mem);
    await waitFor(() => expect(useSessionStore.getState().agentState).toBe('ready'));
    expect(states(mem)).toEqual(['ready']);
  });
});
