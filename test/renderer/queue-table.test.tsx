/** The queue list reads as a table: header row of column headers, data rows of cells, the due mark as text. */
import { screen, within } from '@testing-library/react';
import { renderDesk } from './support/render-desk';
import { MemoryApi } from './support/memory-api';

beforeAll(() => {
  // jsdom has no layout: give the virtualized list a viewport.
  for (const [prop, value] of [['offsetHeight', 600], ['offsetWidth', 800], ['clientHeight', 600], ['clientWidth', 800]] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
});

test('column headers, numbered rows with cells, and «Пора звонить» as cell text', async () => {
  const mem = new MemoryApi({
    'queue.list': (req) => ({ tab: req.tab, total: 2, cached: false, rows: [1, 2].map((n) => ({ id: 500 + n, tab: req.tab, due: n === 1, status: 'new' as const, createdAt: '2026-11-28T08:00:00.000Z', assigneeId: null, assigneeName: null, failedAttempts: 0, callbackAt: null, offerSku: 'KREM-X', offerName: 'Крем Х', customerName: `Клиент ${n}`, phoneMasked: '8 (912) ***-**-89' })) }),
  });
  await renderDesk(mem);
  await screen.findByText('Клиент 1');
  const table = screen.getByRole('table', { name: 'Новый' });
  expect(table).toHaveAttribute('aria-rowcount', '3');
  const [head, ...rowgroups] = within(table).getAllByRole('rowgroup');
  expect(within(head as HTMLElement).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(
    ['Срок', '№', 'Создан', 'Товар', 'Клиент', 'У клиента', 'Телефон', 'Недозв.', 'Перезвонить', 'Ответственный', 'Действие']);
  const rows = within(rowgroups[0] as HTMLElement).getAllByRole('row');
  expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(['2', '3']);
  const cells = within(rows[0] as HTMLElement).getAllByRole('cell');
  expect(cells).toHaveLength(11);
  expect(cells[0]).toHaveTextContent('Пора звонить');
  expect(cells[0]?.querySelector('[aria-label]')).toBeNull();
  expect(within(rows[1] as HTMLElement).getAllByRole('cell')[0]).toHaveTextContent('');
  expect(within(cells[10] as HTMLElement).getByRole('button', { name: 'Открыть заказ 501' })).toBeInTheDocument();
});
