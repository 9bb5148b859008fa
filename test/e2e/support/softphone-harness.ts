/**
 * Operator test page (bundled by sip-pages.ts): the real softphone service and store on `window`,
 * plus a bare SIP.js SimpleUser for the bench's baseline.
 */
import { Web } from 'sip.js';
import { installWebRtcProbes } from './webrtc-probe';
import { createSoftphone, SoftphoneService } from '../../../renderer/softphone/softphone-service';
import { useCallStore, initialCallStoreState } from '../../../renderer/softphone/call-store';

installWebRtcProbes();

const harness = { createSoftphone, SoftphoneService, useCallStore, initialCallStoreState, SimpleUser: Web.SimpleUser };
declare global { interface Window { harness: typeof harness } }
window.harness = harness;
