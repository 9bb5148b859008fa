/** Reports: the table renders a fixture's rows, team totals and grand total; charts; export with progress. */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HourlyReport, OperatorReport, ReportFigures } from '../../shared/api/lead';
import { ApiProvider } from '../../renderer/app/api-context';
import '../../renderer/lead/lead-i18n';
import { ReportsView } from '../../renderer/lead/reports/ReportsView';
import { useBoardStore } from '../../renderer/lead/board-store';
import { useSessionStore } from '../../renderer/stores/session-store';
import { MemoryApi, SESSION, deferred } from './support/memory-api';

function figures(p: Partial<ReportFigures> & { confirmed: number; processed: number; calls: number }): ReportFigures {
  return {
    time: { loggedIn: 8 * 3600, ready: 3600, talking: 4 * 3600 + 5 * 60, break: 1800, wrapUp: 1200 },
    answered: Math.floor(p.calls / 2),
    byResult: { confirm: p.confirmed, callback: 1, noAnswer: p.processed - p.confirmed - 1, cancel: 0, invalid: 0 },
    approvalRate: p.processed ? p.confirmed / p.processed : null,
    averageOrderValueKop: p.confirmed ? 199_050 : null,
    upsellRate: p.confirmed ? 0.5 : null,
    revenueKop: p.confirmed * 199_050,
    plan: null,
    planConfirmedRatio: null,
    ...p,
  };
}

const REPORT: OperatorReport = {
  from: '2026-11-27', to: '2026-11-28', granularity: 'day', timeZone: 'Europe/Moscow',
  rows: [
    { ...figures({ calls: 20, confirmed: 3, processed: 7 }), period: '2026-11-27', userId: 1, login: 'anna', name: 'Анна', teamId: 1 },
    { ...figures({ calls: 10, confirmed: 1, processed: 4 }), period: '2026-11-27', userId: 2, login: 'boris', name: 'Борис', teamId: 1 },
    { ...figures({ calls: 12, confirmed: 2, processed: 5, plan: { targetConfirmed: 4, targetCalls: 30 }, planConfirmedRatio: 0.5 }), period: '2026-11-28', userId: 1, login: 'anna', name: 'Анна', teamId: 1 },
  ],
  totals: [
    { ...figures({ calls: 30, confirmed: 4, processed: 11 }), period: '2026-11-27' },
    { ...figures({ calls: 12, confirmed: 2, processed: 5 }), period: '2026-11-28' },
  ],
  grandTotal: figures({ calls: 42, confirmed: 6, processed: 16, revenueKop: 1_234_550 }),
};

const HOURLY: HourlyReport = {
  day: '2026-11-28', timeZone: 'Europe/Moscow',
  hours: [{ hour: 9, calls: 5, answered: 3, confirmed: 1 }, { hour: 14, calls: 7, answered: 4, confirmed: 1 }],
  trend: [
    { day: '2026-11-26', processed: 0, confirmed: 0, approvalRate: null },
    { day: '2026-11-27', processed: 11, confirmed: 4, approvalRate: 4 / 11 },
    { day: '2026-11-28', processed: 5, confirmed: 2, approvalRate: 0.4 },
  ],
};

function setup(extra: Record<string, unknown> = {}) {
  useBoardStore.getState().reset();
  useSessionStore.setState({ session: { ...SESSION, user: { id: 2, login: 'lead', name: 'Лидия', role: 'lead' } } });
  const mem = new MemoryApi({
    'reports.operators': () => REPORT,
    'reports.hourly': () => HOURLY,
  });
  Object.assign(mem.handlers, extra);
  const user = userEvent.setup();
  render(<ApiProvider api={mem.api}><ReportsView /></ApiProvider>);
  return { mem, user };
}

const cell = (row: HTMLElement, col: string) => row.querySelector(`[data-col="${col}"]`);

jest.setTimeout(20_000);

