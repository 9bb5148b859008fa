/**
 * Progressive dialing and auto-next on the desk: Next order opens the order and dials by itself
 * after a visible preview (Esc cancels), only inside the customer's window and for a callable
 * number; after a save while Готов the next order comes after the wrap-up countdown, which any
 * key stops.
 */
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import type { Session } from '../../shared/ipc/contract';
import type { Order } from '../../shared/domain/schemas';
import type { DeskDialing } from '../../shared/domain/dialing';
import { MemoryApi, SESSION, makeCall, makeOrder, viewOf } from './support/memory-api';
import { openOrder } from './support/render-desk';

jest.setTimeout(30_000);

const NOW = new Date('2026-11-28T12:00:00.000Z'); // 22:00 Vladivostok, 14:00 Kaliningrad
const KALININGRAD = { zone: 'Europe/Kaliningrad', source: 'address' } as const;

beforeEach(() => { jest.useFakeTimers({ now: NOW, advanceTimers: true }); });
afterEach(() => { jest.useRealTimers(); });

function desk(dialing: DeskDialing | undefined, order: Partial<Order> = {}) {
  const session: Session = {
    ...SESSION,
    user: { ...SESSION.user, ...(dialing ? { dialing } : {}) },
    center: { ...SESSION.center, callingWindow: { start: '09:00', end: '21:00' } },
  };
  const mem = new MemoryApi({ 'auth.session': () => session, 'queue.next': () => viewOf(makeOrder({ customerZone: KALININGRAD, ...order })) });
  const onCall = jest.fn();
  const open = () => openOrder(mem, { connected: true, onCall, onHangup: jest.fn() }, { advanceTimers: jest.advanceTimersByTime });
  return { mem, onCall, open };
}

const tick = (ms: number) => act(async () => { jest.advanceTimersByTime(ms); });

test('Next order dials by itself after the preview countdown', async () => {
  const { onCall, open } = desk({ previewSeconds: 3, wrapUpSeconds: null });
  await open();
  expect(screen.getByRole('timer')).toHaveTextContent('Набор через 3 с');
  await tick(1_100);
  expect(screen.getByRole('timer')).toHaveTextContent('Набор через 2 с');
  expect(onCall).not.toHaveBeenCalled();
  await tick(2_000);
  await waitFor(() => expect(onCall).toHaveBeenCalledWith('+79123456789', 10234));
  expect(onCall).toHaveBeenCalledTimes(1);
  expect(screen.queryByRole('timer')).toBeNull();
});

test('Esc cancels the preview: nothing is dialed', async () => {
  const { onCall, open } = desk({ previewSeconds: 2, wrapUpSeconds: null });
  const { user } = await open();
  expect(screen.getByRole('timer')).toBeInTheDocument();
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('timer')).toBeNull();
  await tick(5_000);
  expect(onCall).not.toHaveBeenCalled();
});

test('outside the customer\'s window it does not dial by itself and says why', async () => {
  const far = desk({ previewSeconds: 0, wrapUpSeconds: null }, { customerZone: { zone: 'Asia/Vladivostok', source: 'address' } });
  await far.open();
  expect(await screen.findByText(/Автонабор не выполнен: у клиента сейчас вне окна звонков/)).toBeInTheDocument();
  await tick(1_000);
  expect(far.onCall).not.toHaveBeenCalled();
});

test('a fake number or an obscene name is not dialed by itself', async () => {
  const fake = desk({ previewSeconds: 0, wrapUpSeconds: null }, { customer: { name: 'Иван', phone: '+70000000000', extraPhone: null, gender: null } });
  await fake.open();
  expect(await screen.findByText(/Автонабор не выполнен: номер некорректен/)).toBeInTheDocument();
  await tick(1_000);
  expect(fake.onCall).not.toHaveBeenCalled();
  cleanup();
  const rude = desk({ previewSeconds: 0, wrapUpSeconds: null }, { customer: { name: 'Иван Хуйня', phone: '+79123456789', extraPhone: null, gender: null } });
  await rude.open();
  expect(await screen.findByText(/Автонабор не выполнен: в имени нецензурные слова/)).toBeInTheDocument();
  await tick(1_000);
  expect(rude.onCall).not.toHaveBeenCalled();
});

test('without the setting Next order only opens the order', async () => {
  const { onCall, open } = desk(undefined);
  await open();
  expect(screen.queryByRole('timer')).toBeNull();
  await tick(6_000);
  expect(onCall).not.toHaveBeenCalled();
});

/** Saves Недозвон (after an unanswered call) with the keyboard and the problem select. */
async function saveNoAnswer(user: Awaited<ReturnType<typeof openOrder>>['user']) {
  await user.keyboard('{F7}');
  await user.selectOptions(screen.getByLabelText('Проблема'), 'Не берёт трубку');
  await user.type(screen.getByLabelText('Комментарий'), 'не берёт');
  await screen.findByText(/Всё заполнено/);
  await user.keyboard('{F7}');
  await screen.findByText(/Сохранено/);
}

test('after a save while Готов the next order comes after the wrap-up countdown', async () => {
  const { mem, open } = desk({ previewSeconds: null, wrapUpSeconds: 2 }, { calls: [makeCall(10234, false)] });
  const { user } = await open();
  await saveNoAnswer(user);
  expect(await screen.findByRole('timer')).toHaveTextContent('Следующий заказ через 2 с');
  expect(mem.requests('queue.next')).toHaveLength(1);
  await tick(2_500);
  await waitFor(() => expect(mem.requests('queue.next')).toHaveLength(2));
  await screen.findByRole('region', { name: /^Заказ № / });
});

test('any key stops the wrap-up countdown', async () => {
  const { mem, open } = desk({ previewSeconds: null, wrapUpSeconds: 2 }, { calls: [makeCall(10234, false)] });
  const { user } = await open();
  await saveNoAnswer(user);
  await screen.findByRole('timer');
  await user.keyboard('{Shift}');
  expect(screen.queryByRole('timer')).toBeNull();
  await tick(4_000);
  expect(mem.requests('queue.next')).toHaveLength(1);
});
