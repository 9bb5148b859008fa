/**
 * The operator's softphone: owns the SIP.js UserAgent, Registerer, Session and media, outside
 * React (docs/architecture.md «Tiers»). It writes plain state into `useCallStore` and reports through ports.
 *
 * Known traps of SIP.js softphones, each handled on purpose (issue 6):
 * 1. Stale Registerer after the transport comes back ("REGISTER already in progress", or shown
 *    Registered while the PBX lost the binding): on every disconnect the old Registerer is
 *    disposed; on reconnect a NEW Registerer is created and "registered" is shown only after a
 *    real 200 OK (`requestDelegate.onAccept`). Reconnect uses capped, jittered backoff.
 * 2. A call that survived a transport drop: after re-registration it is re-INVITEd; if the
 *    re-INVITE fails or gets no answer, the call is ended cleanly and the operator is told
 *    (`notice.callLostOnReconnect`).
 * 3. ICE gathering stalls (VPN, many interfaces): `iceGatheringTimeout` bounded (default 2 s),
 *    `iceServers: []` by default (SIP.js's default public STUN stalls offline), and mDNS `.local`
 *    host candidates are dropped from the SDP we send (PBXs cannot resolve them).
 * 4. Failed hold re-INVITE (491 glare etc.) must not leave the UI "held": `held` is read from the
 *    negotiated transceiver direction (`currentDirection`) after the re-INVITE ends, either way;
 *    the rejected offer is rolled back (SIP.js 0.21's web handler cannot) and the hold option
 *    restored, so the next hold/resume works.
 * 5. Autoplay / background throttling: the ringtone is an HTMLAudioElement on the chosen output
 *    device; the host must allow autoplay (Electron `autoplay-policy` switch, Chromium
 *    `--autoplay-policy=no-user-gesture-required`) and disable background throttling; the
 *    `bringToFront` port is called on an inbound call.
 * 6. Output switching and a headset plugged in mid-shift must not drop the call: setSinkId on
 *    the existing elements and `RTCRtpSender.replaceTrack` for the microphone, never a new
 *    session; `devicechange` only refreshes the lists (and falls back if the mic vanished).
 * 7. DTMF method mismatch: RFC 4733 (`sendDtmf`) by default, SIP INFO (application/dtmf-relay)
 *    as a setting; an INFO counts as sent only when answered (`onAccept`).
 * 8. A wrong password never ends registration by itself (Registerer falls back to
 *    Unregistered): `onReject` is treated as failure with the status code as the reason.
 * 9. One call at a time; click-to-call refuses invalid numbers, the not-called tab and calls
 *    while unregistered, with a reason code.
 */
import {
  Invitation, Inviter, Registerer, RegistererState, SessionState, UserAgent, Web,
  type Session, type SessionDescriptionHandlerFactory,
} from 'sip.js';
import type { IncomingResponse } from 'sip.js/lib/core';
import { formatPhoneForDial, parsePhone, type DialFormat } from '../../shared/domain/phone';
import { isCallableTab } from '../../shared/domain/tabs';
import type { CallAttempt, CallOutcome, QueueTab } from '../../shared/domain/schemas';
import type { AgentState, CallQuality } from '../../shared/api/live';
import { idleCall, useCallStore, type CallSnapshot, type CallStore, type CallStoreState } from './call-store';
import { createRingtoneUrl } from './ringtone';

/** Connection and behaviour settings of the softphone. */
export interface SoftphoneConfig {
  wsUrl: string;
  domain: string;
  user: string;
  password: string;
  displayName: string;
  dialFormat: DialFormat;
  dtmfMethod: 'rfc4733' | 'info';
  /** bound on ICE gathering before the offer/answer is sent (default 2000 ms) */
  iceGatheringTimeoutMs?: number;
  /** STUN/TURN servers (default none: loopback/LAN PBX) */
  iceServers?: RTCIceServer[];
  /** an unanswered outbound call is cancelled after this (default 45 s), outcome noAnswer */
  noAnswerTimeoutMs?: number;
  /** reconnect backoff: first delay and cap (defaults 250 ms / 2000 ms) */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** REGISTER expiry in seconds (default 300) */
  registerExpiresSec?: number;
  /** quality sampling period (default 3000 ms) */
  qualityIntervalMs?: number;
}

/** What the caller lookup (screen pop) returns. */
export interface CallerInfo { orderId: number | null; name?: string }

