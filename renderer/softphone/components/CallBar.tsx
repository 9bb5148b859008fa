/**
 * The call bar: registration light, remote number, timer, mute/hold/keypad/transfer/hangup,
 * answer/reject for inbound calls, quality bars and the softphone's notices.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneDisplay } from '../../../shared/domain/phone';
import { useCallStore } from '../call-store';
import type { SoftphoneService } from '../softphone-service';
import type { CallQuality } from '../../../shared/api/live';
import { Keypad } from './Keypad';

function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(total / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return `${mm}:${ss}`;
}

/** 0–4 bars from RTT, jitter and loss. */
export function qualityBars(q: CallQuality | null): number {
  if (!q) return 0;
  let bars = 4;
  if ((q.lossPct ?? 0) > 1 || (q.rttMs ?? 0) > 300 || (q.jitterMs ?? 0) > 30) bars--;
  if ((q.lossPct ?? 0) > 3 || (q.rttMs ?? 0) > 500 || (q.jitterMs ?? 0) > 50) bars--;
  if ((q.lossPct ?? 0) > 8 || (q.rttMs ?? 0) > 800) bars--;
  return bars;
}

function CallTimer({ startedAt }: { startedAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  return <span className="callbar-timer tabular" aria-label="timer">{formatDuration(now - startedAt)}</span>;
}

/** The call bar for one softphone service. */
export function CallBar({ service }: { service: SoftphoneService }) {
  const { t } = useTranslation();
  const registration = useCallStore((s) => s.registration);
  const reason = useCallStore((s) => s.registrationReason);
  const call = useCallStore((s) => s.call);
  const notice = useCallStore((s) => s.notice);
  const [keypad, setKeypad] = useState(false);
  const [transferTo, setTransferTo] = useState('');
  const inCall = call.phase === 'established' || call.phase === 'held';
  const bars = qualityBars(call.quality);

  return (
    <div className="callbar" role="region" aria-label={t('softphone.callBar')}>
      <span className={`sip-light sip-${registration}`} role="status">
        <span className="dot" aria-hidden="true" />
        {t(`softphone.registration.${registration}`)}
        {reason ? ` · ${t(`softphone.reason.${reason}`, { defaultValue: t('softphone.reason.status', { code: reason }) })}` : null}
      </span>
      {call.remoteNumber ? <span className="callbar-number tabular">{formatPhoneDisplay(call.remoteNumber)}</span> : null}
      <span className="callbar-phase">{t(`softphone.phase.${call.phase}`)}</span>
      {call.timerStartedAt && call.phase !== 'ended' ? <CallTimer startedAt={call.timerStartedAt} /> : null}
      {call.phase === 'incoming' ? (
        <>
          <button type="button" onClick={() => void service.answer()}>{t('softphone.answer')}</button>
          <button type="button" onClick={() => void service.reject()}>{t('softphone.reject')}</button>
        </>
      ) : null}
      {inCall ? (
        <>
          <button type="button" aria-pressed={call.muted} onClick={() => service.setMuted(!call.muted)}>
            {call.muted ? t('softphone.unmute') : t('softphone.mute')}
          </button>
          <button type="button" aria-pressed={call.held} disabled={call.holdPending} onClick={() => void service.setHeld(!call.held)}>
            {call.held ? t('softphone.resume') : t('softphone.hold')}
          </button>
          <button type="button" aria-expanded={keypad} onClick={() => setKeypad(!keypad)}>{t('softphone.keypad')}</button>
          <label>
            {t('softphone.transferTo')}
            <input value={transferTo} onChange={(e) => setTransferTo(e.target.value)} />
          </label>
          <button type="button" disabled={transferTo.trim() === ''} onClick={() => void service.transfer(transferTo)}>{t('softphone.transfer')}</button>
        </>
      ) : null}
      {call.phase === 'dialing' || call.phase === 'ringing' || inCall ? (
        <button type="button" className="danger" onClick={() => void service.hangup()}>{t('softphone.hangup')}</button>
      ) : null}
      {inCall ? (
        <span className="callbar-quality" title={t('softphone.qualityTitle', { rtt: call.quality?.rttMs ?? '—', jitter: call.quality?.jitterMs ?? '—', loss: call.quality?.lossPct ?? '—' })}>
          {t('softphone.quality')} {'▮'.repeat(bars)}{'▯'.repeat(4 - bars)}
        </span>
      ) : null}
      {call.phase === 'ended' && call.lastOutcome ? <span className="callbar-outcome">{t(`softphone.outcome.${call.lastOutcome}`)}</span> : null}
      {notice ? <span className="callbar-notice" role="status">{t(`softphone.notice.${notice.key}`, notice.values)}</span> : null}
      {keypad && inCall ? <Keypad onTone={(tone) => void service.sendDtmf(tone)} /> : null}
    </div>
  );
}
