import type { OperatorReport, ReportFigures } from '../../shared/api/lead';
import { formatDuration } from '../../shared/domain/reports';

/** Column headers of the operators export (CSV and XLSX share them). */
export const EXPORT_HEADERS = [
  'Период', 'Логин', 'Оператор', 'В системе', 'Готов', 'Разговор', 'Перерыв', 'Постобработка',
  'Звонки', 'Отвеченные', 'Подтверждено', 'В работе', 'Недозвон', 'Отказ', 'Невалид',
  'Обработано заказов', 'Апрув, %', 'Средний чек, ₽', 'Допродажи, %', 'Выручка, ₽', 'План подтверждений', 'План звонков', 'Выполнение плана, %',
  'Отправлено', 'Выкуплено', 'Возвраты', 'Утеряно', 'Выкуп, %', 'Получено, ₽', 'Звонки вне окна клиента',
  'Время разговора', 'Оценено звонков', 'Качество, %',
] as const;

/** Cells of one report line in export order; numbers stay numbers (durations in seconds, money in kopecks, rates 0…1). */
export function exportCells(period: string, login: string, name: string, f: ReportFigures): Array<string | number | null> {
  return [
    period, login, name, f.time.loggedIn, f.time.ready, f.time.talking, f.time.break, f.time.wrapUp,
    f.calls, f.answered, f.byResult.confirm, f.byResult.callback, f.byResult.noAnswer, f.byResult.cancel, f.byResult.invalid,
    f.processed, f.approvalRate, f.averageOrderValueKop, f.upsellRate, f.revenueKop,
    f.plan?.targetConfirmed ?? null, f.plan?.targetCalls ?? null, f.planConfirmedRatio,
    f.buyout?.shipped ?? null, f.buyout?.delivered ?? null, f.buyout?.returned ?? null, f.buyout?.lost ?? null,
    f.buyout?.buyoutRate ?? null, f.buyout?.collectedKop ?? null, f.outsideWindow ?? 0,
    f.talkSeconds ?? 0, f.quality?.scored ?? 0, f.quality?.ratio ?? null,
  ];
}

/** Kinds of the export columns (how to render a number). */
export const EXPORT_KINDS: Array<'text' | 'int' | 'duration' | 'rate' | 'money'> = [
  'text', 'text', 'text', 'duration', 'duration', 'duration', 'duration', 'duration',
  'int', 'int', 'int', 'int', 'int', 'int', 'int', 'int', 'rate', 'money', 'rate', 'money', 'int', 'int', 'rate',
  'int', 'int', 'int', 'int', 'rate', 'money', 'int',
  'duration', 'int', 'rate',
];

/** Lines of the export: every operator row, then the team totals per period and overall. */
export function exportLines(report: OperatorReport): Array<Array<string | number | null>> {
  return [
    ...report.rows.map((r) => exportCells(r.period, r.login, r.name, r)),
    ...report.totals.map((t) => exportCells(t.period, '', 'Итого по команде', t)),
    exportCells(`${report.from} — ${report.to}`, '', 'Итого за период', report.grandTotal),
  ];
}

/** A text cell safe against formula injection: a leading = + - @ tab or CR gets a `'` prefix. */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** A CSV field quoted when it holds `"`, `;` or a line break. */
export function csvQuote(s: string): string {
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function decimal(n: number, digits: number): string {
  return n.toFixed(digits).replace('.', ',');
}

/** One cell rendered for a Russian spreadsheet: decimal comma, durations H:MM:SS, percents, roubles. */
function renderCell(v: string | number | null, kind: (typeof EXPORT_KINDS)[number]): string {
  if (v === null) return '';
  if (typeof v === 'string') return csvQuote(safeText(v));
  switch (kind) {
    case 'duration': return formatDuration(v);
    case 'rate': return decimal(v * 100, 1);
    case 'money': return decimal(v / 100, 2);
    default: return String(v);
  }
}

/** The operators report as CSV: UTF-8 with BOM, `;` separators, CRLF lines, decimal comma, injection-safe. */
export function operatorReportCsv(report: OperatorReport): string {
  const head = EXPORT_HEADERS.map((h) => csvQuote(safeText(h))).join(';');
  const body = exportLines(report).map((cells) => cells.map((c, i) => renderCell(c, EXPORT_KINDS[i] ?? 'text')).join(';'));
  return `\uFEFF${[head, ...body].join('\r\n')}\r\n`;
}
