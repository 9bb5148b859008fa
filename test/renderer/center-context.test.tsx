/**
 * The results bar judges with the session's center context and follows a live `center.changed`
 * without re-login: working hours set by the admin apply at once, and the callback bound shows.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { MemoryApi, makeCall, makeOrder, viewOf } from './support/memory-api';
import { openOrder } from './support/render-desk';
import { useSessionStore } from '../../renderer/stores/session-store';

jest.setTimeout(30_000);

const NOW = new Date('2026-11-28T09:00:00.000Z'); // 12:00 in Moscow

beforeEach(() => { jest.useFakeTimers({ now: NOW, advanceTimers: true }); });
afterEach(() => { jest.useRealTimers(); });

const missing = () => screen.getByRole('list', { name: 'Чего не хватает' }).textContent ?? '';

test('a live center.changed brings the working hours into the results bar; a far callback is refused', async () => {
  const order = makeOrder({ calls: [makeCall(10234, true)] });
  const mem = new MemoryApi({ 'queue.next': () => viewOf(order) });
  const { user } = await openOrder(mem);
  await user.keyboard('{F6}');
  await user.type(screen.getByLabelText('Комментарий'), 'перезвонить вечером');
  fireEvent.change(screen.getByLabelText('Дата, когда перезвонить'), { target: { value: '2026-11-28T20:00' } });
  await screen.findByText(/Всё заполнено/);

  const center = { timeZone: 'Asia/Yekaterinburg', workingHours: { start: '09:00', end: '18:00' }, callingWindow: { start: '09:00', end: '21:00' }, limits: { callbackMaxDays: 90 } };
  await act(async () => { mem.emit('live.message', { type: 'center.changed', center }); });
  expect(useSessionStore.getState().session).toMatchObject({ timeZone: 'Asia/Yekaterinburg', center });
  expect(missing()).toMatch(/вне рабочих часов \(09:00–18:00\)/);

  fireEvent.change(screen.getByLabelText('Дата, когда перезвонить'), { target: { value: '2027-06-01T10:00' } });
  expect(missing()).toMatch(/не дальше чем на 90 дней/);
  expect(missing()).not.toMatch(/вне рабочих часов/);
});
