/** The typed Api as a React context, so screens use the real bridge and tests inject an in-memory one. */
import { createContext, useContext, type ReactNode } from 'react';
import { badResponseText } from '../api/reply';
import { channels, type Api, type ChannelName, type IpcReply, type Req, type Res } from '../../shared/ipc/contract';

const ApiContext = createContext<Api | null>(null);

/** Provides the Api to the component tree. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The Api of the nearest provider; throws when none is mounted (a wiring bug). */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiProvider is missing');
  return api;
}

/** A failed IPC call: the `{code,message}` of the reply. */
export class ApiCallError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/**
 * Calls one channel and returns its value parsed with the contract's `res` schema (Electron and
 * socket transports alike), or throws ApiCallError with the reply's code (`bad_response` when the
 * value violates the schema).
 */
export async function call<C extends ChannelName>(api: Api, channel: C, req: Req<C>): Promise<Res<C>> {
  let reply: IpcReply<Res<C>>;
  try {
    const fn = api[channel] as (r: Req<C>) => Promise<IpcReply<Res<C>>>;
    reply = await fn(req);
  } catch (e) {
    throw new ApiCallError('offline', e instanceof Error ? e.message : String(e));
  }
  if (!reply.ok) throw new ApiCallError(reply.error.code, reply.error.message);
  const parsed = channels[channel].res.safeParse(reply.value);
  if (!parsed.success) throw new ApiCallError('bad_response', badResponseText(channel, parsed.error.issues));
  return parsed.data as Res<C>;
}

/** Error codes meaning "the server cannot be reached" rather than "the server said no". */
const UNREACHABLE = /offline|unreachable|network|timeout|econn|fetch|enotfound|socket/i;

/** Whether an error means the server is away (as opposed to a refusal). */
export function isUnreachable(e: unknown): boolean {
  return e instanceof ApiCallError ? UNREACHABLE.test(e.code) : true;
}

/** The code of an error (ApiCallError) or `unknown`. */
export function errorCode(e: unknown): string {
  return e instanceof ApiCallError ? e.code : 'unknown';
}
