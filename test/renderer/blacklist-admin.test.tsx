/** The admin's blacklist section (add, remove) and the held orders a lead sends to the queue or closes; the buyout report columns. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider } from '../../renderer/app/api-context';
import '../../renderer/lead/lead-i18n';
import { AdminView } from '../../renderer/lead/admin/AdminView';
import { BlacklistHeld } from '../../renderer/lead/admin/BlacklistHeld';
import { ReportTable } from '../../renderer/lead/reports/ReportTable';
import { useSessionStore } from '../../renderer/stores/session-store';
import type { OperatorReport, ReportFigures } from '../../shared/api/lead';
import type { Res } from '../../shared/ipc/contract';
import { MemoryApi, SESSION } from './support/memory-api';

jest.setTimeout(60_000);

const ENTRY: Res<'admin.addBlacklist'> = { id: 3, phone: '+79991112233', reason: 'Оскорбляет операторов', authorName: 'Админ', createdAt: '2026-11-28T09:00:00.000Z' };
const HELD: Res<'orders.held'>['orders'][number] = {
  id: 501, createdAt: '2026-11-28T10:00:00.000Z', phone: '+79991112233', customerName: 'Пётр', offerName: 'Бальзам', comment: 'Номер в чёрном списке: Оскорбляет операторов',
};

function setup() {
  useSessionStore.setState({ session: { ...SESSION, user: { id: 1, login: 'admin', name: 'Админ', role: 'admin' } } });
  let entries = [ENTRY];
  let held = [HELD];
  const mem = new MemoryApi({
    'admin.users': () => ({ users: [] }),
    'admin.teams': () => ({ teams: [] }),
    'admin.blacklist': () => ({ entries }),
    'admin.addBlacklist': (req) => {
      const e = { ...ENTRY, id: 4, phone: '+79990000001', reason: req.reason };
      entries = [e, ...entries];
      return e;
    },
    'admin.deleteBlacklist': (req) => { entries = entries.filter((e) => e.id !== req.id); return { ok: true }; },
    'orders.held': () => ({ orders: held }),
    'orders.decideHeld': (req) => { held = held.filter((o) => o.id !== req.id); return { ok: true }; },
  });
  return { mem, user: userEvent.setup() };
}

test('blacklist: the list, adding a phone with a reason, removing one', async () => {
  const { mem, user } = setup();
  render(<ApiProvider api={mem.api}><AdminView /></ApiProvider>);
  await user.click(screen.getByRole('button', { name: 'Чёрный список' }));
  const table = await screen.findByRole('table', { name: 'Номера в чёрном списке' });
  expect(await within(table).findByText('Оскорбляет операторов')).toBeInTheDocument();
  const form = screen.getByRole('form', { name: 'Добавить номер' });
  await user.type(within(form).getByLabelText('Телефон'), '8 999 000-00-01');
  await user.type(within(form).getByLabelText('Причина'), 'Спам-звонки');
  await user.click(within(form).getByRole('button', { name: 'Добавить' }));
  expect(mem.requests('admin.addBlacklist')).toEqual([{ phone: '8 999 000-00-01', reason: 'Спам-звонки' }]);
  expect(await within(table).findByText('Спам-звонки')).toBeInTheDocument();
  await user.click(within(table).getByRole('button', { name: 'Удалить: +79991112233' }));
  expect(mem.requests('admin.deleteBlacklist')).toEqual([{ id: 3 }]);
  expect(await screen.findByText('Удалено.')).toBeInTheDocument();
});

test('held orders: one sent back to the queue; nothing shown on the board when none are held', async () => {
  const { mem, user } = setup();
  const { unmount } = render(<ApiProvider api={mem.api}><BlacklistHeld /></ApiProvider>);
  const table = await screen.findByRole('table', { name: 'Задержанные заказы (чёрный список)' });
  expect(within(table).getByText(/Пётр · Бальзам/)).toBeInTheDocument();
  await user.click(within(table).getByRole('button', { name: 'Заказ 501: вернуть в очередь' }));
  expect(mem.requests('orders.decideHeld')).toEqual([{ id: 501, action: 'queue' }]);
  expect(await screen.findByText('Заказ 501 возвращён в очередь.')).toBeInTheDocument();
  unmount();
  const loads = mem.requests('orders.held').length;
  render(<ApiProvider api={mem.api}><BlacklistHeld /></ApiProvider>);
  await waitFor(() => expect(mem.requests('orders.held').length).toBe(loads + 1));
  await act(async () => { await Promise.resolve(); });
  expect(screen.queryByRole('region', { name: /Задержанные/ })).toBeNull();
  expect(screen.queryByText('Задержанных заказов нет.')).toBeNull();
});

test('the report shows shipped, returns, buyout and the money collected; an older server shows dashes', () => {
  const figures = (buyout?: ReportFigures['buyout']): ReportFigures => ({
    time: { loggedIn: 3600, ready: 0, talking: 0, break: 0, wrapUp: 0 }, calls: 10, answered: 5,
    byResult: { confirm: 4, callback: 0, noAnswer: 0, cancel: 1, invalid: 0 }, processed: 5, confirmed: 4, approvalRate: 0.8,
    averageOrderValueKop: 100_000, upsellRate: 0, revenueKop: 400_000, plan: null, planConfirmedRatio: null, ...(buyout ? { buyout } : {}),
  });
  const b = { shipped: 3, delivered: 1, returned: 1, lost: 0, buyoutRate: 1 / 3, collectedKop: 249_000 };
  const report: OperatorReport = {
    from: '2026-11-28', to: '2026-11-28', granularity: 'day', timeZone: 'Europe/Moscow',
    rows: [{ ...figures(b), period: '2026-11-28', userId: 5, login: 'anna', name: 'Анна', teamId: 1 }],
    totals: [{ ...figures(b), period: '2026-11-28' }],
    grandTotal: figures(),
  };
  render(<ReportTable report={report} />);
  const table = screen.getByRole('table');
  const heads = within(table).getAllByRole('columnheader').map((h) => (h.textContent ?? '').replace(/\u00ad/g, '')).join(' | ');
  for (const h of ['Отправлено', 'Возвраты', 'Выкуп', 'Получено']) expect(heads).toContain(h);
  const anna = within(table).getByRole('row', { name: /Анна/ });
  const cells = within(anna).getAllByRole('cell').map((c) => (c.textContent ?? '').replace(/\u00a0/g, ' '));
  expect(cells.slice(-4)).toEqual(['3', '1', '33,3 %', '2 490 ₽']);
  const foot = within(table).getAllByRole('row').at(-1) as HTMLElement;
  expect(within(foot).getAllByRole('cell').slice(-4).map((c) => c.textContent)).toEqual(['—', '—', '—', '—']);
});
