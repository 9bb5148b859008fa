/** The lead's live board: snapshot, live `agent` events on the right row, re-sorting, alerts, actions. */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BoardAgent } from '../../shared/api/live';
import type { BoardResponse } from '../../shared/api/lead';
import { ApiProvider } from '../../renderer/app/api-context';
import { LeadHome } from '../../renderer/lead/LeadHome';
import { useBoardStore } from '../../renderer/lead/board-store';
import { tickerListenerCount, tickerRunning } from '../../renderer/lead/ticker';
import { useSessionStore } from '../../renderer/stores/session-store';
import i18n from '../../renderer/i18n';
import { MemoryApi, Refusal, SESSION } from './support/memory-api';

const MIN = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

function agent(userId: number, name: string, patch: Partial<BoardAgent> = {}): BoardAgent {
  return {
    userId, login: `op${userId}`, name, state: 'ready', breakReason: null, since: ago(MIN), orderId: null, offerName: null,
    callId: null, callStartedAt: null, quality: null, sipRegistered: true,
    counters: { calls: 10, answered: 6, confirmed: 3, processed: 7, noAnswerStreak: 0 },
    ...patch,
  };
}

function board(): BoardResponse {
  return {
    agents: [
      agent(1, 'Анна', { state: 'ready' }),
      agent(2, 'Борис', {
        state: 'talking', orderId: 501, offerName: 'Крем Х', callId: 'c1', callStartedAt: ago(2 * MIN),
        quality: { rttMs: 80, jitterMs: 5, lossPct: 0 },
      }),
      agent(3, 'Вера', { state: 'break', breakReason: 'lunch', since: ago(20 * MIN) }),
      agent(4, 'Глеб', { state: 'offline', orderId: 777, offerName: 'Бальзам', counters: { calls: 12, answered: 2, confirmed: 0, processed: 6, noAnswerStreak: 6 } }),
    ],
    queue: { new: 128, quickRecall: 14, inWork: 6, noAnswerToday: 31, noAnswerYesterday: 12, noAnswer2Days: 4, noAnswerOlder: 90 },
    alerts: [],
    thresholds: { longCallMin: 10, longBreakMin: 15, noAnswerStreak: 5 },
    serverTime: new Date().toISOString(),
  };
}

function setup(role: 'lead' | 'admin' = 'lead') {
  useBoardStore.getState().reset();
  useSessionStore.setState({ session: { ...SESSION, user: { id: 2, login: 'lead', name: 'Лидия Руководитель', role } } });
  const mem = new MemoryApi({
    'lead.board': () => board(),
    'lead.message': () => ({ id: 1, at: new Date().toISOString() }),
    'lead.forceRelease': (req) => ({ ok: true, orderId: req.orderId, previousHolderId: 4 }),
    'lead.userOffers': (req) => {
      if (req.userId === 3) return { userId: 3, offerSkus: ['KREM-X', 'OLD-1'] };
      throw new Refusal('forbidden', 'Пользователь другой команды недоступен');
    },
    'lead.setUserOffers': (req) => ({ userId: req.userId, offerSkus: req.offerSkus }),
  });
  const user = userEvent.setup();
  const utils = render(<ApiProvider api={mem.api}><LeadHome /></ApiProvider>);
  return { mem, user, ...utils };
}

const rowNames = () => within(screen.getByRole('table', { name: 'Операторы команды' })).getAllByRole('rowheader').map((c) => c.textContent);
const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;
const alertKinds = () => [...document.querySelectorAll('.lead-alert')].map((li) => `${li.getAttribute('data-user')}:${li.getAttribute('data-kind')}`).sort();
const boardGets = (mem: MemoryApi) => mem.requests('lead.board').length;

