/** The order form: live totals with a gift line, address suggestions (stale answers dropped), delivery, drafts. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { SUGGEST_DEBOUNCE_MS } from '../../renderer/order/SuggestInput';
import type { AddressSuggestion } from '../../shared/api/http';
import type { Draft } from '../../shared/ipc/contract';
import { MemoryApi, OFFERS, city, deferred, makeOrder, viewOf, COURIER } from './support/memory-api';
import { openOrder } from './support/render-desk';

const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\u00a0/g, ' ');

test('totals update live when a gift and a discounted item are added', async () => {
  const { user } = await openOrder(new MemoryApi());
  expect(text('total-goods')).toBe('1 990 ₽');
  await user.click(screen.getByRole('button', { name: /Добавить второстепенный товар/ }));
  const add = screen.getByRole('group', { name: 'Второстепенный товар' });
  await user.selectOptions(within(add).getByLabelText('Скидка'), 'Подарок (100 %)');
  await user.click(within(add).getByRole('button', { name: 'Сохранить' }));
  expect(screen.getAllByText('Подарок (100 %)').length).toBeGreaterThan(0);
  expect(text('total-goods')).toBe('1 990 ₽');
  await user.click(screen.getByRole('button', { name: /Добавить второстепенный товар/ }));
  const add2 = screen.getByRole('group', { name: 'Второстепенный товар' });
  await user.selectOptions(within(add2).getByLabelText('Скидка'), '50 %');
  await user.click(within(add2).getByRole('button', { name: 'Сохранить' }));
  expect(text('total-goods')).toBe('2 985 ₽');
  expect(text('total-grand')).toBe('2 985 ₽');
});

test('the discount choices are limited to the promo terms', async () => {
  const { user } = await openOrder(new MemoryApi());
  await user.click(screen.getByRole('button', { name: /Добавить второстепенный товар/ }));
  const add = screen.getByRole('group', { name: 'Второстепенный товар' });
  const options = within(within(add).getByLabelText('Скидка')).getAllByRole('option').map((o) => o.textContent);
  expect(options).toEqual(['0 %', '50 %', 'Подарок (100 %)']);
});

test('delivery search offers only courier when courier exists and adds it to the total', async () => {
  const { user } = await openOrder(new MemoryApi());
  await user.click(screen.getByRole('button', { name: /Найти варианты доставки/ }));
  const group = await screen.findByRole('radiogroup', { name: 'Варианты доставки' });
  expect(within(group).getAllByRole('radio')).toHaveLength(1);
  expect(group).toHaveTextContent('Курьер');
  expect(group).not.toHaveTextContent('Почта России');
  await waitFor(() => expect(text('total-delivery')).toBe('350 ₽'));
  expect(text('total-grand')).toBe('2 340 ₽');
  expect(screen.getByText(/обязательно забрать и оплатить/)).toHaveTextContent('итого к оплате при получении — 2 340 ₽');
});

test('city suggestions: stale answers are dropped and the pick fills postal code, region, district', async () => {
  const answers: { q: string; d: ReturnType<typeof deferred<AddressSuggestion[]>> }[] = [];
  const mem = new MemoryApi({
    'address.suggest': (req) => { const d = deferred<AddressSuggestion[]>(); answers.push({ q: req.q ?? '', d }); return d.promise; },
  });
  const { user } = await openOrder(mem);
  const input = screen.getByRole('combobox', { name: 'Город' });
  await user.type(input, 'Мо');
  await waitFor(() => expect(answers).toHaveLength(1), { timeout: 2000 });
  await user.type(input, 'ск');
  await waitFor(() => expect(answers.at(-1)?.q).toBe('Моск'), { timeout: 2000 });
  expect(answers[0]?.q).toBe('Мо');
  answers.at(-1)?.d.resolve([city('msk', 'Москва', '101000')]);
  await screen.findByRole('option', { name: 'г. Москва' });
  answers.slice(0, -1).forEach((a) => a.d.resolve([city('mzh', 'Можайск', '143200')]));
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.queryByRole('option', { name: 'г. Можайск' })).toBeNull();
  expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(1);
  await user.keyboard('{Enter}');
  expect(input).toHaveValue('Москва');
  expect(screen.getByLabelText('Индекс')).toHaveValue('101000');
  expect(screen.getByLabelText('Регион')).toHaveValue('Москва обл.');
  expect(screen.getByLabelText('Район')).toHaveValue('Москваский р-н');
});

test('suggestions are asked once after typing pauses (debounced)', async () => {
  jest.useFakeTimers({ advanceTimers: true });
  try {
    const mem = new MemoryApi({ 'address.suggest': () => [city('msk', 'Москва', '101000')] });
    const { user } = await openOrder(mem, undefined, { delay: null });
    jest.useFakeTimers();
    await user.type(screen.getByRole('combobox', { name: 'Город' }), 'Москва');
    expect(mem.requests('address.suggest')).toEqual([]);
    await act(async () => { jest.advanceTimersByTime(SUGGEST_DEBOUNCE_MS); });
    expect(mem.requests('address.suggest')).toEqual([{ q: 'Москва', level: 'city' }]);
  } finally {
    jest.useRealTimers();
  }
});

test('street suggestions are asked within the picked city', async () => {
  const mem = new MemoryApi({
    'address.suggest': (req) => (req.level === 'city' ? [city('msk', 'Москва', '101000')] : [{ ...city('st1', 'Тверская', '125009'), label: 'ул. Тверская', value: 'Тверская' }]),
  });
  const { user } = await openOrder(mem);
  await user.type(screen.getByRole('combobox', { name: 'Город' }), 'Мос');
  await user.click(await screen.findByRole('option', { name: 'г. Москва' }));
  await user.type(screen.getByRole('combobox', { name: 'Улица' }), 'Тве');
  await user.click(await screen.findByRole('option', { name: 'ул. Тверская' }));
  expect(screen.getByRole('combobox', { name: 'Улица' })).toHaveValue('Тверская');
  expect(mem.requests('address.suggest').at(-1)).toEqual({ q: 'Тве', level: 'street', parent: 'msk' });
});

test('typing autosaves the draft', async () => {
  const mem = new MemoryApi();
  const { user } = await openOrder(mem);
  await user.clear(screen.getByLabelText('ФИО'));
  await user.type(screen.getByLabelText('ФИО'), 'Петров Пётр');
  await waitFor(() => expect(mem.requests('draft.save').at(-1)?.customer.name).toBe('Петров Пётр'));
  expect(mem.requests('draft.save').length).toBeLessThan(5);
  await screen.findByText(/черновик сохранён/);
});

test('a saved draft comes back when the order opens', async () => {
  const order = makeOrder();
  const draft: Draft = {
    orderId: order.id, customer: { ...order.customer, name: 'Сидорова Анна', gender: 'female' }, address: order.address,
    lines: order.lines, delivery: COURIER, deliveryOptions: [COURIER], comment: 'ждёт зарплату', result: null, variant: null, problem: null, callbackAt: null,
    updatedAt: '2026-11-28T08:30:00.000Z',
  };
  await openOrder(new MemoryApi({ 'queue.next': () => viewOf(order, draft) }));
  expect(screen.getByLabelText('ФИО')).toHaveValue('Сидорова Анна');
  expect(screen.getByLabelText('Женский')).toBeChecked();
  expect(screen.getByRole('radio', { name: /Курьер/ })).toBeChecked();
  expect(text('total-grand')).toBe('2 340 ₽');
});

test('customer\'s other orders tab tells our customer', async () => {
  const mem = new MemoryApi({
    'customer.history': (req) => ({ phone: req.phone, orders: [{ id: 77, createdAt: '2026-10-01T10:00:00.000Z', status: 'confirmed', offerName: 'Бальзам', customerName: 'Иван', totalKop: 99_000, problem: null, comment: '', lastCallAt: null }] }),
  });
  const { user } = await openOrder(mem);
  await user.click(screen.getByRole('tab', { name: /Заказы клиента/ }));
  expect(await screen.findByText(/Наш клиент: 1 другой заказ/)).toBeInTheDocument();
  expect(screen.getByText('01.10.2026 13:00')).toBeInTheDocument();
});

test('no entrance, intercom, floor or metro fields', async () => {
  await openOrder(new MemoryApi());
  for (const label of [/Подъезд/, /домофон/i, /Этаж/, /Метро/]) expect(screen.queryByLabelText(label)).toBeNull();
});

test('a complete address looks delivery up by itself and pre-chooses the proposed courier', async () => {
  const order = makeOrder({ address: { postalCode: '101000', region: 'Москва', district: '', city: 'Москва', cityId: 'c1', street: 'Тверская', house: '1', building: '', korpus: '', apartment: '' } });
  const mem = new MemoryApi({ 'queue.next': () => viewOf(order) });
  await openOrder(mem);
  expect(await screen.findByRole('radio', { name: /Курьер/ })).toBeChecked();
  expect(mem.requests('delivery.options')).toHaveLength(1);
});

test('a catalogue price change reaches the open form: the operator sees it and reprices in one action', async () => {
  let offers = OFFERS;
  const mem = new MemoryApi({ 'offers.list': () => offers });
  const { user } = await openOrder(mem);
  expect(text('total-goods')).toBe('1 990 ₽');
  expect(screen.queryByRole('button', { name: 'Обновить цены по каталогу' })).toBeNull();
  offers = OFFERS.map((o) => (o.sku === 'KREM-X' ? { ...o, priceKop: 249_000 } : o));
  act(() => mem.emit('catalogue.changed', null));
  const reprice = await screen.findByRole('button', { name: 'Обновить цены по каталогу' });
  expect(screen.getByText(/Цены в заказе отличаются от каталога/)).toBeInTheDocument();
  expect(text('total-goods')).toBe('1 990 ₽');
  await user.click(reprice);
  expect(text('total-goods')).toBe('2 490 ₽');
  expect(screen.queryByRole('button', { name: 'Обновить цены по каталогу' })).toBeNull();
});
