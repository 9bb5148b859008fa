/** «Не выкупает» and the blacklist mark on the open order, and the delivery outcomes in «Заказы клиента». */
import { screen, within } from '@testing-library/react';
import type { CustomerHistory } from '../../shared/api/http';
import { MemoryApi } from './support/memory-api';
import { openOrder } from './support/render-desk';

jest.setTimeout(60_000);

const past = (id: number, shipmentStatus?: 'delivered' | 'returned'): CustomerHistory['orders'][number] => ({
  id, createdAt: '2026-10-01T10:00:00.000Z', status: 'confirmed', offerName: 'Бальзам', customerName: 'Иван', totalKop: 99_000,
  problem: null, comment: '', lastCallAt: null, ...(shipmentStatus ? { shipmentStatus } : {}),
});

const withHistory = (h: Omit<CustomerHistory, 'phone'>) => new MemoryApi({ 'customer.history': (req) => ({ phone: req.phone, ...h }) });

test('a non-buyer is flagged in the order header before calling, with the returns in the history', async () => {
  const { user } = await openOrder(withHistory({
    orders: [past(71, 'returned'), past(72, 'returned'), past(73, 'delivered')],
    buyer: { delivered: 1, returned: 2, threshold: 2, nonBuyer: true, blacklisted: null },
  }));
  const flag = await screen.findByRole('note');
  expect(flag).toHaveTextContent('Не выкупает');
  expect(flag).toHaveAttribute('title', expect.stringMatching(/Возвратов: 2 \(порог 2\), выкуплено: 1/));
  await user.click(screen.getByRole('tab', { name: /Заказы клиента/ }));
  expect(await screen.findAllByText('Возврат')).toHaveLength(2);
  expect(screen.getByText('Выкуплен')).toBeInTheDocument();
  expect(screen.getByText(/Возвратов: 2 \(порог 2\), выкуплено: 1\. Уточните/)).toBeInTheDocument();
});

test('below the threshold there is no flag; the history tells the parcels', async () => {
  const { user } = await openOrder(withHistory({
    orders: [past(71, 'returned'), past(73, 'delivered')],
    buyer: { delivered: 1, returned: 1, threshold: 2, nonBuyer: false, blacklisted: null },
  }));
  await user.click(screen.getByRole('tab', { name: /Заказы клиента/ }));
  expect(await screen.findByText('Посылок выкуплено: 1, возвратов: 1')).toBeInTheDocument();
  expect(screen.queryByText('Не выкупает')).toBeNull();
});

test('a blacklisted phone shows its reason in the order header', async () => {
  await openOrder(withHistory({ orders: [], buyer: { delivered: 0, returned: 0, threshold: 2, nonBuyer: false, blacklisted: 'Оскорбляет операторов' } }));
  const head = (await screen.findByText('Номер в чёрном списке: Оскорбляет операторов')).closest('.order-head') as HTMLElement;
  expect(within(head).queryByText('Не выкупает')).toBeNull();
});

test('an older server (no marks) shows no flag', async () => {
  const { user } = await openOrder(withHistory({ orders: [past(71)] }));
  await user.click(screen.getByRole('tab', { name: /Заказы клиента/ }));
  expect(await screen.findByText(/Наш клиент: 1 другой заказ/)).toBeInTheDocument();
  expect(screen.queryByRole('note')).toBeNull();
});
