/** One parsed line of a plans upload. */
export type PlanCsvLine = { line: number; login: string; targetConfirmed: number; targetCalls: number };
export type PlanCsvError = { line: number; message: string };

const INT = /^\d{1,6}$/;

/**
 * Parses a plans CSV: `login;targetConfirmed;targetCalls` per line (`,` also accepted as the
 * separator; a BOM, blank lines and a header line whose numbers are not numbers are skipped).
 * Returns the rows and a clear error per bad line (1-based line numbers).
 */
export function parsePlansCsv(text: string): { rows: PlanCsvLine[]; errors: PlanCsvError[] } {
  const rows: PlanCsvLine[] = [];
  const errors: PlanCsvError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const seen = new Set<string>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const cells = raw.split(raw.includes(';') ? ';' : ',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (i === 0 && cells.length >= 3 && !INT.test(cells[1] ?? '') && /[A-Za-zА-Яа-я]/.test(cells[1] ?? '')) return;
    if (cells.length !== 3) { errors.push({ line, message: `строка ${line}: нужно 3 поля «логин;план подтверждений;план звонков», получено ${cells.length}` }); return; }
    const [login, conf, calls] = cells as [string, string, string];
    if (!login) { errors.push({ line, message: `строка ${line}: пустой логин` }); return; }
    if (!INT.test(conf)) { errors.push({ line, message: `строка ${line}: план подтверждений «${conf.slice(0, 20)}» — не целое число ≥ 0` }); return; }
    if (!INT.test(calls)) { errors.push({ line, message: `строка ${line}: план звонков «${calls.slice(0, 20)}» — не целое число ≥ 0` }); return; }
    if (seen.has(login.toLowerCase())) { errors.push({ line, message: `строка ${line}: логин ${login} уже был выше` }); return; }
    seen.add(login.toLowerCase());
    rows.push({ line, login, targetConfirmed: Number(conf), targetCalls: Number(calls) });
  });
  return { rows, errors };
}
