/**
 * Browser mode wire format: the IPC contract carried over a loopback WebSocket at `/ipc?t=TOKEN`.
 * Client → host: `call` frames; host → client: `reply` frames (the same `{ok,value}` /
 * `{ok:false,error}` reply as Electron's IPC) and `event` frames. JSON text frames only.
 */
import { z } from 'zod';
import { IpcErrorBody } from './contract';

/** URL path of the socket. */
export const SOCKET_PATH = '/ipc';
/** Query parameter carrying the host's random token. */
export const TOKEN_PARAM = 't';
/** Largest accepted frame (bytes). */
export const MAX_FRAME_BYTES = 1_000_000;

export const CallFrame = z.object({
  type: z.literal('call'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  channel: z.string().min(1).max(100),
  arg: z.unknown(),
});
export type CallFrame = z.infer<typeof CallFrame>;

export const Reply = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: IpcErrorBody }),
]);

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), id: z.number().int(), reply: Reply }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