/** Where the softphone reports to and what it asks; all optional except onCallLogged. */
export interface SoftphonePorts {
  onCallLogged(attempt: CallAttempt): void;
  onAgentState?(state: AgentState, callId: string | null): void;
  onQuality?(callId: string, quality: CallQuality): void;
  /** Looks the caller up before the inbound call is answered (screen pop). */
  lookupCaller?(e164: string): Promise<CallerInfo | null>;
  /** Local settings (remembered devices). */
  settings?: { get(key: string): Promise<unknown>; set(key: string, value: unknown): Promise<void> };
  /** Bring the window forward (inbound call). */
  bringToFront?(): void;
  /** Ringtone source; defaults to a generated 425 Hz cadence. */
  ringtoneUrl?: string;
}

export type CallRefusal = 'invalidNumber' | 'notCalledTab' | 'notRegistered' | 'callInProgress' | 'transportError';
export type CallResult = { ok: true; callId: string } | { ok: false; code: CallRefusal; message: string };

const REFUSAL_MESSAGES: Record<CallRefusal, string> = {
  invalidNumber: 'Номер некорректен.',
  notCalledTab: 'Заказы этой вкладки не прозваниваются.',
  notRegistered: 'Телефон не зарегистрирован на АТС.',
  callInProgress: 'Уже идёт звонок: один звонок за раз.',
  transportError: 'Нет связи с АТС.',
};

const SETTINGS_KEYS = { input: 'softphone.inputDeviceId', output: 'softphone.outputDeviceId', ring: 'softphone.ringDeviceId' } as const;

interface ActiveCall {
  session: Session;
  callId: string;
  orderId: number | null;
  direction: 'outbound' | 'inbound';
  startedAt: string;
  answeredAt: string | null;
  /** outcome decided by a SIP response or by us before termination */
  outcome: CallOutcome | null;
  noAnswerTimer: ReturnType<typeof setTimeout> | null;
  logged: boolean;
  /** the transport dropped while this call was up: re-INVITE it after re-registering */
  transportDropped: boolean;
}

/** Removes mDNS `.local` host candidates (PBXs cannot resolve them) from an SDP body. */
export function dropMdnsCandidates(sdp: string): string {
  return sdp.split('\r\n').filter((line) => !(line.startsWith('a=candidate:') && /\s[^\s]+\.local\s/.test(line))).join('\r\n');
}

/**
 * SessionDescriptionHandler that never sends `.local` candidates (trap 3) and can roll back a
 * rejected re-INVITE offer (trap 4): SIP.js 0.21's web handler has no `rollbackDescription`, so
 * after a 491 the peer connection stays in have-local-offer and every later hold/resume fails.
 */
class ProzvonSessionDescriptionHandler extends Web.SessionDescriptionHandler {
  protected override getLocalSessionDescription(): Promise<RTCSessionDescription> {
    return super.getLocalSessionDescription().then((d) => ({ type: d.type, sdp: dropMdnsCandidates(d.sdp), toJSON: () => ({ type: d.type, sdp: dropMdnsCandidates(d.sdp) }) }) as RTCSessionDescription);
  }

  /** Undoes our pending local offer (called by SIP.js on a non-2xx answer to a re-INVITE). */
  rollbackDescription(): Promise<void> {
    const pc = this.peerConnection;
    if (!pc || pc.signalingState !== 'have-local-offer') return Promise.resolve();
    return pc.setLocalDescription({ type: 'rollback' });
  }
}

function sdhFactory(iceGatheringTimeout: number, iceServers: RTCIceServer[], getInputId: () => string | null): SessionDescriptionHandlerFactory {
  const mediaStreamFactory: Web.MediaStreamFactory = (constraints) => {
    const id = getInputId();
    // `ideal`: a remembered headset that is unplugged now falls back to the default mic instead of failing the call
    const audio: MediaTrackConstraints | boolean = id ? { deviceId: { ideal: id } } : true;
    return navigator.mediaDevices.getUserMedia({ ...constraints, audio: constraints.audio === false ? false : audio, video: false });
  };
  return (session) => new ProzvonSessionDescriptionHandler(
    session.userAgent.getLogger('sip.SessionDescriptionHandler'),
    mediaStreamFactory,
    { iceGatheringTimeout, peerConnectionConfiguration: { ...Web.defaultPeerConnectionConfiguration(), iceServers } },
  );
}

const nowIso = () => new Date().toISOString();

