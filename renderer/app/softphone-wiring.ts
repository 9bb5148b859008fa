/**
 * Wires the SIP.js softphone (renderer/softphone) into the desk: one service per logged-in
 * operator with a SIP account (created from `Session.sip` on login, stopped on logout), its ports
 * bound to the typed Api (call log, agent state, call quality, caller lookup, settings), the
 * screen pop of an inbound caller's orders, the end of wrap-up when the order's result is saved, and a
 * restart when the settings screen saves new softphone settings.
 */
import i18n from 'i18next';
import type { z } from 'zod';
import { create } from 'zustand';
import { isFinalStatus, queueTabOf } from '../../shared/domain';
import type { CustomerHistory } from '../../shared/api/http';
import type { AgentState } from '../../shared/api/live';
import type { Api, Session } from '../../shared/ipc/contract';
import { useCallStore, type CallSnapshot } from '../softphone/call-store';
import { createRingtoneUrl } from '../softphone/ringtone';
import { createSoftphone, type CallerInfo, type CallRefusal, type SoftphoneConfig, type SoftphonePorts, type SoftphoneService } from '../softphone/softphone-service';
import softphoneEn from '../softphone/i18n-en.json';
import softphoneRu from '../softphone/i18n-ru.json';
import { useOrderStore } from '../stores/order-store';
import { useSessionStore } from '../stores/session-store';
import { call } from './api-context';
import { DialFormatSetting, DtmfSetting, NoAnswerSetting, SOFTPHONE_SETTINGS, SipOverrideSetting, useSoftphoneSettingsStore } from './softphone-settings';
import type { PhoneActions } from './phone-slot';

/** Why the desk could not dial: the service's refusal or no softphone at all. */
export type PhoneRefusal = CallRefusal | 'noSoftphone';

/** The inbound caller shown before answering: number and their orders (`null` loading, `'offline'`). */
export interface ScreenPop { phone: string; history: CustomerHistory | null | 'offline' }

interface PhoneUiState { pop: ScreenPop | null; refusal: PhoneRefusal | null }

/** Plain UI state of the wiring: the screen pop and the last refusal to dial. */
export const usePhoneUiStore = create<PhoneUiState>()(() => ({ pop: null, refusal: null }));

let i18nRegistered = false;
/** Adds the softphone's `softphone.*` strings to the desk's i18next resources (once). */
export function registerSoftphoneI18n(): void {
  if (i18nRegistered) return;
  i18nRegistered = true;
  i18n.addResourceBundle('ru', 'translation', softphoneRu, true, false);
  i18n.addResourceBundle('en', 'translation', softphoneEn, true, false);
}

/** The order an inbound call is logged on: the customer's newest order still being worked, if any. */
export function orderForCaller(history: CustomerHistory): CallerInfo {
  const open = history.orders
    .filter((o) => !isFinalStatus(o.status))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return { orderId: open?.id ?? null, name: history.orders[0]?.customerName };
}

async function readSetting<T>(api: Api, key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const v = await call(api, 'settings.get', { key }).catch(() => null);
  const parsed = schema.safeParse(v);
  return parsed.success ? parsed.data : undefined;
}

/** The softphone's configuration from the session's SIP account and the local settings. */
export async function softphoneConfig(api: Api, sip: NonNullable<Session['sip']>): Promise<SoftphoneConfig> {
  const [dialFormat, dtmfMethod, noAnswerSec, override] = await Promise.all([
    readSetting(api, SOFTPHONE_SETTINGS.dialFormat, DialFormatSetting),
    readSetting(api, SOFTPHONE_SETTINGS.dtmfMethod, DtmfSetting),
    readSetting(api, SOFTPHONE_SETTINGS.noAnswerTimeoutSec, NoAnswerSetting),
    readSetting(api, SOFTPHONE_SETTINGS.sipOverride, SipOverrideSetting),
  ]);
  return {
    wsUrl: override?.wsUrl ?? sip.wsUrl,
    domain: override?.domain ?? sip.domain,
    user: override?.user ?? sip.user,
    password: override?.password ?? sip.password,
    displayName: sip.displayName,
    dialFormat: dialFormat ?? { style: 'plus7', prefix: '' },
    dtmfMethod: dtmfMethod ?? 'rfc4733',
    ...(noAnswerSec ? { noAnswerTimeoutMs: noAnswerSec * 1000 } : {}),
  };
}