describe('lead reports', () => {
  test('renders operator rows, team totals per day and the grand total from the response', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Показатели операторов' });
    const bodyRows = within(table).getAllByRole('row').filter((r) => r.closest('tbody'));
    expect(bodyRows.map((r) => r.getAttribute('data-user') ?? (r.getAttribute('data-total') ? `total:${r.getAttribute('data-total')}` : `day:${r.textContent}`)))
      .toEqual(['day:27.11.2026', '1', '2', 'total:2026-11-27', 'day:28.11.2026', '1', 'total:2026-11-28']);
    expect(within(table).getByRole('columnheader', { name: '27.11.2026' })).toHaveAttribute('scope', 'colgroup');

    const day1Total = table.querySelector('[data-total="2026-11-27"]') as HTMLElement;
    expect(within(day1Total).getByRole('rowheader')).toHaveTextContent('Итого по команде');
    expect(cell(day1Total, 'calls')).toHaveTextContent('30');
    expect(cell(day1Total, 'approval')).toHaveTextContent('36,4 %');

    const grand = table.querySelector('[data-total="grand"]') as HTMLElement;
    expect(grand.closest('tfoot')).not.toBeNull();
    expect(grand).toHaveTextContent('27.11.2026 – 28.11.2026');
    expect(cell(grand, 'calls')).toHaveTextContent('42');
    expect(cell(grand, 'confirm')).toHaveTextContent('6');
    expect(cell(grand, 'approval')).toHaveTextContent('37,5 %');
    // Report statistics are whole roubles, half up (formatRubWhole).
    expect(cell(grand, 'revenue')).toHaveTextContent('12 346 ₽');
    expect(cell(grand, 'aov')).toHaveTextContent('1 991 ₽');
    expect(cell(grand, 'talking')).toHaveTextContent(/^4:05$/);
    expect(cell(grand, 'talking')).toHaveAttribute('title', '4:05:00');

    const annaDay2 = table.querySelector('[data-user="1"][data-period="2026-11-28"]') as HTMLElement;
    expect(cell(annaDay2, 'plan')).toHaveTextContent('2 / 4');
    expect(cell(annaDay2, 'planPct')).toHaveTextContent('50,0 %');
  });

  test('draws the hourly bars and the approval trend as SVG', async () => {
    setup();
    const bars = await screen.findByRole('img', { name: /Звонки и подтверждения по часам/ });
    expect(bars.querySelectorAll('g[data-hour]')).toHaveLength(24);
    expect(within(bars).getByText('14:00 — звонков: 7')).toBeInTheDocument();
    const trend = screen.getByRole('img', { name: /Апрув по дням/ });
    expect(trend.querySelectorAll('circle')).toHaveLength(2);
    expect(trend.querySelector('path.line')?.getAttribute('d')).toMatch(/^M[\d.,]+L[\d.,]+$/);
    // 26.11 processed nothing: a grey band and a break, never a point at 0 %
    expect([...trend.querySelectorAll('rect.nodata')].map((r) => r.getAttribute('data-day'))).toEqual(['2026-11-26']);
    expect(trend).toHaveAccessibleName(/дней без обработанных заказов: 1/);
    expect(screen.getByText(/дни без данных \(разрыв, не 0 %\)/)).toBeInTheDocument();
  });

  test('asks the server with the chosen filters and refuses an inverted range', async () => {
    const { mem, user } = setup();
    await screen.findByRole('table', { name: 'Показатели операторов' });
    const from = screen.getByLabelText('С');
    const to = screen.getByLabelText('По');
    await user.clear(from);
    await user.type(from, '01112026');
    expect(from).toHaveValue('01.11.2026');
    await user.clear(to);
    await user.type(to, '30.11.2026');
    await user.selectOptions(screen.getByLabelText('Товар'), 'KREM-X');
    await user.selectOptions(screen.getByLabelText('Разбивка'), 'month');
    await user.click(screen.getByRole('button', { name: 'Показать' }));
    expect(mem.requests('reports.operators')).toContainEqual({ from: '2026-11-01', to: '2026-11-30', offerSku: 'KREM-X', granularity: 'month' });
    expect(mem.requests('reports.hourly')).toContainEqual({ day: '2026-11-30', offerSku: 'KREM-X', trendDays: 30 });

    await user.clear(to);
    await user.type(to, '01102026');
    const before = mem.calls.length;
    await user.click(screen.getByRole('button', { name: 'Показать' }));
    expect(screen.getByRole('alert')).toHaveTextContent('раньше даты');
    expect(mem.calls).toHaveLength(before);
  });

  test('the plan % heading explains that totals count only operators with a plan', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Показатели операторов' });
    expect(within(table).getByRole('columnheader', { name: 'План, %' })).toHaveAttribute('title', expect.stringContaining('только по операторам, у которых задан план'));
  });

  test('exports CSV through the download channel with a progress indicator', async () => {
    const gate = deferred<{ fileName: string; contentType: string; base64: string }>();
    const seen: unknown[] = [];
    const { user } = setup({ 'server.download': (req: unknown) => { seen.push(req); return gate.promise; } });
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => { created.push(b); return 'blob:x'; });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await screen.findByRole('table', { name: 'Показатели операторов' });
    await user.click(screen.getByRole('button', { name: 'Выгрузить CSV' }));
    expect(screen.getByRole('progressbar', { name: /Готовим CSV/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Выгрузить XLSX' })).toBeDisabled();
    expect(seen[0]).toEqual({ report: 'operators', format: 'csv', query: { from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), to: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), granularity: 'day' } });
    await act(async () => gate.resolve({ fileName: 'operators.csv', contentType: 'text/csv', base64: Buffer.from('\uFEFFa;b\r\n1;2', 'utf8').toString('base64') }));
    expect(await screen.findByText(/Файл operators\.csv сохранён/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar', { name: /Готовим/ })).toBeNull();
    expect(created[0]?.size).toBe(11);
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  test('shows a clear error when the export fails', async () => {
    const { user } = setup();
    await screen.findByRole('table', { name: 'Показатели операторов' });
    await user.click(screen.getByRole('button', { name: 'Выгрузить XLSX' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Выгрузка не удалась');
  });
});
