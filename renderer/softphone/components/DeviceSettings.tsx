/** Microphone, speaker/headset and ringtone device choice (remembered by the service), with a level meter. */
import { useTranslation } from 'react-i18next';
import { useCallStore } from '../call-store';
import type { SoftphoneService } from '../softphone-service';
import { MicLevelMeter } from './MicLevelMeter';

/** Device selects; changes apply live without dropping a call. */
export function DeviceSettings({ service }: { service: SoftphoneService }) {
  const { t } = useTranslation();
  const devices = useCallStore((s) => s.devices);
  const label = (d: { deviceId: string; label: string }, i: number) => d.label || t('softphone.deviceN', { n: i + 1 });
  const value = (id: string | null) => id ?? '';
  const pick = (v: string) => (v === '' ? null : v);
  return (
    <fieldset className="device-settings">
      <legend>{t('softphone.devices')}</legend>
      <label>
        {t('softphone.microphone')}
        <select value={value(devices.inputId)} onChange={(e) => void service.setInputDevice(pick(e.target.value))}>
          <option value="">{t('softphone.systemDefault')}</option>
          {devices.inputs.map((d, i) => <option key={d.deviceId} value={d.deviceId}>{label(d, i)}</option>)}
        </select>
      </label>
      <MicLevelMeter service={service} />
      <label>
        {t('softphone.speaker')}
        <select value={value(devices.outputId)} onChange={(e) => void service.setOutputDevice(pick(e.target.value))}>
          <option value="">{t('softphone.systemDefault')}</option>
          {devices.outputs.map((d, i) => <option key={d.deviceId} value={d.deviceId}>{label(d, i)}</option>)}
        </select>
      </label>
      <label>
        {t('softphone.ringDevice')}
        <select value={value(devices.ringId)} onChange={(e) => void service.setRingDevice(pick(e.target.value))}>
          <option value="">{t('softphone.sameAsSpeaker')}</option>
          {devices.outputs.map((d, i) => <option key={d.deviceId} value={d.deviceId}>{label(d, i)}</option>)}
        </select>
      </label>
    </fieldset>
  );
}
