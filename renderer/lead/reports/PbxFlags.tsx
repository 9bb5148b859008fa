/**
 * Desk call logs that disagree with the PBX in the report's days (calls verified by the PBX,
 * docs/telephony.md): shown to leads and admins under the report while the center verifies calls.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PbxFlagsResponse } from '../../../shared/api/pbx';
import { dayWindow } from '../../../shared/domain/reports';
import { call, useApi } from '../../app/api-context';
import { dateTime, useTimeZone } from '../../app/format';
import { errorText } from '../lead-api';

/** The longest span of days the flags are asked for (the server's bound). */
const MAX_DAYS = 31;

/** The flags of the local days `from`…`to` (inclusive); nothing while the center does not verify calls. */
export function PbxFlags({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const timeZone = useTimeZone();
  const [data, setData] = useState<PbxFlagsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    const span = { from: dayWindow(from, timeZone).from, to: dayWindow(to, timeZone).to };
    if (span.to - span.from > MAX_DAYS * 86_400_000) return undefined;
    call(api, 'pbx.flags', { from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() })
      .then((r) => { if (live) setData(r); })
      .catch((e: unknown) => { if (live) setError(errorText(e)); });
    return () => { live = false; };
  }, [api, from, to, timeZone]);
  if (error) return <p role="alert" className="lead-error">{error}</p>;
  if (!data?.enabled) return null;
  return (
    <section aria-label={t('lead.reports.pbxFlags.title')}>
      <h3>{t('lead.reports.pbxFlags.title')}</h3>
      {data.flags.length === 0 ? <p>{t('lead.reports.pbxFlags.none')}</p> : (
        <div className="lead-table-wrap" role="region" tabIndex={0} aria-label={t('lead.reports.pbxFlags.title')}>
          <table className="lead-table">
            <thead>
              <tr>
                <th scope="col">{t('lead.reports.pbxFlags.at')}</th>
                <th scope="col">{t('lead.reports.pbxFlags.operator')}</th>
                <th scope="col">{t('lead.reports.pbxFlags.order')}</th>
                <th scope="col">{t('lead.reports.pbxFlags.what')}</th>
              </tr>
            </thead>
            <tbody>
              {data.flags.map((f) => (
                <tr key={f.callId} data-flag={f.flag}>
                  <td>{dateTime(f.startedAt, timeZone)}</td>
                  <td>{f.operatorName}</td>
                  <td>{f.orderId}</td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
