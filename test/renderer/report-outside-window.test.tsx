/**
 * The operators report's «Вне окна» column: calls made outside the customer's calling window,
 * counted by the server; the column appears only when the period has such calls.
 */
import { render, screen, within } from '@testing-library/react';
import '../../renderer/lead/lead-i18n';
import { ReportTable } from '../../renderer/lead/reports/ReportTable';
import type { OperatorReport, ReportFigures } from '../../shared/api/lead';

const figures = (outsideWindow: number): ReportFigures => ({
  time: { loggedIn: 3600, ready: 0, talking: 0, break: 0, wrapUp: 0 }, calls: 10, outsideWindow, answered: 5,
  byResult: { confirm: 4, callback: 0, noAnswer: 0, cancel: 1, invalid: 0 }, processed: 5, confirmed: 4, approvalRate: 0.8,
  averageOrderValueKop: 100_000, upsellRate: 0, revenueKop: 400_000, plan: null, planConfirmedRatio: null,
});

const reportWith = (outside: number): OperatorReport => ({
  from: '2026-11-28', to: '2026-11-28', granularity: 'day', timeZone: 'Europe/Moscow',
  rows: [{ ...figures(outside), period: '2026-11-28', userId: 5, login: 'anna', name: 'Анна', teamId: 1 }],
  totals: [{ ...figures(outside), period: '2026-11-28' }],
  grandTotal: figures(outside),
});

const headings = () => within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => (h.textContent ?? '').replace(/\u00ad/g, ''));

test('calls outside the window get their own column, next to the calls', () => {
  render(<ReportTable report={reportWith(3)} />);
  const heads = headings();
  expect(heads.slice(heads.indexOf('Звонков'), heads.indexOf('Звонков') + 2)).toEqual(['Звонков', 'Вне окна']);
  const column = within(screen.getByRole('table')).getByRole('columnheader', { name: 'Вне окна' });
  expect(column.title).toMatch(/вне окна звонков/);
  const anna = within(screen.getByRole('table')).getByRole('row', { name: /Анна/ });
  const cells = within(anna).getAllByRole('cell');
  expect(cells[heads.indexOf('Вне окна') - 1]).toHaveTextContent('3');
});

test('a period without such calls shows no «Вне окна» column', () => {
  render(<ReportTable report={reportWith(0)} />);
  expect(headings()).not.toContain('Вне окна');
});
