/**
 * Operator test page (bundled by sip-pages.ts): the real softphone service and store on `window`,
 * a way to mount the softphone's components (CallBar, DeviceSettings) with its i18n strings, and a
 * bare SIP.js SimpleUser for the bench's baseline.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { Web } from 'sip.js';
import { installWebRtcProbes } from './webrtc-probe';
import { createSoftphone, SoftphoneService } from '../../../renderer/softphone/softphone-service';
import { useCallStore, initialCallStoreState } from '../../../renderer/softphone/call-store';
import { CallBar } from '../../../renderer/softphone/components/CallBar';
import { DeviceSettings } from '../../../renderer/softphone/components/DeviceSettings';
import ru from '../../../renderer/softphone/i18n-ru.json';

installWebRtcProbes();

/** Renders the call bar and device settings for `service` into the page body. */
function mountSoftphoneUi(service: SoftphoneService): void {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({ resources: { ru: { translation: ru } }, lng: 'ru', initAsync: false, interpolation: { escapeValue: false } });
  const el = document.createElement('div');
  document.body.append(el);
  createRoot(el).render(createElement(I18nextProvider, { i18n }, createElement(CallBar, { service }), createElement(DeviceSettings, { service })));
}

const harness = { createSoftphone, SoftphoneService, useCallStore, initialCallStoreState, mountSoftphoneUi, SimpleUser: Web.SimpleUser };
declare global { interface Window { harness: typeof harness } }
window.harness = harness;
