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
      <DeviceSelect label={t('softphone.microphone')} empty={t('softphone.systemDefault')} devices={devices.inputs} nameOf={label} value={value(devices.inputId)} onPick={(v) => void service.setInputDevice(pick(v))} />
      <MicLevelMeter service={service} />
      <DeviceSelect label={t('softphone.speaker')} empty={t('softphone.systemDefault')} devices={devices.outputs} nameOf={label} value={value(devices.outputId)} onPick={(v) => void service.setOutputDevice(pick(v))} />
      <DeviceSelect label={t('softphone.ringDevice')} empty={t('softphone.sameAsSpeaker')} devices={devices.outputs} nameOf={label} value={value(devices.ringId)} onPick={(v) => void service.setRingDevice(pick(v))} />
    </fieldset>
  );
}

/** One labelled device list; the empty choice means the system default (or the speaker). */
type Device = { deviceId: string; label: string };
function DeviceSelect({ label: text, empty, devices, nameOf, value, onPick }: {
  label: string; empty: string; devices: readonly Device[]; nameOf: (d: Device, i: number) => string; value: string; onPick: (deviceId: string) => void;
}) {
  return (
    <label>
      {text}
      <select value={value} onChange={(e) => onPick(e.target.value)}>
        <option value="">{empty}</option>
        {devices.map((d, i) => <option key={d.deviceId} value={d.deviceId}>{nameOf(d, i)}</option>)}
      </select>
    </label>
  );
}
