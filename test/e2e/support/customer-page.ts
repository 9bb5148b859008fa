/**
 * Customer test page (bundled by sip-pages.ts): a second, plain SIP.js UserAgent that answers,
 * rejects with 486, never answers, or calls the operator, as the test asks.
 */
import { Invitation, Inviter, Registerer, SessionState, UserAgent, type Session } from 'sip.js';
import { installWebRtcProbes } from './webrtc-probe';

installWebRtcProbes();

/** answer; busy = 486; unavailable = 480 (e.g. a phone switched off); noAnswer = rings forever */
export type CustomerMode = 'answer' | 'busy' | 'unavailable' | 'noAnswer';

interface CustomerState {
  mode: CustomerMode;
  invites: number;
  cancels: number;
  infos: string[];
  sessionState: string | null;
  lastFinalStatus: number | null;
  /** when set, in-dialog re-INVITEs are answered with this status (e.g. 491 glare) */
  rejectReinviteWith: number | null;
  reinvitesRejected: number;
  /** Refer-To targets of REFERs received (blind transfers) */
  referredTo: string[];
}

const state: CustomerState = { mode: 'answer', invites: 0, cancels: 0, infos: [], sessionState: null, lastFinalStatus: null, rejectReinviteWith: null, reinvitesRejected: 0, referredTo: [] };
let ua: UserAgent | null = null;
let session: Session | null = null;

const sdhOptions = { iceGatheringTimeout: 500, peerConnectionConfiguration: { iceServers: [] } };
const media = { constraints: { audio: true, video: false } };

type ReinviteHook = { onInviteRequest(request: { reject(o: { statusCode: number }): unknown }): void };

function track(s: Session): void {
  session = s;
  // Session.onInviteRequest is SIP.js's (protected) handler of in-dialog INVITEs: wrap it to answer with an error
  const hooked = s as unknown as ReinviteHook;
  const original = hooked.onInviteRequest.bind(s);
  hooked.onInviteRequest = (request) => {
    if (state.rejectReinviteWith === null) { original(request); return; }
    state.reinvitesRejected++;
    request.reject({ statusCode: state.rejectReinviteWith });
  };
  state.sessionState = s.state;
  s.stateChange.addListener((st) => { state.sessionState = st; });
  s.delegate = {
    onInfo: (info) => {
      state.infos.push(info.request.body);
      void info.accept();
    },
    onRefer: (referral) => {
      state.referredTo.push(referral.referTo.uri.toString());
      void referral.accept();
    },
  };
}

const customer = {
  /** Registers as `user` (e.g. `+79123456789`) on the PBX. */
  async start(opts: { wsUrl: string; domain: string; user: string; mode: CustomerMode }): Promise<void> {
    state.mode = opts.mode;
    const uri = UserAgent.makeURI(`sip:${opts.user}@${opts.domain}`);
    if (!uri) throw new Error('bad uri');
    ua = new UserAgent({
      uri,
      transportOptions: { server: opts.wsUrl },
      sessionDescriptionHandlerFactoryOptions: sdhOptions,
      logBuiltinEnabled: false,
      delegate: {
        onInvite: (invitation: Invitation) => {
          state.invites++;
          track(invitation);
          invitation.delegate = { ...invitation.delegate, onCancel: () => { state.cancels++; } };
          if (state.mode === 'busy') void invitation.reject({ statusCode: 486 });
          else if (state.mode === 'unavailable') void invitation.reject({ statusCode: 480 });
          else if (state.mode === 'answer') void invitation.accept({ sessionDescriptionHandlerOptions: media });
          else void invitation.progress();
        },
      },
    });
    await ua.start();
    const registerer = new Registerer(ua);
    await new Promise<void>((resolve, reject) => {
      void registerer.register({ requestDelegate: { onAccept: () => resolve(), onReject: (r) => reject(new Error(`REGISTER ${r.message.statusCode}`)) } });
    });
  },
  setMode(mode: CustomerMode): void { state.mode = mode; },
  rejectReinviteWith(code: number | null): void { state.rejectReinviteWith = code; },
  /** Calls `target` (e.g. `operator1`). */
  async call(domain: string, target: string): Promise<void> {
    if (!ua) throw new Error('not started');
    const uri = UserAgent.makeURI(`sip:${target}@${domain}`);
    if (!uri) throw new Error('bad target');
    const inviter = new Inviter(ua, uri, { sessionDescriptionHandlerOptions: media });
    track(inviter);
    await inviter.invite({ requestDelegate: { onReject: (r) => { state.lastFinalStatus = r.message.statusCode ?? null; } } });
  },
  async hangup(): Promise<void> {
    const s = session;
    if (!s) return;
    if (s.state === SessionState.Established) await s.bye();
    else if (s instanceof Inviter && (s.state === SessionState.Initial || s.state === SessionState.Establishing)) await s.cancel();
    else if (s instanceof Invitation && s.state === SessionState.Initial) await s.reject();
  },
  /** Re-attempts the transport after a PBX restart and registers again. */
  async reconnect(): Promise<void> {
    if (!ua) return;
    await ua.reconnect();
    const registerer = new Registerer(ua);
    await new Promise<void>((resolve, reject) => {
      void registerer.register({ requestDelegate: { onAccept: () => resolve(), onReject: (r) => reject(new Error(`REGISTER ${r.message.statusCode}`)) } });
    });
  },
  state: (): CustomerState => ({ ...state, infos: [...state.infos], referredTo: [...state.referredTo] }),
};

declare global { interface Window { customer: typeof customer } }
window.customer = customer;