/** Maps the final response of an unanswered outbound call to its outcome (issue 6). */
export function outcomeFromResponse(statusCode: number, cancelledBy: 'operator' | 'timeout' | null): CallOutcome {
  if (statusCode === 487) return cancelledBy === 'operator' ? 'cancelled' : cancelledBy === 'timeout' ? 'noAnswer' : 'failed';
  if (statusCode === 486 || statusCode === 600) return 'busy';
  if (statusCode === 408 || statusCode === 480) return 'noAnswer';
  return 'failed';
}

/**
 * The softphone service. Create one per logged-in operator with `createSoftphone`; call
 * `start()`, then `call()`/`answer()`/`hangup()`…; `stop()` on logout.
 */
export class SoftphoneService {
  private ua: UserAgent | null = null;
  private registerer: Registerer | null = null;
  private active: ActiveCall | null = null;
  private stopped = true;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private qualityTimer: ReturnType<typeof setInterval> | null = null;
  private remoteAudio: HTMLAudioElement | null = null;
  private ringtone: HTMLAudioElement | null = null;
  private lastStats: { lost: number; received: number } | null = null;
  private readonly onDeviceChange = () => { void this.refreshDevices(true); };
  private readonly config: Required<SoftphoneConfig>;

  constructor(config: SoftphoneConfig, private readonly ports: SoftphonePorts, private readonly store: CallStore = useCallStore) {
    this.config = {
      iceGatheringTimeoutMs: 2000, iceServers: [], noAnswerTimeoutMs: 45_000, reconnectBaseMs: 250,
      reconnectMaxMs: 2000, registerExpiresSec: 300, qualityIntervalMs: 3000, ...config,
    };
  }

  private set(patch: Partial<CallStoreState>): void { this.store.setState(patch); }
  private setCall(patch: Partial<CallSnapshot>): void { this.store.setState((s) => ({ call: { ...s.call, ...patch } })); }
  private agent(state: AgentState): void { this.ports.onAgentState?.(state, this.active?.callId ?? this.store.getState().call.callId); }
  /** Reports ready/offline only between calls: a call or its wrap-up keeps its own state. */
  private idleAgent(state: 'ready' | 'offline'): void { if (!this.active && this.store.getState().call.phase === 'idle') this.agent(state); }

