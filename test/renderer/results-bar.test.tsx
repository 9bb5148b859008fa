/** Results bar: what each result misses (in words), the auto-filled values, the Невалид proposals, the save. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { MemoryApi, makeCall, makeOrder, viewOf, COURIER } from './support/memory-api';
import { openOrder } from './support/render-desk';

const NOW = new Date('2026-11-28T09:00:00.000Z'); // 12:00 in Moscow

beforeEach(() => { jest.useFakeTimers({ now: NOW, advanceTimers: true }); });
afterEach(() => { jest.useRealTimers(); });

const why = (kind: string) => document.getElementById(`why-${kind}`)?.textContent ?? '';

test('each result says in words what it misses before a call', async () => {
  const mem = new MemoryApi();
  await openOrder(mem);
  expect(why('confirm')).toMatch(/состоявшийся разговор/);
  expect(why('confirm')).toMatch(/ · и ещё \d+$/);
  expect(why('callback')).toMatch(/состоявшийся разговор/);
  expect(why('noAnswer')).toMatch(/Звонок не совершался/);
  expect(why('cancel')).toMatch(/состоявшийся разговор/);
  expect(why('invalid')).toMatch(/Выберите вид невалида/);
});

test('F5 lists every missing field of Подтвердить', async () => {
  const mem = new MemoryApi({ 'queue.next': () => viewOf(makeOrder({ calls: [makeCall(10234, true)] })) });
  const { user } = await openOrder(mem);
  await user.keyboard('{F5}');
  const list = screen.getByRole('list', { name: 'Чего не хватает' });
  const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
  expect(items).toEqual(expect.arrayContaining([
    expect.stringMatching(/ФИО полностью/),
    expect.stringMatching(/пол клиента/),
    expect.stringMatching(/город/),
    expect.stringMatching(/улицу/),
    expect.stringMatching(/номер дома/),
    expect.stringMatching(/вариант доставки/),
  ]));
  expect(items.join(' ')).not.toMatch(/разговор/);
  expect(screen.getByRole('button', { name: /Сохранить «Подтвердить»/ })).toBeDisabled();
});

test('Недозвон after the 3rd no-answer fills a dated comment and a callback today +1 h', async () => {
  const order = makeOrder({ status: 'no_answer', failedAttempts: 3, calls: [makeCall(10234, false)] });
  const mem = new MemoryApi({ 'queue.next': () => viewOf(order) });
  const { user } = await openOrder(mem);
  await user.keyboard('{F7}');
  expect(screen.getByLabelText('Комментарий')).toHaveValue('28.11.2026 ');
  expect(screen.getByLabelText('Дата, когда перезвонить')).toHaveValue('2026-11-28T13:00');
  expect(screen.getByRole('list', { name: 'Чего не хватает' })).toHaveTextContent(/Укажите проблему/);
  await user.selectOptions(screen.getByLabelText('Проблема'), 'Не берёт трубку');
  await user.type(screen.getByLabelText('Комментарий'), 'не берёт');
  await screen.findByText(/Всё заполнено/);
  await user.keyboard('{F7}');
  await waitFor(() => expect(mem.requests('order.saveResult')).toHaveLength(1));
  expect(mem.requests('order.saveResult')[0]).toMatchObject({
    result: 'noAnswer', problem: 'no_pickup', comment: '28.11.2026 не берёт', callbackAt: '2026-11-28T10:00:00.000Z',
  });
  await screen.findByText(/Сохранено, отправится при связи/);
});

test('Недозвон before the 4th no-answer has no callback time', async () => {
  const order = makeOrder({ status: 'no_answer', failedAttempts: 1, calls: [makeCall(10234, false)] });
  const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(order) }));
  await user.keyboard('{F7}');
  expect(screen.queryByLabelText('Дата, когда перезвонить')).toBeNull();
});

test('В работе fills «Нужно перезвонить» and asks for a time', async () => {
  const order = makeOrder({ calls: [makeCall(10234, true)] });
  const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(order) }));
  await user.keyboard('{F6}');
  expect(screen.getByLabelText('Проблема')).toHaveDisplayValue('Нужно перезвонить');
  const missing = screen.getByRole('list', { name: 'Чего не хватает' });
  expect(missing).toHaveTextContent(/дату и время перезвона/);
  expect(missing).toHaveTextContent(/комментарий/i);
});

test('a fake number proposes Невалид: неверный номер and saves it without a call', async () => {
  const order = makeOrder({ customer: { name: 'Пётр', phone: '+70000000000', extraPhone: null, gender: null } });
  const mem = new MemoryApi({ 'queue.next': () => viewOf(order) });
  const { user } = await openOrder(mem);
  expect(screen.getByText(/предлагаем «Невалид: неверный номер»/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: /Позвонить/ })).toBeDisabled();
  expect(screen.getByRole('alert')).toHaveTextContent(/Звонить нельзя/);
  await user.keyboard('{F9}');
  expect(screen.getByLabelText('Неверный номер')).toBeChecked();
  expect(screen.getByLabelText('Проблема')).toHaveDisplayValue('Невалидный номер');
  expect(screen.getByLabelText('Комментарий')).toHaveValue('28.11.2026 Неверный номер телефона');
  await user.keyboard('{F9}');
  await waitFor(() => expect(mem.requests('order.saveResult')[0]).toMatchObject({ result: 'invalid', variant: 'wrongNumber', problem: 'invalid_number' }));
});

test('an obscene name proposes Невалид: спам', async () => {
  const order = makeOrder({ customer: { name: 'Хуй Моржовый', phone: '+79123456789', extraPhone: null, gender: null } });
  const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(order) }));
  expect(screen.getByText(/предлагаем «Невалид: спам»/)).toBeInTheDocument();
  await user.keyboard('{F9}');
  expect(screen.getByLabelText('Спам')).toBeChecked();
  expect(screen.getByLabelText('Комментарий')).toHaveValue('28.11.2026 Спам');
});

test('foreign feedback becomes Отказ with «Другое»', async () => {
  const order = makeOrder({ calls: [makeCall(10234, true)] });
  const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(order) }));
  await user.keyboard('{F9}');
  await user.click(screen.getByLabelText(/чужой клиент/));
  expect(screen.getByRole('button', { name: /Сохранить «Отказ»/ })).toBeInTheDocument();
  expect(screen.getByLabelText('Проблема')).toHaveDisplayValue('Другое');
});

test('a complete confirmed order saves with F5 twice and F2 takes the next one', async () => {
  const order = makeOrder({
    calls: [makeCall(10234, true)],
    customer: { name: 'Иванов Иван Иванович', phone: '+79123456789', extraPhone: null, gender: 'male' },
    address: { postalCode: '101000', region: 'Москва', district: '', city: 'Москва', cityId: 'c1', street: 'Тверская', house: '1', building: '', korpus: '', apartment: '5' },
    delivery: COURIER,
  });
  let n = 0;
  const mem = new MemoryApi({ 'queue.next': () => viewOf(n++ === 0 ? order : makeOrder({ id: 555 })) });
  const { user } = await openOrder(mem);
  expect(why('confirm')).toBe('можно сохранять');
  await user.keyboard('{F5}');
  expect(screen.getByText(/Всё заполнено/)).toBeInTheDocument();
  await user.keyboard('{F5}');
  await screen.findByText(/Заказ № 10234 сохранён: Подтвердить/);
  expect(mem.requests('order.saveResult')[0]).toMatchObject({ result: 'confirm', problem: null, callbackAt: null, delivery: COURIER });
  await user.keyboard('{F2}');
  await screen.findByText('Заказ № 555');
  await act(async () => { await Promise.resolve(); });
});

test('an answered call made before the claim (takenAt) does not count for Подтвердить', async () => {
  const oldCall = makeCall(10234, true, '2026-11-27T15:00:00.000Z');
  const before = new MemoryApi({ 'queue.next': () => viewOf(makeOrder({ calls: [oldCall] }), null, '2026-11-28T08:50:00.000Z') });
  await openOrder(before);
  expect(why('confirm')).toMatch(/состоявшийся разговор/);
  expect(why('cancel')).toMatch(/состоявшийся разговор/);
  expect(why('noAnswer')).toMatch(/Звонок не совершался/);
  expect(screen.getByText(/^звонков не было/)).toBeInTheDocument();
});

test('an answered call made after the claim counts for Подтвердить', async () => {
  const call = makeCall(10234, true, '2026-11-28T08:55:00.000Z');
  await openOrder(new MemoryApi({ 'queue.next': () => viewOf(makeOrder({ calls: [call] }), null, '2026-11-28T08:50:00.000Z') }));
  expect(why('confirm')).not.toMatch(/разговор|Звонок/);
});
