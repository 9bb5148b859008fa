/** CSV / XLSX export of the operators report with a progress indicator while the file is built. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { errorText } from '../lead-api';
import { useNow } from '../ticker';
import { fetchExport, saveFile } from './export-file';
import type { ReportQuery } from './ReportsView';

type Phase = { kind: 'idle' } | { kind: 'busy'; format: 'csv' | 'xlsx'; startedAt: number } | { kind: 'done'; fileName: string; size: number } | { kind: 'error'; message: string };

function Elapsed({ since }: { since: number }) {
  const now = useNow();
  return <span className="num">{Math.max(0, Math.floor((now - since) / 1000))}</span>;
}

/** Export buttons for the report `query` (`report`: the operators report or the buffer of confirmed orders); disabled without a valid query. */
export function ExportButtons({ query, report = 'operators' }: { query: ReportQuery | null; report?: 'operators' | 'buffer' }) {
  const { t } = useTranslation();
  const api = useApi();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const run = async (format: 'csv' | 'xlsx') => {
    if (!query) return;
    setPhase({ kind: 'busy', format, startedAt: Date.now() });
    try {
      const file = await fetchExport(api, format, query, report);
      saveFile(file);
      setPhase({ kind: 'done', fileName: file.fileName, size: file.bytes.length });
    } catch (e) {
      setPhase({ kind: 'error', message: errorText(e) });
    }
  };
  const busy = phase.kind === 'busy';
  return (
    <div className="lead-buttons" aria-busy={busy}>
      <button type="button" className="btn" disabled={busy || !query} onClick={() => void run('csv')}>{t(report === 'buffer' ? 'lead.reports.bufferCsv' : 'lead.reports.exportCsv')}</button>
      <button type="button" className="btn" disabled={busy || !query} onClick={() => void run('xlsx')}>{t(report === 'buffer' ? 'lead.reports.bufferXlsx' : 'lead.reports.exportXlsx')}</button>
      {phase.kind === 'busy' ? (
        <span className="lead-progress" role="status">
          <progress aria-label={t('lead.reports.exporting', { format: phase.format.toUpperCase() })} />
          {t('lead.reports.exporting', { format: phase.format.toUpperCase() })} <Elapsed since={phase.startedAt} /> {t('lead.common.sec')}
        </span>
      ) : null}
      {phase.kind === 'done' ? <span role="status" className="lead-ok">{t('lead.reports.exported', { name: phase.fileName, kb: Math.max(1, Math.round(phase.size / 1024)) })}</span> : null}
      {phase.kind === 'error' ? <span role="alert" className="lead-error">{t('lead.reports.exportError', { message: phase.message })}</span> : null}
    </div>
  );
}