  /** Connects to the PBX; registration follows (watch `registration` in the store). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.loadDevicePrefs();
    const uri = UserAgent.makeURI(`sip:${this.config.user}@${this.config.domain}`);
    if (!uri) { this.set({ registration: 'failed', registrationReason: 'badUri' }); return; }
    this.ua = new UserAgent({
      uri,
      displayName: this.config.displayName,
      authorizationUsername: this.config.user,
      authorizationPassword: this.config.password,
      transportOptions: { server: this.config.wsUrl, connectionTimeout: 5 },
      sessionDescriptionHandlerFactory: sdhFactory(this.config.iceGatheringTimeoutMs, this.config.iceServers, () => this.store.getState().devices.inputId),
      logBuiltinEnabled: false,
      delegate: {
        onInvite: (invitation) => { void this.onInvite(invitation); },
        onDisconnect: (error) => this.onTransportLost(error),
        onConnect: () => { void this.onTransportUp(); },
      },
    });
    navigator.mediaDevices?.addEventListener?.('devicechange', this.onDeviceChange);
    void this.refreshDevices(false);
    this.set({ registration: 'registering', registrationReason: null, reconnectAttempt: 0 });
    // delegate.onConnect (→ onTransportUp → register) fires for this first connection too
    await this.ua.start().catch(() => {
      this.set({ registrationReason: 'transport' });
      this.scheduleReconnect();
    });
  }

  /** Hangs up, unregisters and disconnects. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    navigator.mediaDevices?.removeEventListener?.('devicechange', this.onDeviceChange);
    if (this.active) await this.hangup();
    this.stopRinging();
    const reg = this.registerer;
    this.registerer = null;
    if (reg) await Promise.race([reg.dispose(), new Promise((r) => setTimeout(r, 1000))]);
    await this.ua?.stop().catch(() => undefined);
    this.ua = null;
    this.set({ registration: 'unregistered', registrationReason: null });
    this.agent('offline');
  }

  private async onTransportUp(): Promise<void> {
    if (this.stopped || !this.ua) return;
    const ok = await this.register();
    if (ok) this.set({ reconnectAttempt: 0 });
    const call = this.active;
    if (ok && call?.transportDropped && call.session.state === SessionState.Established) {
      call.transportDropped = false;
      await this.recoverCall(call);
    }
  }

  /** A new Registerer each time (trap 1); true only on a real 200 OK. */
  private async register(): Promise<boolean> {
    const ua = this.ua;
    if (!ua) return false;
    // a stale Registerer still bound on this transport would un-REGISTER our shared contact later: retire it first
    const stale = this.registerer;
    this.registerer = null;
    if (stale) await Promise.race([stale.dispose().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    const registerer = new Registerer(ua, { expires: this.config.registerExpiresSec });
    this.registerer = registerer;
    registerer.stateChange.addListener((state) => {
      if (this.registerer !== registerer || this.stopped) return;
      // a refresh that failed (408, 5xx, transport) drops the binding: show it and register again
      if (state === RegistererState.Unregistered && this.store.getState().registration === 'registered') {
        this.set({ registration: 'registering', registrationReason: 'expired' });
        this.idleAgent('offline');
        this.scheduleReconnect();
      }
    });
    this.set({ registration: 'registering' });
    return new Promise<boolean>((resolve) => {
      registerer.register({
        requestDelegate: {
          onAccept: () => {
            if (this.registerer !== registerer) return resolve(false);
            this.set({ registration: 'registered', registrationReason: null });
            this.idleAgent('ready');
            resolve(true);
          },
          onReject: (response) => {
            if (this.registerer !== registerer) return resolve(false);
            const code = response.message.statusCode ?? 0;
            this.idleAgent('offline');
            if (code === 408 || code >= 500) {
              // the PBX is there but not answering well: retry with backoff
              this.set({ registration: 'registering', registrationReason: String(code) });
              this.scheduleReconnect();
            } else {
              // 401/403/404…: credentials or account; retrying would not help (trap 8)
              this.set({ registration: 'failed', registrationReason: String(code) });
            }
            resolve(false);
          },
        },
      }).catch(() => {
        this.set({ registration: 'registering', registrationReason: 'transport' });
        this.scheduleReconnect();
        resolve(false);
      });
    });
  }

  private onTransportLost(error?: Error): void {
    if (this.stopped) return;
    const old = this.registerer;
    this.registerer = null;
    if (old) void old.dispose().catch(() => undefined);
    if (this.active?.answeredAt) this.active.transportDropped = true;
    this.set({ registration: 'registering', registrationReason: error ? 'transportLost' : 'disconnected' });
    this.idleAgent('offline');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const attempt = this.store.getState().reconnectAttempt + 1;
    const base = Math.min(this.config.reconnectMaxMs, this.config.reconnectBaseMs * 2 ** (attempt - 1));
    const delay = Math.round(base * (0.8 + Math.random() * 0.2));
    this.set({ reconnectAttempt: attempt });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.stopped || !this.ua) return;
      // transport up: only REGISTER again; otherwise reconnect (success fires delegate.onConnect → onTransportUp)
      if (this.ua.isConnected()) void this.onTransportUp();
      else this.ua.reconnect().catch(() => this.scheduleReconnect());
    }, delay);
  }

  /** Trap 2: re-INVITE a call that survived the drop, or end it cleanly and say so. */
  private async recoverCall(call: ActiveCall): Promise<void> {
    const ok = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 4000);
      call.session.invite({
        requestDelegate: {
          onAccept: () => { clearTimeout(timer); resolve(true); },
          onReject: () => { clearTimeout(timer); resolve(false); },
        },
      }).catch(() => { clearTimeout(timer); resolve(false); });
    });
    if (ok) { this.set({ notice: { key: 'callRecovered' } }); return; }
    this.set({ notice: { key: 'callLostOnReconnect' } });
    await this.endSession(call.session);
  }

  /**
   * Click-to-call. Refuses (with a reason code) invalid numbers, the not-called tab, calls while
   * unregistered and a second call. Dials in the PBX's format.
   */
  call(number: string, ctx: { orderId: number | null; tab?: QueueTab | null }): CallResult {
    const refuse = (code: CallRefusal): CallResult => ({ ok: false, code, message: REFUSAL_MESSAGES[code] });
    const parsed = parsePhone(number);
    if (!parsed.ok) return { ok: false, code: 'invalidNumber', message: parsed.message };
    if (ctx.tab && !isCallableTab(ctx.tab)) return refuse('notCalledTab');
    if (this.active) return refuse('callInProgress');
    if (!this.ua || this.store.getState().registration !== 'registered') return refuse('notRegistered');
    const target = UserAgent.makeURI(`sip:${formatPhoneForDial(parsed.e164, this.config.dialFormat)}@${this.config.domain}`);
    if (!target) return refuse('invalidNumber');
    const inviter = new Inviter(this.ua, target, { sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
    const call: ActiveCall = {
      session: inviter, callId: inviter.request.callId, orderId: ctx.orderId, direction: 'outbound',
      startedAt: nowIso(), answeredAt: null, outcome: null, noAnswerTimer: null, logged: false, transportDropped: false,
    };
    this.active = call;
    this.set({ notice: null, call: { ...idleCall(), phase: 'dialing', callId: call.callId, direction: 'outbound', remoteNumber: parsed.e164, orderId: ctx.orderId } });
    this.agent('dialing');
    this.watchSession(call);
    call.noAnswerTimer = setTimeout(() => {
      if (this.active !== call || call.answeredAt) return;
      call.outcome = 'noAnswer';
      void inviter.cancel().catch(() => undefined);
    }, this.config.noAnswerTimeoutMs);
    inviter.invite({
      requestDelegate: {
        onProgress: (response: IncomingResponse) => {
          if (response.message.statusCode === 180 || response.message.statusCode === 183) {
            if (this.store.getState().call.phase === 'dialing') { this.setCall({ phase: 'ringing' }); this.agent('ringing'); }
          }
        },
        onReject: (response: IncomingResponse) => {
          const cancelledBy = call.outcome === 'cancelled' ? 'operator' : call.outcome === 'noAnswer' ? 'timeout' : null;
          call.outcome = outcomeFromResponse(response.message.statusCode ?? 0, cancelledBy);
        },
      },
    }).catch(() => {
      // e.g. no microphone (getUserMedia) or the transport refused the INVITE
      call.outcome ??= 'failed';
      this.set({ notice: { key: 'callSetupFailed' } });
      void this.endSession(inviter);
    });
    return { ok: true, callId: call.callId };
  }

  private watchSession(call: ActiveCall): void {
    call.session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        call.answeredAt = nowIso();
        call.outcome = 'answered';
        if (call.noAnswerTimer) clearTimeout(call.noAnswerTimer);
        this.stopRinging();
        this.attachRemoteAudio(call.session);
        this.applyTrackEnabled();
        this.setCall({ phase: 'established', timerStartedAt: Date.now() });
        this.agent('talking');
        this.startQuality(call);
      } else if (state === SessionState.Terminated) {
        // SIP.js terminates the Inviter before calling requestDelegate.onReject: let that set the outcome first
        queueMicrotask(() => this.finish(call));
      }
    });
  }

  private finish(call: ActiveCall): void {
    if (call.logged) return;
    call.logged = true;
    if (call.noAnswerTimer) clearTimeout(call.noAnswerTimer);
    this.stopRinging();
    this.stopQuality();
    if (this.remoteAudio) { this.remoteAudio.srcObject = null; }
    const outcome: CallOutcome = call.answeredAt ? 'answered' : (call.outcome ?? 'failed');
    if (this.active === call) this.active = null;
    this.setCall({ phase: 'ended', lastOutcome: outcome, held: false, holdPending: false, muted: false });
    if (call.orderId !== null) {
      this.ports.onCallLogged({ callId: call.callId, orderId: call.orderId, startedAt: call.startedAt, answeredAt: call.answeredAt, endedAt: nowIso(), outcome });
    }
    this.agent('wrapUp');
  }

  /** The operator saved the call's result: wrap-up ends, the call bar is cleared. */
  resultSaved(): void {
    if (this.active) return;
    this.set({ call: idleCall() });
    this.agent(this.store.getState().registration === 'registered' ? 'ready' : 'offline');
  }

  /** Hangs up: BYE when established, CANCEL while ringing out (outcome cancelled), 486 for an unanswered inbound call. */
  async hangup(): Promise<void> {
    const call = this.active;
    if (!call) return;
    if (!call.answeredAt && call.direction === 'outbound' && !call.outcome) call.outcome = 'cancelled';
    await this.endSession(call.session);
  }

  private async endSession(session: Session): Promise<void> {
    try {
      switch (session.state) {
        case SessionState.Initial:
        case SessionState.Establishing:
          if (session instanceof Inviter) await session.cancel();
          else if (session instanceof Invitation) await session.reject({ statusCode: 486 });
          break;
        case SessionState.Established:
          await session.bye();
          break;
        default:
          break;
      }
    } catch {
      await session.dispose().catch(() => undefined);
    }
  }

  /** Answers the ringing inbound call with the chosen microphone. */
  async answer(): Promise<void> {
    const call = this.active;
    if (!call || !(call.session instanceof Invitation) || call.session.state !== SessionState.Initial) return;
    this.stopRinging();
    await call.session.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } }).catch(() => { call.outcome = 'failed'; });
  }

  /** Rejects the ringing inbound call (busy). */
  async reject(): Promise<void> {
    const call = this.active;
    if (call?.session instanceof Invitation && call.session.state === SessionState.Initial) await call.session.reject({ statusCode: 486 });
  }

  private async onInvite(invitation: Invitation): Promise<void> {
    if (this.active) { await invitation.reject({ statusCode: 486 }).catch(() => undefined); return; }
    const user = invitation.remoteIdentity.uri.user ?? '';
    const parsed = parsePhone(user);
    const remote = parsed.ok ? parsed.e164 : user;
    const call: ActiveCall = {
      session: invitation, callId: invitation.request.callId, orderId: null, direction: 'inbound',
      startedAt: nowIso(), answeredAt: null, outcome: null, noAnswerTimer: null, logged: false, transportDropped: false,
    };
    this.active = call;
    this.watchSession(call);
    invitation.stateChange.addListener((s) => { if (s === SessionState.Terminated && !call.answeredAt) call.outcome ??= 'noAnswer'; });
    // screen pop BEFORE the operator can answer
    if (parsed.ok && this.ports.lookupCaller) {
      const info = await this.ports.lookupCaller(parsed.e164).catch(() => null);
      call.orderId = info?.orderId ?? null;
    }
    if (this.active !== call || invitation.state !== SessionState.Initial) return;
    this.set({ notice: null, call: { ...idleCall(), phase: 'incoming', callId: call.callId, direction: 'inbound', remoteNumber: remote, orderId: call.orderId } });
    this.agent('ringing');
    this.ports.bringToFront?.();
    await invitation.progress().catch(() => undefined);
    this.startRinging();
  }

  /** Mutes/unmutes the microphone (sender track disabled; the call stays up). */
  setMuted(muted: boolean): void {
    this.setCall({ muted });
    this.applyTrackEnabled();
  }

  private applyTrackEnabled(): void {
    const sdh = this.sdh();
    if (!sdh) return;
    const { muted, held } = this.store.getState().call;
    sdh.enableSenderTracks(!muted && !held);
  }

  private sdh(): Web.SessionDescriptionHandler | null {
    const h = this.active?.session.sessionDescriptionHandler;
    return h instanceof Web.SessionDescriptionHandler ? h : null;
  }

  /** The negotiated direction of our audio transceiver (the real SDP state). */
  private negotiatedHeld(): boolean {
    const t = this.sdh()?.peerConnection?.getTransceivers().find((x) => x.receiver.track.kind === 'audio');
    return t?.currentDirection === 'sendonly' || t?.currentDirection === 'inactive';
  }

  /** Holds/resumes with a re-INVITE; the UI follows the negotiated SDP (trap 4). Resolves to the real held state. */
  async setHeld(hold: boolean): Promise<boolean> {
    const call = this.active;
    if (!call?.answeredAt || call.session.state !== SessionState.Established) return false;
    const session = call.session;
    const previous = session.sessionDescriptionHandlerOptionsReInvite;
    session.sessionDescriptionHandlerOptionsReInvite = { ...previous, hold } as typeof previous;
    this.setCall({ holdPending: true });
    const accepted = await new Promise<boolean>((resolve) => {
      session.invite({
        requestDelegate: { onAccept: () => resolve(true), onReject: () => resolve(false) },
      }).catch(() => resolve(false));
    });
    if (!accepted) session.sessionDescriptionHandlerOptionsReInvite = previous;
    const held = this.negotiatedHeld();
    this.setCall({ held, holdPending: false, phase: held ? 'held' : 'established' });
    this.applyTrackEnabled();
    this.agent(held ? 'hold' : 'talking');
    if (!accepted) this.set({ notice: { key: hold ? 'holdFailed' : 'resumeFailed' } });
    return held;
  }

  /** Sends DTMF tones by the configured method; resolves true once sent (INFO: once answered). */
  async sendDtmf(tones: string): Promise<boolean> {
    const call = this.active;
    if (!call?.answeredAt || !/^[0-9A-D#*]+$/.test(tones)) return false;
    if (this.config.dtmfMethod === 'rfc4733') {
      // insertDTMF replaces the sender's pending tones: append to them so fast keypad presses queue.
      const pending = this.sdh()?.peerConnection?.getSenders().find((s) => s.track?.kind === 'audio')?.dtmf?.toneBuffer ?? '';
      return this.sdh()?.sendDtmf(pending + tones, { duration: 100, interToneGap: 70 }) ?? false;
    }
    for (const tone of tones) {
      const ok = await new Promise<boolean>((resolve) => {
        call.session.info({
          requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=100` } },
          requestDelegate: { onAccept: () => resolve(true), onReject: () => resolve(false) },
        }).catch(() => resolve(false));
      });
      if (!ok) return false;
    }
    return true;
  }

  /** Blind transfer (REFER) to a number or SIP user; the call ends when the PBX accepts it. */
  async transfer(target: string): Promise<boolean> {
    const call = this.active;
    if (!call?.answeredAt || !this.ua) return false;
    const parsed = parsePhone(target);
    const user = parsed.ok ? formatPhoneForDial(parsed.e164, this.config.dialFormat) : target.trim();
    if (!/^[\w.+*#-]+$/.test(user)) return false;
    const uri = UserAgent.makeURI(`sip:${user}@${this.config.domain}`);
    if (!uri) return false;
    return new Promise<boolean>((resolve) => {
      call.session.refer(uri, {
        requestDelegate: {
          onAccept: () => { resolve(true); void this.endSession(call.session); },
          onReject: () => resolve(false),
        },
      }).catch(() => resolve(false));
    });
  }

  private attachRemoteAudio(session: Session): void {
    const sdh = session.sessionDescriptionHandler;
    if (!(sdh instanceof Web.SessionDescriptionHandler)) return;
    if (!this.remoteAudio) { this.remoteAudio = new Audio(); this.remoteAudio.autoplay = true; }
    this.remoteAudio.srcObject = sdh.remoteMediaStream;
    void this.applySink(this.remoteAudio, this.store.getState().devices.outputId);
    void this.remoteAudio.play().catch(() => undefined);
  }

  private startRinging(): void {
    if (!this.ringtone) {
      this.ringtone = new Audio(this.ports.ringtoneUrl ?? createRingtoneUrl());
      this.ringtone.loop = true;
    }
    const { ringId, outputId } = this.store.getState().devices;
    void this.applySink(this.ringtone, ringId ?? outputId);
    this.ringtone.currentTime = 0;
    void this.ringtone.play().catch(() => this.set({ notice: { key: 'ringtoneBlocked' } }));
  }

  private stopRinging(): void { this.ringtone?.pause(); }

  /** True while the ringtone element is playing (for the UI and tests). */
  get ringing(): boolean { return !!this.ringtone && !this.ringtone.paused; }

  private async applySink(el: HTMLAudioElement, deviceId: string | null): Promise<void> {
    const withSink = el as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (!withSink.setSinkId) return;
    await withSink.setSinkId(deviceId ?? '').catch(() => undefined);
  }

  private async loadDevicePrefs(): Promise<void> {
    const s = this.ports.settings;
    if (!s) return;
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    const [input, output, ring] = await Promise.all([s.get(SETTINGS_KEYS.input), s.get(SETTINGS_KEYS.output), s.get(SETTINGS_KEYS.ring)].map((p) => p.catch(() => null)));
    this.store.setState((st) => ({ devices: { ...st.devices, inputId: str(input), outputId: str(output), ringId: str(ring) } }));
  }

  /** Re-reads the device lists; on a vanished microphone during a call, falls back to the default one. */
  async refreshDevices(fallback: boolean): Promise<void> {
    const list = await navigator.mediaDevices?.enumerateDevices?.().catch(() => [] as MediaDeviceInfo[]) ?? [];
    const pick = (kind: MediaDeviceKind) => list.filter((d) => d.kind === kind).map((d) => ({ deviceId: d.deviceId, label: d.label }));
    const inputs = pick('audioinput');
    const outputs = pick('audiooutput');
    const { inputId } = this.store.getState().devices;
    this.store.setState((st) => ({ devices: { ...st.devices, inputs, outputs } }));
    if (fallback && inputId && inputs.length > 0 && !inputs.some((d) => d.deviceId === inputId)) await this.switchInput(null, false);
  }

  /** Chooses the microphone (remembered); during a call the sender track is replaced in place. */
  async setInputDevice(deviceId: string | null): Promise<void> { await this.switchInput(deviceId, true); }

  private async switchInput(deviceId: string | null, remember: boolean): Promise<void> {
    this.store.setState((st) => ({ devices: { ...st.devices, inputId: deviceId } }));
    if (remember) await this.ports.settings?.set(SETTINGS_KEYS.input, deviceId ?? '').catch(() => undefined);
    const sender = this.sdh()?.peerConnection?.getSenders().find((s) => s.track?.kind === 'audio');
    if (!sender) return;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false });
    const track = stream.getAudioTracks()[0];
    if (!track) return;
    const old = sender.track;
    await sender.replaceTrack(track);
    old?.stop();
    this.applyTrackEnabled();
  }

  /** Chooses the speaker/headset for the call audio (remembered); applied live with setSinkId. */
  async setOutputDevice(deviceId: string | null): Promise<void> {
    this.store.setState((st) => ({ devices: { ...st.devices, outputId: deviceId } }));
    await this.ports.settings?.set(SETTINGS_KEYS.output, deviceId ?? '').catch(() => undefined);
    if (this.remoteAudio) await this.applySink(this.remoteAudio, deviceId);
  }

  /** Chooses where the ringtone plays (e.g. loudspeaker while the headset is off); remembered. */
  async setRingDevice(deviceId: string | null): Promise<void> {
    this.store.setState((st) => ({ devices: { ...st.devices, ringId: deviceId } }));
    await this.ports.settings?.set(SETTINGS_KEYS.ring, deviceId ?? '').catch(() => undefined);
    if (this.ringtone) await this.applySink(this.ringtone, deviceId);
  }

  /** Microphone level 0..1 from an AudioContext analyser on the chosen mic; returns a stop function. */
  async watchMicLevel(onLevel: (level: number) => void): Promise<() => void> {
    const id = this.store.getState().devices.inputId;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: id ? { deviceId: { ideal: id } } : true, video: false });
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    ctx.createMediaStreamSource(stream).connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(buf);
      let sum = 0;
      for (const v of buf) sum += v * v;
      onLevel(Math.min(1, Math.sqrt(sum / buf.length) * 4));
    }, 100);
    return () => { clearInterval(timer); stream.getTracks().forEach((t) => t.stop()); void ctx.close(); };
  }

  private startQuality(call: ActiveCall): void {
    this.stopQuality();
    this.lastStats = null;
    this.qualityTimer = setInterval(() => { void this.sampleQuality(call); }, this.config.qualityIntervalMs);
  }

  private stopQuality(): void {
    if (this.qualityTimer) clearInterval(this.qualityTimer);
    this.qualityTimer = null;
  }

  /** One getStats sample: RTT (remote-inbound-rtp or the ICE pair), jitter and loss of what we receive. */
  async sampleQuality(call: ActiveCall | null = this.active): Promise<CallQuality | null> {
    const pc = call && call === this.active ? this.sdh()?.peerConnection : undefined;
    if (!call || !pc) return null;
    const stats = await pc.getStats();
    let rtt: number | null = null;
    let pairRtt: number | null = null;
    let jitter: number | null = null;
    let lost = 0;
    let received = 0;
    stats.forEach((r: Record<string, unknown>) => {
      if (r.type === 'remote-inbound-rtp' && typeof r.roundTripTime === 'number') rtt = r.roundTripTime * 1000;
      if (r.type === 'candidate-pair' && r.nominated && typeof r.currentRoundTripTime === 'number') pairRtt = r.currentRoundTripTime * 1000;
      if (r.type === 'inbound-rtp' && r.kind === 'audio') {
        if (typeof r.jitter === 'number') jitter = r.jitter * 1000;
        lost += typeof r.packetsLost === 'number' ? r.packetsLost : 0;
        received += typeof r.packetsReceived === 'number' ? r.packetsReceived : 0;
      }
    });
    const prev = this.lastStats;
    this.lastStats = { lost, received };
    const dLost = prev ? lost - prev.lost : lost;
    const dTotal = dLost + (prev ? received - prev.received : received);
    const clamp = (v: number | null) => (v === null ? null : Math.min(60_000, Math.max(0, Math.round(v * 10) / 10)));
    const quality: CallQuality = {
      rttMs: clamp(rtt ?? pairRtt),
      jitterMs: clamp(jitter),
      lossPct: dTotal > 0 ? Math.min(100, Math.max(0, Math.round((dLost / dTotal) * 1000) / 10)) : null,
    };
    if (this.active === call) {
      this.setCall({ quality });
      this.ports.onQuality?.(call.callId, quality);
    }
    return quality;
  }
}

/** Creates the softphone service (not started) bound to `useCallStore`. */
export function createSoftphone(config: SoftphoneConfig, ports: SoftphonePorts, store: CallStore = useCallStore): SoftphoneService {
  return new SoftphoneService(config, ports, store);
}
