/** The draft keeps the whole form: a Невалид result with its variant comes back pressed after a restart and saves at once. */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { Draft, type Req } from '../../shared/ipc/contract';
import { MemoryApi, makeCall, makeOrder, viewOf } from './support/memory-api';
import { openOrder } from './support/render-desk';

const NOW = new Date('2026-11-28T09:00:00.000Z');
jest.setTimeout(30_000);

beforeEach(() => { jest.useFakeTimers({ now: NOW, advanceTimers: true }); });
afterEach(() => { jest.useRealTimers(); });

test('Невалид with its variant survives a restart (draft) and saves without picking it again', async () => {
  const order = makeOrder({ calls: [makeCall(10234, true)] });
  let stored: Draft | null = null;
  const handlers = {
    'queue.next': () => viewOf(order, stored),
    'draft.save': (req: Req<'draft.save'>) => { stored = Draft.parse(req); return null; },
  };
  const first = new MemoryApi(handlers);
  const { user } = await openOrder(first);
  await user.keyboard('{F9}');
  await user.click(screen.getByLabelText('Обратная связь — наш клиент'));
  await user.clear(screen.getByLabelText('Комментарий'));
  await user.type(screen.getByLabelText('Комментарий'), '28.11.2026 Обратная связь');
  await screen.findByText(/Всё заполнено/);
  await waitFor(() => expect(first.requests('draft.save').at(-1)).toMatchObject({ result: 'invalid', variant: 'feedbackOurs', comment: '28.11.2026 Обратная связь' }));
  cleanup();

  const second = new MemoryApi(handlers);
  const again = await openOrder(second);
  expect(screen.getByRole('button', { name: /Невалид/, pressed: true })).toBeInTheDocument();
  expect(screen.getByLabelText('Обратная связь — наш клиент')).toBeChecked();
  expect(screen.getByRole('button', { name: /Сохранить «Невалид»/ })).toBeEnabled();
  await again.user.keyboard('{F9}');
  await waitFor(() => expect(second.requests('order.saveResult')[0]).toMatchObject({ result: 'invalid', variant: 'feedbackOurs', problem: 'invalid_number' }));
});

test('Escape clears the result and its variant from the draft', async () => {
  const order = makeOrder({ calls: [makeCall(10234, true)] });
  const mem = new MemoryApi({ 'queue.next': () => viewOf(order) });
  const { user } = await openOrder(mem);
  await user.keyboard('{F9}');
  await user.click(screen.getByLabelText('Спам'));
  await waitFor(() => expect(mem.requests('draft.save').at(-1)).toMatchObject({ result: 'invalid', variant: 'spam' }));
  await user.keyboard('{Escape}');
  await waitFor(() => expect(mem.requests('draft.save').at(-1)).toMatchObject({ result: null, variant: null }));
});
