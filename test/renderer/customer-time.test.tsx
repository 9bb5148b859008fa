/**
 * The customer's time on the desk: beside the center's on the order, in the script panel and the
 * queue rows (dimmed with the opening hour outside the calling window), ticking by the minute;
 * click-to-call outside the window asks first; the callback is picked in the customer's time.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Session } from '../../shared/ipc/contract';
import type { Order } from '../../shared/domain/schemas';
import { useOrderStore } from '../../renderer/stores/order-store';
import { MemoryApi, SESSION, makeCall, makeOrder, queueRow, viewOf } from './support/memory-api';
import { openOrder, renderDesk } from './support/render-desk';

const NOW = new Date('2026-11-28T12:00:00.000Z'); // 15:00 Moscow, 22:00 Vladivostok, 14:00 Kaliningrad
const WINDOWED: Session = { ...SESSION, center: { ...SESSION.center, callingWindow: { start: '09:00', end: '21:00' } } };
const VLADIVOSTOK = { zone: 'Asia/Vladivostok', source: 'address' } as const;
const KALININGRAD = { zone: 'Europe/Kaliningrad', source: 'ingest' } as const;

beforeAll(() => {
  for (const [prop, value] of [['offsetHeight', 600], ['offsetWidth', 800], ['clientHeight', 600], ['clientWidth', 800]] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
});
jest.setTimeout(30_000);

beforeEach(() => { jest.useFakeTimers({ now: NOW, advanceTimers: true }); });
afterEach(() => { jest.useRealTimers(); });

const deskWith = (order: Partial<Order>) => new MemoryApi({ 'auth.session': () => WINDOWED, 'queue.next': () => viewOf(makeOrder(order)) });
const orderHead = () => screen.getByRole('region', { name: /^Заказ № / });

test('the order shows the customer\'s time beside ours, with the zone\'s source, and ticks by the minute', async () => {
  await openOrder(deskWith({ customerZone: VLADIVOSTOK }));
  const clock = within(orderHead()).getByText('у клиента 22:00').closest('.customer-clock') as HTMLElement;
  expect(clock).toHaveTextContent('у нас 15:00');
  expect(clock).toHaveTextContent('откроется в 09:00 по времени клиента');
  expect(clock).toHaveAttribute('data-inside', 'false');
  expect(clock.title).toMatch(/Часовой пояс по региону адреса: Asia\/Vladivostok/);
  const script = screen.getByRole('complementary', { name: /Скрипт/ });
  expect(within(script).getByText('у клиента 22:00')).toBeInTheDocument();
  await act(async () => { jest.advanceTimersByTime(60_000); });
  expect(within(orderHead()).getByText('у клиента 22:01')).toBeInTheDocument();
  expect(within(script).getByText('у клиента 22:01')).toBeInTheDocument();
});

test('an unknown zone says so and opens by the rule of every Russian zone (our time)', async () => {
  await openOrder(deskWith({ customerZone: { zone: null, source: 'unknown' } }));
  const clock = within(orderHead()).getByText('время клиента неизвестно').closest('.customer-clock') as HTMLElement;
  expect(clock.title).toMatch(/не определён/);
  // 09:00–21:00 in every zone from UTC+2 to UTC+12 is 07:00–09:00 UTC: 10:00 Moscow tomorrow
  expect(clock).toHaveTextContent('откроется в 10:00 по нашему времени');
});

test('queue rows show the customer\'s time; rows outside the window are marked with their opening hour', async () => {
  const mem = new MemoryApi({
    'auth.session': () => WINDOWED,
    'queue.list': (req) => ({ tab: req.tab, total: 2, cached: false, rows: [
      queueRow(0, { tab: req.tab, customerZone: VLADIVOSTOK }), queueRow(1, { tab: req.tab, customerZone: KALININGRAD }),
    ] }),
  });
  await renderDesk(mem);
  expect(await screen.findByRole('columnheader', { name: 'У клиента' })).toBeInTheDocument();
  const far = screen.getByText('22:00').closest('.customer-clock') as HTMLElement;
  expect(far).toHaveAttribute('data-inside', 'false');
  expect(far).toHaveTextContent('22:00 · с 09:00');
  expect(far.title).toMatch(/^откроется в 09:00 по времени клиента/);
  const near = screen.getByText('14:00').closest('.customer-clock') as HTMLElement;
  expect(near).toHaveAttribute('data-inside', 'true');
  expect(near.querySelector('.opens-at')).toBeNull();
});

test('click-to-call outside the window asks with the customer\'s time: Esc cancels, Enter calls', async () => {
  const onCall = jest.fn();
  const { user } = await openOrder(deskWith({ customerZone: VLADIVOSTOK }), { connected: true, onCall, onHangup: jest.fn() }, { advanceTimers: jest.advanceTimersByTime });
  await user.keyboard('{F3}');
  const dialog = await screen.findByRole('alertdialog', { name: 'Звонок вне окна звонков' });
  expect(dialog).toHaveTextContent('У клиента сейчас 22:00 — это вне окна звонков 09:00–21:00');
  expect(within(dialog).getByRole('button', { name: /Позвонить/ })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(onCall).not.toHaveBeenCalled();
  await user.keyboard('{F3}');
  await screen.findByRole('alertdialog');
  await user.keyboard('{Enter}');
  expect(onCall).toHaveBeenCalledWith('+79123456789', 10234);
  expect(screen.queryByRole('alertdialog')).toBeNull();
});

test('inside the window the call button dials at once', async () => {
  const onCall = jest.fn();
  const { user } = await openOrder(deskWith({ customerZone: KALININGRAD }), { connected: true, onCall, onHangup: jest.fn() }, { advanceTimers: jest.advanceTimersByTime });
  await user.keyboard('{F3}');
  expect(onCall).toHaveBeenCalledWith('+79123456789', 10234);
  expect(screen.queryByRole('alertdialog')).toBeNull();
});

test('the callback is picked in the customer\'s time, our time beside, saved as a UTC instant', async () => {
  const { user } = await openOrder(deskWith({ customerZone: VLADIVOSTOK, calls: [makeCall(10234, true)] }), undefined, { advanceTimers: jest.advanceTimersByTime });
  await user.keyboard('{F6}');
  const input = screen.getByLabelText('Дата, когда перезвонить');
  fireEvent.change(input, { target: { value: '2026-11-29T10:00' } });
  await waitFor(() => expect(useOrderStore.getState().form?.callbackAt).toBe('2026-11-29T00:00:00.000Z'));
  expect(input).toHaveValue('2026-11-29T10:00');
  expect(input).toHaveAccessibleDescription('по времени клиента · у нас 29.11.2026 03:00');
});
