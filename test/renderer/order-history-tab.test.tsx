/** «История» on the open order: every save's comment with its author, calls, status changes and delivery outcomes, in the center's zone; offline says so. */
import { screen, within } from '@testing-library/react';
import type { OrderHistory } from '../../shared/api/order-history';
import { MemoryApi, Refusal } from './support/memory-api';
import { openOrder } from './support/render-desk';

jest.setTimeout(60_000);

const HISTORY = (orderId: number): OrderHistory => ({
  orderId,
  entries: [
    { kind: 'call', at: '2026-11-27T07:00:00.000Z', author: 'Анна Первая', callId: 'c1', direction: 'outbound', outcome: 'answered', durationSec: 95, pbxVerified: true },
    { kind: 'result', at: '2026-11-27T07:02:00.000Z', author: 'Анна Первая', result: 'callback', status: 'callback', problem: null,
      comment: 'Просит перезвонить вечером,\nмуж решает', callbackAt: '2026-11-27T16:00:00.000Z', totalKop: 0 },
    { kind: 'status', at: '2026-11-27T07:02:00.000Z', event: 'callback', status: 'callback' },
    { kind: 'call', at: '2026-11-27T16:00:00.000Z', author: 'Борис Второй', callId: 'c2', direction: null, outcome: 'noAnswer', durationSec: 0, pbxVerified: false },
    { kind: 'result', at: '2026-11-27T16:05:00.000Z', author: 'Борис Второй', result: 'confirm', status: 'confirmed', problem: null,
      comment: 'Подтвердил, доставка к подъезду', callbackAt: null, totalKop: 189_000 },
    { kind: 'shipment', at: '2026-11-29T09:00:00.000Z', shipmentId: 'SD-1', status: 'delivered', amountKop: 189_000 },
  ],
});

test('the third tab lists the whole story with authors, full comments and Moscow times', async () => {
  const mem = new MemoryApi({ 'order.history': (req) => HISTORY(req.orderId) });
  const { user } = await openOrder(mem);
  expect(screen.getByRole('tab', { name: 'Бланк заказа' })).toBeInTheDocument();
  expect(screen.getByRole('tab', { name: /Заказы клиента/ })).toBeInTheDocument();
  await user.click(screen.getByRole('tab', { name: 'История' }));
  const table = await screen.findByRole('table', { name: 'История заказа' });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows).toHaveLength(6);
  expect(rows[0]).toHaveTextContent('27.11.2026 10:00');
  expect(rows[0]).toHaveTextContent('Звонок исходящий, разговор, 1:35');
  expect(rows[0]).toHaveTextContent('подтверждён АТС');
  expect(rows[1]).toHaveTextContent('Результат «В работе», перезвонить 27.11.2026 19:00');
  expect(rows[1]).toHaveTextContent('Анна Первая');
  expect(within(rows[1] as HTMLElement).getByText(/Просит перезвонить вечером,\s+муж решает/)).toBeInTheDocument();
  expect(rows[2]).toHaveTextContent('Статус: В работе');
  expect(rows[3]).toHaveTextContent('Звонок, нет ответа');
  expect(rows[3]).not.toHaveTextContent('АТС');
  expect(rows[4]).toHaveTextContent('Борис Второй');
  expect(rows[4]).toHaveTextContent('Подтвердил, доставка к подъезду');
  expect(rows[5]).toHaveTextContent(/Доставка: Выкуплен, получено 1\s?890 ₽, отправление SD-1/);
  expect(mem.requests('order.history')).toHaveLength(1);
});

test('offline, the tab says the history needs the server', async () => {
  const mem = new MemoryApi({ 'order.history': () => { throw new Refusal('offline', 'Нет связи с сервером'); } });
  const { user } = await openOrder(mem);
  await user.click(screen.getByRole('tab', { name: 'История' }));
  expect(await screen.findByText('Нет связи с сервером — история заказа доступна только онлайн.')).toBeInTheDocument();
});

test('a refusal is shown in the server\'s words', async () => {
  const mem = new MemoryApi({ 'order.history': () => { throw new Refusal('not_holder', 'Заказ у вас не в работе: возьмите его из очереди'); } });
  const { user } = await openOrder(mem);
  await user.click(screen.getByRole('tab', { name: 'История' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('История не загрузилась: Заказ у вас не в работе');
});
