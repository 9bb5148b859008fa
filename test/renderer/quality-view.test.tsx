/** Call quality on the lead's screens: the review list, scoring a call on the checklist (total shown live), the admin's checklist editor, the report's quality column. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider } from '../../renderer/app/api-context';
import '../../renderer/lead/lead-i18n';
import { QualityView } from '../../renderer/lead/quality/QualityView';
import { AdminView } from '../../renderer/lead/admin/AdminView';
import { ReportTable } from '../../renderer/lead/reports/ReportTable';
import { useSessionStore } from '../../renderer/stores/session-store';
import type { OperatorReport, ReportFigures } from '../../shared/api/lead';
import type { QualityCall, QualityItemSchema } from '../../shared/api/quality';
import { MemoryApi, SESSION } from './support/memory-api';

jest.setTimeout(60_000);

const ITEMS: QualityItemSchema[] = [
  { id: 1, text: 'Поздоровался', points: 1, position: 1, active: true },
  { id: 2, text: 'Предложил доп. товар', points: 3, position: 2, active: true },
];
const CALL: QualityCall = {
  callId: 'call-1', orderId: 501, userId: 7, operatorName: 'Анна Смирнова', startedAt: new Date().toISOString(), outcome: 'answered', talkSeconds: 95, score: null,
};

function setup() {
  useSessionStore.setState({ session: { ...SESSION, user: { id: 1, login: 'admin', name: 'Админ', role: 'admin' } } });
  let items = [...ITEMS];
  const mem = new MemoryApi({
    'quality.items': () => ({ items }),
    'quality.calls': () => ({ calls: [CALL] }),
    'quality.score': (req) => ({
      ...CALL,
      score: { points: 3, maxPoints: 4, ratio: 0.75, items: [], comment: req.comment ?? '', scoredBy: 'Админ', scoredAt: new Date().toISOString() },
    }),
    'admin.saveQualityItem': (req) => {
      const item = { id: 3, text: req.text, points: req.points, position: req.position, active: req.active };
      items = [...items, item];
      return item;
    },
    'admin.users': () => ({ users: [] }),
    'admin.teams': () => ({ teams: [] }),
  });
  return { mem, user: userEvent.setup() };
}

test('a lead scores an answered call: the total follows the ticks, the marks and the comment go to the server', async () => {
  const { mem, user } = setup();
  render(<ApiProvider api={mem.api}><QualityView /></ApiProvider>);
  const table = await screen.findByRole('table', { name: 'Звонки с разговором' });
  const row = within(table).getByText('Анна Смирнова').closest('tr') as HTMLElement;
  expect(within(row).getByText('0:01:35')).toBeInTheDocument();
  await user.click(within(row).getByRole('button', { name: 'Оценить звонок: Анна Смирнова, заказ 501' }));
  const dialog = screen.getByRole('dialog', { name: 'Оценка звонка: Анна Смирнова, заказ 501' });
  expect(within(dialog).getByTestId('score-total')).toHaveTextContent('Итого 0 из 4');
  await user.click(within(dialog).getByRole('checkbox', { name: /Предложил доп. товар/ }));
  expect(within(dialog).getByTestId('score-total')).toHaveTextContent('Итого 3 из 4 (75,0');
  await user.type(within(dialog).getByLabelText('Комментарий для оператора'), 'Не забыть про возражение «дорого»');
  await user.click(within(dialog).getByRole('button', { name: 'Сохранить оценку' }));
  expect(mem.requests('quality.score')).toEqual([{
    callId: 'call-1', answers: [{ itemId: 1, met: false }, { itemId: 2, met: true }], comment: 'Не забыть про возражение «дорого»',
  }]);
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(await within(table).findByText(/3 \/ 4 · 75,0/)).toBeInTheDocument();
  expect(within(row).getByRole('button', { name: 'Изменить оценку звонка: Анна Смирнова, заказ 501' })).toBeInTheDocument();
});

test('the admin adds a checklist point; bad points are caught before the server', async () => {
  const { mem, user } = setup();
  render(<ApiProvider api={mem.api}><AdminView /></ApiProvider>);
  await user.click(screen.getByRole('button', { name: 'Чек-лист качества' }));
  const table = await screen.findByRole('table', { name: 'Пункты чек-листа' });
  expect(within(table).getByText('Предложил доп. товар')).toBeInTheDocument();
  const form = screen.getByRole('form', { name: 'Новый пункт' });
  await user.type(within(form).getByLabelText('Пункт'), 'Назвал срок доставки');
  await user.clear(within(form).getByLabelText('Баллы'));
  await user.type(within(form).getByLabelText('Баллы'), '12');
  await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
  expect(mem.requests('admin.saveQualityItem')).toEqual([]);
  await user.clear(within(form).getByLabelText('Баллы'));
  await user.type(within(form).getByLabelText('Баллы'), '2');
  await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
  expect(mem.requests('admin.saveQualityItem')).toEqual([{ text: 'Назвал срок доставки', points: 2, position: 100, active: true }]);
  expect(await within(table).findByText('Назвал срок доставки')).toBeInTheDocument();
});

test('the report shows talk time always and the quality column only when calls were scored', () => {
  const figures = (over: Partial<ReportFigures>): ReportFigures => ({
    time: { loggedIn: 3600, ready: 0, talking: 0, break: 0, wrapUp: 0 }, calls: 2, answered: 1,
    byResult: { confirm: 0, callback: 0, noAnswer: 0, cancel: 0, invalid: 0 }, processed: 0, confirmed: 0, approvalRate: null,
    averageOrderValueKop: null, upsellRate: null, revenueKop: 0, plan: null, planConfirmedRatio: null, talkSeconds: 3725, ...over,
  });
  const report = (f: ReportFigures): OperatorReport => ({
    from: '2026-11-28', to: '2026-11-28', granularity: 'day', timeZone: 'Europe/Moscow',
    rows: [{ ...f, period: '2026-11-28', userId: 7, login: 'op', name: 'Анна', teamId: 1 }], totals: [], grandTotal: f,
  });
  const { unmount } = render(<ReportTable report={report(figures({ quality: { scored: 0, ratio: null } }))} />);
  expect(screen.getAllByText('1:02').length).toBeGreaterThan(0);
  expect(document.querySelector('[data-col="quality"]')).toBeNull();
  unmount();
  render(<ReportTable report={report(figures({ quality: { scored: 2, ratio: 0.625 } }))} />);
  const cells = document.querySelectorAll('[data-col="quality"]');
  expect(cells.length).toBe(2);
  expect(cells[0]).toHaveTextContent('62,5');
});
