/**
 * A real HTTP receiver of webhooks on loopback for tests: each request is answered as `decide`
 * says — `ok` (200), `fail` (500), `hang` (no answer until the sender gives up or the receiver
 * closes), `close` (the socket destroyed without an answer). It records every request and any
 * moment an event id arrives while an earlier request with the same id is still open.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'ok' | 'fail' | 'hang' | 'close';
export type Received = { eventId: number; body: string; headers: IncomingHttpHeaders; answer: Behaviour; seq: number };

export type Receiver = {
  url: string;
  received: Received[];
  /** Event ids that arrived while another request for the same id was still open. */
  overlaps: number[];
  /** The requests answered 200 (in answer order). */
  delivered(): Received[];
  close(): Promise<void>;
};

/** Starts a receiver; `decide(r, nth)` picks the answer of the nth (1-based) request for r's event id. */
export async function startReceiver(decide: (r: Omit<Received, 'answer'>, nth: number) => Behaviour, answerDelayMs = 0): Promise<Receiver> {
  const received: Received[] = [];
  const overlaps: number[] = [];
  const open = new Map<number, number>();
  const okOrder: Received[] = [];
  let seq = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => { body += d; });
    req.on('end', () => {
      const eventId = Number(req.headers['x-prozvon-event-id']);
      if ((open.get(eventId) ?? 0) > 0) overlaps.push(eventId);
      open.set(eventId, (open.get(eventId) ?? 0) + 1);
      let closed = false;
      const done = () => {
        if (closed) return;
        closed = true;
        open.set(eventId, (open.get(eventId) ?? 1) - 1);
      };
      res.on('close', done);
      const base = { eventId, body, headers: req.headers, seq: ++seq };
      const nth = received.filter((r) => r.eventId === eventId).length + 1;
      const answer = decide(base, nth);
      const r: Received = { ...base, answer };
      received.push(r);
      if (answer === 'hang') return;
      if (answer === 'close') {
        done();
        req.socket.destroy();
        return;
      }
      const reply = () => {
        // Counted as closed before the sender can see the answer (no false overlap with its next request).
        done();
        if (answer === 'ok') okOrder.push(r);
        res.writeHead(answer === 'ok' ? 200 : 500, { 'content-type': 'text/plain' }).end(answer);
      };
      if (answerDelayMs > 0) setTimeout(reply, answerDelayMs);
      else reply();
    });
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    overlaps,
    delivered: () => [...okOrder],
    async close() {
      server.closeAllConnections();
      await new Promise<void>((res) => server.close(() => res()));
    },
  };
}

/** Polls `cond` every 50 ms until it holds or `ms` pass (then throws `what`). */
export async function until(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
