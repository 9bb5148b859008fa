/** The report table scrolls inside its box: the box is a named region the keyboard can reach (Tab) and scroll. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OperatorReport, ReportFigures } from '../../shared/api/lead';
import '../../renderer/lead/lead-i18n';
import { ReportTable } from '../../renderer/lead/reports/ReportTable';

const FIGURES: ReportFigures = {
  time: { loggedIn: 3600, ready: 600, talking: 1200, break: 0, wrapUp: 300 }, calls: 5, answered: 3,
  byResult: { confirm: 1, callback: 1, noAnswer: 0, cancel: 0, invalid: 0 }, processed: 2, confirmed: 1,
  approvalRate: 0.5, averageOrderValueKop: 199_000, upsellRate: 0, revenueKop: 199_000, plan: null, planConfirmedRatio: null,
};

const REPORT: OperatorReport = {
  from: '2026-11-28', to: '2026-11-28', granularity: 'day', timeZone: 'Europe/Moscow',
  rows: [{ ...FIGURES, period: '2026-11-28', userId: 1, login: 'anna', name: 'Анна', teamId: 1 }],
  totals: [{ ...FIGURES, period: '2026-11-28' }],
  grandTotal: FIGURES,
};

test('Tab reaches the report box, a named region holding the table', async () => {
  render(<ReportTable report={REPORT} />);
  const region = screen.getByRole('region', { name: 'Показатели операторов' });
  expect(region).toContainElement(screen.getByRole('table', { name: 'Показатели операторов' }));
  const user = userEvent.setup();
  for (let i = 0; i < 5 && document.activeElement !== region; i++) await user.tab();
  expect(region).toHaveFocus();
});
