import ExcelJS from 'exceljs';
import type { OperatorReport } from '../../shared/api/lead';
import { formatDateTimeRu } from '../../shared/domain/comment';
import { parseDayKey } from '../../shared/domain/reports';
import { EXPORT_HEADERS, EXPORT_KINDS, exportLines, safeText } from './export-csv';

const NUM_FMT = {
  duration: '[h]:mm:ss',
  rate: '0.0%',
  money: '#,##0.00 "₽"',
  int: '0',
} as const;

/**
 * The operators report as an XLSX workbook: day periods are real dates (the Moscow / center
 * wall-clock date, format dd.mm.yyyy), durations as [h]:mm:ss, money with the ₽ format, rates
 * as percents; a header row with the generation time in the center's zone.
 */
export async function operatorReportXlsx(report: OperatorReport, now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Prozvon';
  wb.created = now;
  const ws = wb.addWorksheet('Операторы');
  ws.addRow([`Отчёт по операторам ${report.from} — ${report.to}`, `Сформирован ${formatDateTimeRu(now, report.timeZone)} (${report.timeZone})`]);
  const header = ws.addRow([...EXPORT_HEADERS]);
  header.font = { bold: true };
  for (const cells of exportLines(report)) {
    const row = ws.addRow(cells.map((v, i) => {
      const kind = EXPORT_KINDS[i] ?? 'text';
      if (v === null) return null;
      if (i === 0 && typeof v === 'string') {
        const d = parseDayKey(v);
        // A wall-clock date: exceljs stores the UTC fields, which are the local date.
        if (d) return new Date(Date.UTC(d.y, d.m - 1, d.d));
      }
      if (typeof v === 'string') return safeText(v);
      if (kind === 'duration') return v / 86_400;
      if (kind === 'money') return v / 100;
      return v;
    }));
    row.getCell(1).numFmt = 'dd.mm.yyyy';
    EXPORT_KINDS.forEach((kind, i) => {
      if (kind !== 'text') row.getCell(i + 1).numFmt = NUM_FMT[kind];
    });
  }
  ws.columns.forEach((c, i) => { c.width = i === 2 ? 28 : 14; });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
