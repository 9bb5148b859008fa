/** The report table folds away operator rows without any activity, says how many, and shows them on request. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OperatorReport, ReportFigures } from '../../shared/api/lead';
import '../../renderer/lead/lead-i18n';
import { ReportTable } from '../../renderer/lead/reports/ReportTable';

const ZERO: ReportFigures = {
  time: { loggedIn: 0, ready: 0, talking: 0, break: 0, wrapUp: 0 }, calls: 0, answered: 0,
  byResult: { confirm: 0, callback: 0, noAnswer: 0, cancel: 0, invalid: 0 }, processed: 0, confirmed: 0,
  approvalRate: null, averageOrderValueKop: null, upsellRate: null, revenueKop: 0, plan: null, planConfirmedRatio: null,
};

const row = (userId: number, name: string, f: Partial<ReportFigures>) => ({ ...ZERO, ...f, period: '2026-11-28', userId, login: `u${userId}`, name, teamId: 1 });

const REPORT: OperatorReport = {
  from: '2026-11-28', to: '2026-11-28', granularity: 'day', timeZone: 'Europe/Moscow',
  rows: [
    row(1, 'Анна', { calls: 5, processed: 2, confirmed: 1 }),
    row(2, 'Борис', {}),
    row(3, 'Вера', { time: { ...ZERO.time, loggedIn: 60 } }),
    row(4, 'Глеб', {}),
    row(5, 'Дина', { plan: { targetConfirmed: 3, targetCalls: 20 } }),
  ],
  totals: [{ ...ZERO, period: '2026-11-28' }],
  grandTotal: ZERO,
};

const names = () => within(screen.getByRole('table', { name: 'Показатели операторов' })).getAllByRole('rowheader').map((c) => c.firstChild?.textContent);

test('idle operators are hidden until asked for; logged-in time, calls or a plan count as activity', async () => {
  render(<ReportTable report={REPORT} />);
  expect(names()).toEqual(['Анна', 'Вера', 'Дина', 'Итого за период']);
  const toggle = screen.getByRole('checkbox', { name: 'Показать операторов без активности (2 строки)' });
  await userEvent.setup().click(toggle);
  expect(names()).toEqual(['Анна', 'Борис', 'Вера', 'Глеб', 'Дина', 'Итого за период']);
});

test('a period where nobody worked says so in words instead of an empty table', () => {
  render(<ReportTable report={{ ...REPORT, rows: [row(2, 'Борис', {})] }} />);
  expect(screen.getByText(/За период никто не работал/)).toBeInTheDocument();
});

test('no toggle when every row has activity', () => {
  render(<ReportTable report={{ ...REPORT, rows: [row(1, 'Анна', { calls: 1 })] }} />);
  expect(screen.queryByRole('checkbox')).toBeNull();
});