describe('lead board', () => {
  test('shows the snapshot: rows sorted by state, state text, queue sizes, counters, alerts', async () => {
    const { mem } = setup();
    await screen.findByRole('rowheader', { name: 'Анна' });
    expect(rowNames()).toEqual(['Борис', 'Анна', 'Вера', 'Глеб']);
    expect(within(rowOf('Борис')).getByText('Разговор')).toBeInTheDocument();
    expect(within(rowOf('Вера')).getByText(/Перерыв · обед/)).toBeInTheDocument();
    expect(within(rowOf('Борис')).getAllByRole('cell')[2]).toHaveTextContent('#501 · Крем Х');
    expect(within(rowOf('Борис')).getAllByRole('cell')[3]).toHaveTextContent(/^(1:59|2:0\d)$/);
    expect(within(rowOf('Анна')).getAllByRole('cell')[8]).toHaveTextContent('42,9 %');
    const queues = screen.getByRole('list', { name: 'Очереди по вкладкам' });
    expect(within(queues).getByText('Новый').nextSibling).toHaveTextContent('128');
    expect(alertKinds()).toEqual(['3:longBreak', '4:noAnswerStreak']);
    expect(boardGets(mem)).toBe(1);
  });

  test('applies agent events to the right row, re-sorts and keeps the other alerts; no polling', async () => {
    const { mem } = setup();
    await screen.findByRole('rowheader', { name: 'Анна' });
    act(() => mem.emit('live.message', { type: 'agent', agent: agent(1, 'Анна', { state: 'talking', since: ago(0), orderId: 900, offerName: 'Бальзам', callId: 'c2', callStartedAt: ago(0) }) }));
    expect(within(rowOf('Анна')).getByText('Разговор')).toBeInTheDocument();
    expect(within(rowOf('Анна')).getByText(/#900/)).toBeInTheDocument();
    expect(within(rowOf('Борис')).getByText('Разговор')).toBeInTheDocument();
    expect(rowNames()).toEqual(['Анна', 'Борис', 'Вера', 'Глеб']);
    expect(alertKinds()).toEqual(['3:longBreak', '4:noAnswerStreak']);

    act(() => mem.emit('live.message', { type: 'agent', agent: agent(3, 'Вера', { state: 'ready', since: ago(0) }) }));
    expect(within(rowOf('Вера')).getByText('Готов')).toBeInTheDocument();
    expect(rowNames()).toEqual(['Анна', 'Борис', 'Вера', 'Глеб']);
    expect(alertKinds()).toEqual(['4:noAnswerStreak']);

    act(() => mem.emit('live.message', { type: 'agent', agent: agent(2, 'Борис', { state: 'ready', sipRegistered: false, since: ago(0) }) }));
    expect(alertKinds()).toEqual(['2:sipUnregistered', '4:noAnswerStreak']);

    act(() => mem.emit('live.message', { type: 'agent', agent: agent(5, 'Дина', { state: 'wrapUp' }) }));
    expect(rowNames()).toEqual(['Анна', 'Дина', 'Борис', 'Вера', 'Глеб']);
    expect(boardGets(mem)).toBe(1);
  });

  test('refetches the board when the live channel reconnects (welcome)', async () => {
    const { mem } = setup();
    await screen.findByRole('rowheader', { name: 'Анна' });
    act(() => mem.emit('live.message', { type: 'agent', agent: agent(1, 'Анна', { state: 'break', breakReason: 'other' }) }));
    expect(within(rowOf('Анна')).getByText(/Перерыв/)).toBeInTheDocument();
    act(() => mem.emit('live.message', { type: 'welcome', userId: 2, serverTime: new Date().toISOString() }));
    await screen.findByText('Готов', { selector: '[data-user="1"] *' });
    expect(boardGets(mem)).toBe(2);
  });

  test('all live cells share one ticker', async () => {
    const spy = jest.spyOn(globalThis, 'setInterval');
    setup();
    await screen.findByRole('rowheader', { name: 'Анна' });
    expect(tickerRunning()).toBe(true);
    expect(tickerListenerCount()).toBeGreaterThan(4);
    expect(spy.mock.calls.filter((c) => c[1] === 1000)).toHaveLength(1);
    spy.mockRestore();
  });

  test('sends a message to an operator and force-releases the order of an offline one', async () => {
    const { mem, user } = setup();
    await screen.findByRole('rowheader', { name: 'Анна' });
    expect(within(rowOf('Анна')).queryByRole('button', { name: /Освободить/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Написать: Вера' }));
    const dialog = screen.getByRole('dialog', { name: 'Сообщение оператору Вера' });
    await user.click(within(dialog).getByRole('button', { name: 'Отправить' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Введите текст');
    await user.type(within(dialog).getByLabelText('Текст сообщения'), 'Вера, пора вернуться');
    await user.click(within(dialog).getByRole('button', { name: 'Отправить' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(mem.requests('lead.message')).toEqual([{ toUserId: 3, text: 'Вера, пора вернуться' }]);

    await user.click(screen.getByRole('button', { name: 'Освободить заказ #777 оператора Глеб' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Освободить' }));
    expect(mem.requests('lead.forceRelease')).toEqual([{ orderId: 777 }]);
  });

  test('speaks English when the language is switched', async () => {
    setup();
    await screen.findByRole('rowheader', { name: 'Анна' });
    await act(async () => { await i18n.changeLanguage('en'); });
    expect(screen.getByRole('table', { name: 'Team operators' })).toBeInTheDocument();
    expect(within(rowOf('Борис')).getByText('Talking')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Reports' })).toBeInTheDocument();
    await act(async () => { await i18n.changeLanguage('ru'); });
  });

  test.each(['lead', 'admin'] as const)('%s edits an operator\'s offers starting from the current list', async (role) => {
    const { mem, user } = setup(role);
    await screen.findByRole('rowheader', { name: 'Анна' });
    await user.click(screen.getByRole('button', { name: 'Товары оператора Вера' }));
    const dialog = screen.getByRole('dialog', { name: 'Товары оператора Вера' });
    const krem = await within(dialog).findByRole('checkbox', { name: /Крем Х/ });
    expect(krem).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: /Бальзам/ })).not.toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: /OLD-1/ })).toBeChecked();
    expect(mem.requests('lead.userOffers')).toEqual([{ userId: 3 }]);
    expect(mem.requests('admin.users')).toEqual([]);
    await user.click(within(dialog).getByRole('checkbox', { name: /Бальзам/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /OLD-1/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(mem.requests('lead.setUserOffers')).toEqual([{ userId: 3, offerSkus: ['BALM', 'KREM-X'] }]);
  });

  test('when the current offers cannot be read, the dialog says why and cannot overwrite the list blindly', async () => {
    const { mem, user } = setup('lead');
    await screen.findByRole('rowheader', { name: 'Глеб' });
    await user.click(screen.getByRole('button', { name: 'Товары оператора Глеб' }));
    const dialog = screen.getByRole('dialog', { name: 'Товары оператора Глеб' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Пользователь другой команды недоступен');
    expect(within(dialog).getByRole('button', { name: 'Сохранить' })).toBeDisabled();
    expect(mem.requests('lead.setUserOffers')).toEqual([]);
  });
});