/** The live softphone of the desk, observable from React (useSyncExternalStore). */
export interface SoftphoneWiring {
  /** What the desk's phone field and hotkeys call. */
  readonly actions: PhoneActions;
  /** The running service, or null (logged out, not an operator, no SIP account). */
  current(): SoftphoneService | null;
  subscribe(listener: () => void): () => void;
  /** Stops the service and the store subscriptions. */
  dispose(): Promise<void>;
}

export interface SoftphoneWiringOptions {
  /** Puts `{ service, state }` on `window.__prozvonSoftphone` (end-to-end tests only). */
  exposeForTests?: boolean;
  /** The service factory (tests inject a fake). */
  create?: (config: SoftphoneConfig, ports: SoftphonePorts) => SoftphoneService;
}

/** Whether a call is on the line (a finished call in wrap-up is not: its phase is `ended`). */
export function hasLiveCall(phase: CallSnapshot['phase']): boolean {
  return phase !== 'idle' && phase !== 'ended';
}

/** Agent states a call drives; the others (ready/offline) are between calls. */
const CALL_STATES: readonly AgentState[] = ['dialing', 'ringing', 'talking', 'hold', 'wrapUp'];

let ringtoneUrl: string | null = null;
/**
 * The generated ringtone as a `blob:` URL: the renderer's CSP allows `media-src 'self' blob:` but
 * not `data:`, so the softphone's default data URL would be refused and the ringtone stay silent.
 * Undefined where blob URLs do not exist (jsdom): the softphone's default is used.
 */
export function ringtoneBlobUrl(): string | undefined {
  if (ringtoneUrl) return ringtoneUrl;
  if (typeof URL.createObjectURL !== 'function') return undefined;
  const dataUrl = createRingtoneUrl();
  const bin = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  ringtoneUrl = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
  return ringtoneUrl;
}

/** The ports of the service bound to the Api and the desk's stores. */
function portsFor(api: Api): SoftphonePorts {
  const sendAgent = (state: AgentState, callId: string | null, sipRegistered: boolean, remoteNumber: string | null = null) => {
    const orderId = useCallStore.getState().call.orderId ?? useOrderStore.getState().view?.order.id ?? null;
    const breakReason = state === 'break' ? useSessionStore.getState().breakReason : null;
    void call(api, 'agent.setState', { state, breakReason, orderId, callId, sipRegistered, remoteNumber }).catch(() => undefined);
  };
  const ringtone = ringtoneBlobUrl();
  return {
    ...(ringtone ? { ringtoneUrl: ringtone } : {}),
    onCallLogged: (attempt) => { void call(api, 'call.log', attempt).catch(() => undefined); },
    onAgentState: (state, callId) => {
      const session = useSessionStore.getState();
      if (CALL_STATES.includes(state)) {
        session.setAgentState(state, null);
        // the caller's number goes with `ringing`: the server lets the operator look up that caller
        const c = useCallStore.getState().call;
        sendAgent(state, callId, true, state === 'ringing' && c.direction === 'inbound' ? c.remoteNumber : null);
        return;
      }
      // between calls the desk decides: a break stays a break, an open order is still wrap-up
      const desk: AgentState = session.agentState === 'break' ? 'break' : useOrderStore.getState().view ? 'wrapUp' : 'ready';
      if (state === 'ready' && session.agentState !== 'break') session.setAgentState(desk, null);
      sendAgent(desk, null, state === 'ready');
    },
    onQuality: (callId, quality) => { void call(api, 'agent.quality', { callId, quality }).catch(() => undefined); },
    lookupCaller: async (e164) => {
      usePhoneUiStore.setState({ pop: { phone: e164, history: null } });
      // reported before the lookup (the softphone reports `ringing` after it): the server allows
      // an operator the history of an inbound caller whose call rings (server/orders/access.ts)
      sendAgent('ringing', null, true, e164);
      try {
        const history = await call(api, 'customer.history', { phone: e164 });
        usePhoneUiStore.setState({ pop: { phone: e164, history } });
        return orderForCaller(history);
      } catch {
        usePhoneUiStore.setState({ pop: { phone: e164, history: 'offline' } });
        return null;
      }
    },
    settings: {
      get: (key) => call(api, 'settings.get', { key }),
      set: async (key, value) => { await call(api, 'settings.set', { key, value }); },
    },
    bringToFront: () => window.focus(),
  };
}

