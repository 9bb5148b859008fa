/** Reminders of due callbacks and messages from the team lead (live channel), shown until dismissed. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerMessage } from '../../shared/api/live';
import { useApi } from './api-context';
import { dateTime, useTimeZone } from './format';
import { useDeskActions } from './use-desk-actions';

type Notice = Extract<ServerMessage, { type: 'reminder' } | { type: 'message' }> & { key: number };

/** How many notices stay on screen at most. */
const MAX_NOTICES = 3;

/** The live notices stack (top of the center column). */
export function LiveNotices() {
  const { t } = useTranslation();
  const api = useApi();
  const timeZone = useTimeZone();
  const { claim } = useDeskActions();
  const [items, setItems] = useState<Notice[]>([]);
  useEffect(() => api.on('live.message', (m) => {
    if (m.type !== 'reminder' && m.type !== 'message') return;
    setItems((cur) => [...cur, { ...m, key: Date.now() + Math.random() }].slice(-MAX_NOTICES));
  }), [api]);
  if (items.length === 0) return null;
  const drop = (key: number) => setItems((cur) => cur.filter((n) => n.key !== key));
  return (
    <div className="live-notices" role="log" aria-label={t('live.title')}>
      {items.map((n) => (
        <div key={n.key} className={`alert ${n.type === 'reminder' ? 'alert-warn' : 'alert-info'}`}>
          {n.type === 'reminder' ? (
            <>
              <strong>{t('live.reminder', { name: n.customerName, id: n.orderId })}</strong>
              <span>{dateTime(n.callbackAt, timeZone)}</span>
              <button type="button" className="btn btn-small" onClick={() => { drop(n.key); void claim(n.orderId); }}>{t('queue.open')}</button>
            </>
          ) : (
            <><strong>{t('live.message', { from: n.from })}</strong><span>{n.text}</span></>
          )}
          <button type="button" className="btn btn-icon" onClick={() => drop(n.key)} aria-label={t('common.close')}>×</button>
        </div>
      ))}
    </div>
  );
}
