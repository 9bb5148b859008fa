/** Microphone level meter (AudioContext analyser on the chosen microphone). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallStore } from '../call-store';
import type { SoftphoneService } from '../softphone-service';

/** A 0–100 meter of the chosen microphone; restarts when the microphone changes. */
export function MicLevelMeter({ service }: { service: SoftphoneService }) {
  const { t } = useTranslation();
  const inputId = useCallStore((s) => s.devices.inputId);
  const [level, setLevel] = useState(0);
  const [error, setError] = useState(false);
  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    service.watchMicLevel(setLevel).then((s) => { if (cancelled) s(); else stop = s; }, () => setError(true));
    return () => { cancelled = true; stop?.(); };
  }, [service, inputId]);
  if (error) return <span role="status">{t('softphone.micUnavailable')}</span>;
  return <meter className="mic-meter" aria-label={t('softphone.micLevel')} min={0} max={100} value={Math.round(level * 100)} />;
}
