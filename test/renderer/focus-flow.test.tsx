/**
 * Focus follows the work: login → «Следующий заказ», an opened order → «Позвонить», a save or a
 * release → «Следующий заказ», each result key → the first field it needs, Ctrl+D → the proposed
 * delivery option, Esc in the objection search → back to the field that had focus; the script
 * text is a focusable region.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../renderer/i18n';
import { App } from '../../renderer/app/App';
import { COURIER, MemoryApi, SESSION, makeCall, makeOrder, viewOf } from './support/memory-api';
import { openOrder, renderDesk, resetStores } from './support/render-desk';

// the whole desk renders per test; the machine running the suite may be busy
jest.setTimeout(30_000);

const NOW = new Date('2026-11-28T09:00:00.000Z'); // 12:00 in Moscow

beforeEach(() => { jest.useFakeTimers({ now: NOW, advanceTimers: true }); });
afterEach(() => { jest.useRealTimers(); });

const nextButton = () => screen.getByRole('button', { name: /Следующий заказ/ });
const callButton = () => screen.getByRole('button', { name: /Позвонить/ });

/** An order with an answered call and everything Подтвердить needs. */
const completeOrder = (id = 10234) => makeOrder({
  id,
  calls: [makeCall(id, true)],
  customer: { name: 'Иванов Иван Иванович', phone: '+79123456789', extraPhone: null, gender: 'male' },
  address: { postalCode: '101000', region: 'Москва', district: '', city: 'Москва', cityId: 'c1', street: 'Тверская', house: '1', building: '', korpus: '', apartment: '5' },
  delivery: COURIER,
});

test('after login the keyboard starts on «Следующий заказ»', async () => {
  resetStores();
  let session: typeof SESSION | null = null;
  const mem = new MemoryApi({ 'auth.session': () => session, 'settings.lastServer': () => 'http://10.0.0.5:8080' });
  mem.handlers['auth.login'] = () => { session = SESSION; return SESSION; };
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  render(<App api={mem.api} />);
  const login = await screen.findByLabelText('Логин');
  expect(login).toHaveFocus();
  await user.keyboard('operator1');
  await user.tab();
  await user.keyboard('secret{Enter}');
  await waitFor(() => expect(nextButton()).toHaveFocus());
});

test('F2 puts focus on «Позвонить»; the saved order hands it back to «Следующий заказ»; F2 again → «Позвонить»', async () => {
  let n = 0;
  const mem = new MemoryApi({ 'queue.next': () => viewOf(completeOrder(n++ === 0 ? 10234 : 555)) });
  const { user } = await openOrder(mem, undefined, { advanceTimers: jest.advanceTimersByTime });
  await waitFor(() => expect(callButton()).toHaveFocus());
  await user.keyboard('{F5}');
  // nothing is missing: the save button takes focus, Enter would save
  expect(screen.getByRole('button', { name: /Сохранить «Подтвердить»/ })).toHaveFocus();
  await user.keyboard('{F5}');
  await screen.findByText(/Заказ № 10234 сохранён/);
  await waitFor(() => expect(nextButton()).toHaveFocus());
  await user.keyboard('{Enter}');
  await screen.findByText('Заказ № 555');
  await waitFor(() => expect(callButton()).toHaveFocus());
});

test('an order that cannot be dialed puts focus on its phone field, which says why', async () => {
  const mem = new MemoryApi({ 'queue.next': () => viewOf(makeOrder({ customer: { name: 'Пётр', phone: '+70000000000', extraPhone: null, gender: null } })) });
  await openOrder(mem, undefined, { advanceTimers: jest.advanceTimersByTime });
  await waitFor(() => expect(screen.getByLabelText('Телефон')).toHaveFocus());
  expect(callButton()).toBeDisabled();
});

test('«Вернуть в очередь» hands focus to «Следующий заказ»', async () => {
  const { user } = await openOrder(new MemoryApi(), undefined, { advanceTimers: jest.advanceTimersByTime });
  await user.click(screen.getByRole('button', { name: 'Вернуть в очередь' }));
  await waitFor(() => expect(nextButton()).toHaveFocus());
});

