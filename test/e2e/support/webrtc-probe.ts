/**
 * Browser-side probes shared by the SIP test pages: records every RTCPeerConnection created in
 * the page and the time each SIP request leaves over the WebSocket (for tests and the bench).
 */

export interface WireEvent { method: string; callId: string; at: number }

declare global {
  interface Window {
    __pcs: RTCPeerConnection[];
    __wire: WireEvent[];
    __dtmfTones: string[];
    /** bytes sent/received by the latest peer connection's audio RTP streams */
    __audioBytes(): Promise<{ sent: number; received: number }>;
    /** the negotiated direction of the latest peer connection's audio transceiver */
    __audioDirection(): string | null;
  }
}

/** Installs the probes (call once, before any SIP.js object exists). */
export function installWebRtcProbes(): void {
  // functions passed to page.evaluate from code run by tsx (esbuild keepNames) call __name()
  const g = globalThis as { __name?: (f: unknown) => unknown };
  g.__name ??= (f) => f;
  window.__pcs = [];
  window.__wire = [];
  window.__dtmfTones = [];
  const Native = window.RTCPeerConnection;
  class Recorded extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      window.__pcs.push(this);
    }
    override addTrack(track: MediaStreamTrack, ...streams: MediaStream[]): RTCRtpSender {
      const sender = super.addTrack(track, ...streams);
      if (sender.dtmf) sender.dtmf.addEventListener('tonechange', (e) => { if (e.tone) window.__dtmfTones.push(e.tone); });
      return sender;
    }
  }
  window.RTCPeerConnection = Recorded;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
    if (typeof data === 'string') {
      const method = /^([A-Z]+) sip:/.exec(data)?.[1];
      const callId = /\r\nCall-ID:\s*(\S+)/i.exec(data)?.[1];
      if (method && callId) window.__wire.push({ method, callId, at: performance.now() });
    }
    return send.call(this, data);
  };
  window.__audioBytes = async () => {
    const pc = window.__pcs[window.__pcs.length - 1];
    let sent = 0;
    let received = 0;
    if (!pc) return { sent, received };
    (await pc.getStats()).forEach((r: Record<string, unknown>) => {
      if (r.type === 'outbound-rtp' && r.kind === 'audio') sent += Number(r.bytesSent ?? 0);
      if (r.type === 'inbound-rtp' && r.kind === 'audio') received += Number(r.bytesReceived ?? 0);
    });
    return { sent, received };
  };
  window.__audioDirection = () => {
    const pc = window.__pcs[window.__pcs.length - 1];
    const t = pc?.getTransceivers().find((x) => x.receiver.track.kind === 'audio');
    return t?.currentDirection ?? null;
  };
}
