/** The desk around the form: login errors, queues (read-only tab, claim), Next order notices, hotkeys, script panel. */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../renderer/i18n';
import { App } from '../../renderer/app/App';
import { MemoryApi, Refusal, SESSION, makeOrder, viewOf } from './support/memory-api';
import { openOrder, renderDesk, resetStores } from './support/render-desk';

beforeAll(() => {
  // jsdom has no layout: give the virtualized list a viewport.
  for (const [prop, value] of [['offsetHeight', 600], ['offsetWidth', 800], ['clientHeight', 600], ['clientWidth', 800]] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
});

describe('login', () => {
  const loginWith = async (mem: MemoryApi) => {
    resetStores();
    const user = userEvent.setup();
    render(<App api={mem.api} />);
    await user.type(await screen.findByLabelText('Логин'), 'operator1');
    await user.type(screen.getByLabelText('Пароль'), 'secret');
    await waitFor(() => expect(screen.getByLabelText('Адрес сервера')).toHaveValue('http://10.0.0.5:8080'));
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    return user;
  };

  test('remembers the server and tells a wrong password apart from an unreachable server', async () => {
    const base = { 'auth.session': () => null, 'settings.lastServer': () => 'http://10.0.0.5:8080' } as const;
    await loginWith(new MemoryApi({ ...base, 'auth.login': () => { throw new Refusal('invalid_credentials', 'bad'); } }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Неверный логин или пароль.');
    cleanup();
    await loginWith(new MemoryApi({ ...base, 'auth.login': () => { throw new Refusal('offline', 'ECONNREFUSED'); } }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Сервер недоступен.');
  });

  test('a successful login opens the operator desk and reports «Готов»', async () => {
    let session: unknown = null;
    const mem = new MemoryApi({ 'auth.session': () => session as null, 'settings.lastServer': () => 'http://10.0.0.5:8080' });
    mem.handlers['auth.login'] = (req) => { session = null; return { serverUrl: req.serverUrl, user: { id: 7, login: req.login, name: 'Анна Оператор', role: 'operator' }, sip: null, timeZone: 'Europe/Moscow', center: SESSION.center }; };
    await loginWith(mem);
    await screen.findByRole('button', { name: /Следующий заказ/ });
    expect(mem.requests('auth.login')[0]).toEqual({ serverUrl: 'http://10.0.0.5:8080', login: 'operator1', password: 'secret' });
    await waitFor(() => expect(mem.requests('agent.setState')[0]).toMatchObject({ state: 'ready' }));
  });
});

describe('queues', () => {
  test('tabs show live counts and due markers; rows open by claim', async () => {
    const mem = new MemoryApi();
    const { user } = await renderDesk(mem);
    const tab = await screen.findByRole('tab', { name: /Быстрый перезвон/ });
    await waitFor(() => expect(tab).toHaveTextContent('14'));
    expect(tab).toHaveAccessibleName(/Пора звонить: 3/);
    expect(within(tab).getByText('3', { selector: '[aria-hidden="true"]' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Открыть заказ 1001' }));
    await screen.findByText('Заказ № 1001');
    expect(mem.requests('order.claim')).toEqual([{ orderId: 1001 }]);
  });

  test('«Недозвон (раньше)» is visibly read-only: no open buttons', async () => {
    const { user } = await renderDesk(new MemoryApi());
    await screen.findByRole('button', { name: 'Открыть заказ 1000' });
    await user.click(screen.getByRole('tab', { name: /Недозвон \(раньше\)/ }));
    expect(await screen.findByText('Только просмотр')).toBeInTheDocument();
    expect(screen.getByText(/Эту вкладку не прозваниваем/)).toBeInTheDocument();
    await screen.findByText('Клиент 1');
    expect(screen.queryByRole('button', { name: /Открыть заказ/ })).toBeNull();
  });

  test('a 10k-row tab renders only the visible rows', async () => {
    const mem = new MemoryApi({
      'queue.list': (req) => ({ tab: req.tab, total: 10_000, cached: false, rows: Array.from({ length: req.limit }, (_, i) => ({ id: req.offset + i + 1, tab: req.tab, due: false, status: 'new' as const, createdAt: '2026-11-28T08:00:00.000Z', assigneeId: null, assigneeName: null, failedAttempts: 0, callbackAt: null, offerSku: 'KREM-X', offerName: 'Крем Х', customerName: `Клиент ${req.offset + i}`, phoneMasked: '8 (912) ***-**-89' })) }),
    });
    await renderDesk(mem);
    await screen.findByText('Клиент 0');
    expect(screen.getByText('10000 заказов')).toBeInTheDocument();
    expect(screen.getAllByRole('row').length).toBeLessThan(80);
    expect(mem.requests('queue.list')).toEqual([{ tab: 'new', offset: 0, limit: 200 }]);
  });

  test('Next order (F2) says clearly when nothing is due and when the server is away', async () => {
    const mem = new MemoryApi({ 'queue.next': () => null });
    const { user } = await renderDesk(mem);
    await user.keyboard('{F2}');
    expect(await screen.findByText('Сейчас звонить некому.')).toBeInTheDocument();
    mem.handlers['queue.next'] = () => { throw new Refusal('offline', 'no connection'); };
    await user.click(screen.getByRole('button', { name: /Следующий заказ/ }));
    expect(await screen.findByText('Нет связи с сервером.')).toBeInTheDocument();
  });

  test('F2 with an unsaved order open asks to finish it first', async () => {
    const mem = new MemoryApi();
    const { user } = await openOrder(mem);
    await user.keyboard('{F2}');
    expect(await screen.findByText('Сначала сохраните открытый заказ.')).toBeInTheDocument();
    expect(mem.requests('queue.next')).toHaveLength(1);
  });

  test('a held order (after a restart) reopens by itself', async () => {
    await renderDesk(new MemoryApi({ 'order.held': () => [viewOf(makeOrder({ id: 4242 }))] }));
    expect(await screen.findByText('Заказ № 4242')).toBeInTheDocument();
  });
});

describe('hotkeys and panels', () => {
  test('F1 shows the hotkey overlay; Esc closes it', async () => {
    const { user } = await renderDesk(new MemoryApi());
    await user.keyboard('{F1}');
    const dialog = screen.getByRole('dialog', { name: 'Горячие клавиши' });
    for (const key of ['F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'Ctrl+K']) expect(within(dialog).getByText(key)).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Следующий заказ');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('F3 dials the order\'s number through the softphone slot', async () => {
    const onCall = jest.fn();
    const { user } = await openOrder(new MemoryApi(), { connected: true, onCall, onHangup: jest.fn() });
    await user.keyboard('{F3}');
    expect(onCall).toHaveBeenCalledWith('+79123456789', 10234);
  });

  test('without a softphone the call bar says so', async () => {
    await openOrder(new MemoryApi());
    expect(screen.getByText('софтфон не подключён')).toBeInTheDocument();
  });

  test('the script fills variables from the live form; Ctrl+K searches objections; Alt+1 opens one', async () => {
    const { user } = await openOrder(new MemoryApi());
    const script = screen.getByRole('complementary', { name: 'Скрипт' });
    expect(within(script).getByText('Здравствуйте, Иван! Меня зовут Анна Оператор.')).toBeInTheDocument();
    expect(within(script).getByText('Итого к оплате 1 990 ₽.', { normalizer: (s) => s.replace(/\u00a0/g, ' ') })).toBeInTheDocument();
    await user.keyboard('{Control>}k{/Control}');
    expect(within(script).getByRole('searchbox')).toHaveFocus();
    await user.keyboard('подумаю');
    expect(within(script).queryByText('Дорого')).toBeNull();
    await user.keyboard('{Alt>}1{/Alt}');
    expect(within(script).getByText('Акция действует только сегодня.')).toBeInTheDocument();
  });

  test('the break menu reports the reason to the board', async () => {
    const mem = new MemoryApi();
    const { user } = await renderDesk(mem);
    await user.click(screen.getByRole('button', { name: /^Статус оператора: / }));
    await user.click(screen.getByRole('menuitem', { name: 'Обед' }));
    expect(screen.getByRole('button', { name: /^Статус оператора: / })).toHaveTextContent('Перерыв: Обед');
    await waitFor(() => expect(mem.requests('agent.setState').at(-1)).toMatchObject({ state: 'break', breakReason: 'lunch' }));
  });
});

describe('queue list errors', () => {
  test('a list that fails to load says so and retries on request', async () => {
    let fail = true;
    const mem = new MemoryApi();
    const ok = mem.handlers['queue.list'];
    mem.handlers['queue.list'] = (req) => { if (fail) throw new Refusal('offline', 'down'); return ok!(req); };
    const { user } = await renderDesk(mem);
    expect(await screen.findByText('Список не загрузился.')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByRole('button', { name: 'Открыть заказ 1000' })).toBeInTheDocument();
  });

  test('an order change from sync reloads the visible list', async () => {
    const mem = new MemoryApi();
    await renderDesk(mem);
    await screen.findByRole('button', { name: 'Открыть заказ 1000' });
    const before = mem.requests('queue.list').length;
    act(() => mem.emit('order.changed', { orderId: 1 }));
    await waitFor(() => expect(mem.requests('queue.list').length).toBeGreaterThan(before));
    expect(await screen.findByRole('button', { name: 'Открыть заказ 1000' })).toBeInTheDocument();
  });
});

describe('live notices', () => {
  test('a due callback reminder shows and opens its order; a lead message shows', async () => {
    const mem = new MemoryApi();
    const { user } = await renderDesk(mem);
    act(() => mem.emit('live.message', { type: 'reminder', orderId: 321, callbackAt: '2026-11-28T10:00:00.000Z', customerName: 'Петрова Анна' }));
    act(() => mem.emit('live.message', { type: 'message', from: 'Руководитель', text: 'Обед в 13:00', at: '2026-11-28T09:00:00.000Z' }));
    const log = screen.getByRole('log', { name: 'Уведомления' });
    expect(log).toHaveTextContent('Пора перезвонить: Петрова Анна (заказ № 321)');
    expect(log).toHaveTextContent('28.11.2026 13:00');
    expect(log).toHaveTextContent('Обед в 13:00');
    await user.click(within(log).getByRole('button', { name: 'Открыть' }));
    await screen.findByText('Заказ № 321');
    expect(mem.requests('order.claim')).toEqual([{ orderId: 321 }]);
  });
});