describe('each result key puts focus on the first field it needs', () => {
  test('F9 Невалид → «Вид невалида»', async () => {
    const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(makeOrder({ calls: [makeCall(10234, true)] })) }), undefined, { advanceTimers: jest.advanceTimersByTime });
    await user.keyboard('{F9}');
    expect(screen.getByRole('group', { name: 'Вид невалида' })).toContainElement(document.activeElement as HTMLElement);
    expect(screen.getByLabelText('Неверный номер')).toHaveFocus();
  });

  test('F9 with a proposed variant → that variant', async () => {
    const order = makeOrder({ customer: { name: 'Хуй Моржовый', phone: '+79123456789', extraPhone: null, gender: null } });
    const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(order) }), undefined, { advanceTimers: jest.advanceTimersByTime });
    await user.keyboard('{F9}');
    expect(screen.getByLabelText('Спам')).toHaveFocus();
  });

  test('F7 Недозвон → «Проблема»', async () => {
    const order = makeOrder({ calls: [makeCall(10234, false)] });
    const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(order) }), undefined, { advanceTimers: jest.advanceTimersByTime });
    await user.keyboard('{F7}');
    expect(screen.getByLabelText('Проблема')).toHaveFocus();
  });

  test('F8 Отказ → «Проблема»', async () => {
    const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(completeOrder()) }), undefined, { advanceTimers: jest.advanceTimersByTime });
    await user.keyboard('{F8}');
    expect(screen.getByLabelText('Проблема')).toHaveFocus();
  });

  test('F6 В работе (problem filled) → the callback time', async () => {
    const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(completeOrder()) }), undefined, { advanceTimers: jest.advanceTimersByTime });
    await user.keyboard('{F6}');
    expect(screen.getByLabelText('Проблема')).toHaveDisplayValue('Нужно перезвонить');
    // the callback time field (its label belongs to the callback picker)
    expect(document.querySelector('[data-field="callbackAt"]')).toHaveFocus();
  });

  test('F5 Подтвердить → ФИО; each further F5 → the next missing field', async () => {
    const order = makeOrder({ calls: [makeCall(10234, true)] });
    const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(order) }), undefined, { advanceTimers: jest.advanceTimersByTime });
    await user.keyboard('{F5}');
    expect(screen.getByLabelText('ФИО')).toHaveFocus();
    // no patronymic: the gender stays for the operator to set
    await user.keyboard('{End} Петров');
    await user.keyboard('{F5}');
    expect(screen.getByLabelText('Женский')).toHaveFocus();
    await user.keyboard(' ');
    await user.keyboard('{F5}');
    expect(screen.getByRole('combobox', { name: 'Город' })).toHaveFocus();
  });

  test('F5 with no call yet and the form complete → «Позвонить»', async () => {
    const order = { ...completeOrder(), calls: [] };
    const { user } = await openOrder(new MemoryApi({ 'queue.next': () => viewOf(order) }), undefined, { advanceTimers: jest.advanceTimersByTime });
    await user.click(screen.getByLabelText('ФИО'));
    await user.keyboard('{F5}');
    expect(callButton()).toHaveFocus();
  });
});

test('Ctrl+D puts focus on the proposed delivery option', async () => {
  const order = makeOrder({ address: { postalCode: '101000', region: 'Москва', district: '', city: 'Москва', cityId: 'c1', street: 'Тверская', house: '1', building: '', korpus: '', apartment: '' } });
  const mem = new MemoryApi({ 'queue.next': () => viewOf(order, null) });
  const { user } = await openOrder(mem, undefined, { advanceTimers: jest.advanceTimersByTime });
  await user.click(screen.getByLabelText('Квартира'));
  await user.keyboard('{Control>}d{/Control}');
  await waitFor(() => expect(screen.getByRole('radio', { name: /Курьер/ })).toHaveFocus());
  expect(screen.getByRole('radio', { name: /Курьер/ })).toBeChecked();
});

test('Esc in the objection search returns focus to the field the operator was typing in', async () => {
  const { user } = await openOrder(new MemoryApi(), undefined, { advanceTimers: jest.advanceTimersByTime });
  const name = screen.getByLabelText('ФИО');
  await user.click(name);
  await user.keyboard('{End} Пет');
  await user.keyboard('{Control>}k{/Control}');
  const search = screen.getByRole('searchbox');
  expect(search).toHaveFocus();
  await user.keyboard('дорого');
  await user.keyboard('{Escape}');
  expect(search).toHaveValue('');
  expect(name).toHaveFocus();
  await user.keyboard('ров');
  expect(name).toHaveValue('Иван Петров');
});

test('the script text is a focusable region the keyboard can scroll', async () => {
  await openOrder(new MemoryApi(), undefined, { advanceTimers: jest.advanceTimersByTime });
  const region = screen.getByRole('region', { name: 'Текст скрипта' });
  expect(region).toHaveAttribute('tabindex', '0');
  region.focus();
  expect(region).toHaveFocus();
});

test('a desk restored with no open order starts on «Следующий заказ»', async () => {
  await renderDesk(new MemoryApi(), undefined, { advanceTimers: jest.advanceTimersByTime });
  await waitFor(() => expect(nextButton()).toHaveFocus());
});