/**
 * Starts following the session: an operator with a SIP account gets a started softphone, logout
 * stops it. Returns the wiring whose `actions` go to `<App phone>`.
 */
export function createSoftphoneWiring(api: Api, options: SoftphoneWiringOptions = {}): SoftphoneWiring {
  registerSoftphoneI18n();
  const make = options.create ?? createSoftphone;
  const listeners = new Set<() => void>();
  let service: SoftphoneService | null = null;
  let key: string | null = null;
  let chain: Promise<void> = Promise.resolve();
  const emit = () => listeners.forEach((l) => l());

  const expose = (s: SoftphoneService | null) => {
    if (!options.exposeForTests) return;
    const w = window as unknown as { __prozvonSoftphone?: unknown };
    w.__prozvonSoftphone = s ? { service: s, state: () => useCallStore.getState() } : undefined;
  };

  const follow = (session: Session | null) => {
    const next = session && session.user.role === 'operator' && session.sip ? `${session.user.id}|${JSON.stringify(session.sip)}` : null;
    if (next === key) return;
    key = next;
    chain = chain.then(async () => {
      const old = service;
      service = null;
      expose(null);
      emit();
      if (old) await old.stop().catch(() => undefined);
      usePhoneUiStore.setState({ pop: null, refusal: null });
      if (!session?.sip || key !== next) return;
      const created = make(await softphoneConfig(api, session.sip), portsFor(api));
      if (key !== next) return;
      service = created;
      expose(created);
      emit();
      await created.start();
    });
  };

  const offSession = useSessionStore.subscribe((s, prev) => { if (s.session !== prev.session) follow(s.session); });
  // wrap-up ends when the order's result is saved
  const offOrder = useOrderStore.subscribe((s, prev) => {
    if (s.notice !== prev.notice && s.notice?.kind === 'saved') service?.resultSaved();
  });
  // saved settings restart the service at the next safe moment: no live call (idle, or a
  // finished call still in wrap-up — the next call from the same order gets the new settings)
  let reloadPending = false;
  const reload = () => {
    reloadPending = false;
    key = null;
    follow(useSessionStore.getState().session);
  };
  const offSettings = useSoftphoneSettingsStore.subscribe((s, prev) => {
    if (s.revision === prev.revision) return;
    if (!hasLiveCall(useCallStore.getState().call.phase)) reload();
    else reloadPending = true;
  });
  const offCall = useCallStore.subscribe((s, prev) => {
    if (s.call.phase === prev.call.phase) return;
    if (s.call.phase === 'idle') usePhoneUiStore.setState({ pop: null });
    if (reloadPending && !hasLiveCall(s.call.phase)) reload();
  });
  follow(useSessionStore.getState().session);

  const actions: PhoneActions = {
    connected: true,
    onCall: (e164, orderId) => {
      const s = service;
      if (!s) { usePhoneUiStore.setState({ refusal: 'noSoftphone' }); return; }
      if (useCallStore.getState().call.phase === 'incoming') { void s.answer(); return; }
      const view = useOrderStore.getState().view;
      const timeZone = useSessionStore.getState().session?.timeZone ?? 'Europe/Moscow';
      const tab = view ? queueTabOf(view.order, new Date(), timeZone) : null;
      const res = s.call(e164, { orderId, tab });
      usePhoneUiStore.setState({ refusal: res.ok ? null : res.code });
    },
    onHangup: () => { void service?.hangup(); },
  };

  return {
    actions,
    current: () => service,
    subscribe: (l) => { listeners.add(l); return () => listeners.delete(l); },
    dispose: async () => {
      offSession();
      offOrder();
      offCall();
      offSettings();
      key = null;
      await chain;
      const s = service;
      service = null;
      expose(null);
      emit();
      await s?.stop().catch(() => undefined);
    },
  };
}
