/**
 * The transport-independent core of the IPC wrapper: refuses untrusted senders, parses the
 * argument with the channel's zod schema (errors name the field), runs the handler and answers
 * `{ok:true,value}` or `{ok:false,error:{code,message}}`. Electron (ipc-handlers.ts) and the
 * browser-mode socket host both dispatch through it.
 */
import type { z } from 'zod';
import { channels, type ChannelName, type IpcReply } from '../../shared/ipc/contract';
import { AppError } from '../errors';

/** The parsed request of a channel (zod output, defaults applied). */
export type ReqOut<C extends ChannelName> = z.output<(typeof channels)[C]['req']>;
export type ResOut<C extends ChannelName> = z.output<(typeof channels)[C]['res']>;

/** One implementation per channel. */
export type Handlers = { [C in ChannelName]: (req: ReqOut<C>) => ResOut<C> | Promise<ResOut<C>> };

/** Who sent a call: Electron's webContents id and frame URL, or a socket host's session. */
export interface Sender { id: number | string; url: string | null }

/** Whether a channel name belongs to the contract. */
export const isChannel = (name: unknown): name is ChannelName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);

/** Formats zod issues as `field: message; …` (the root is named `request`). */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`).join('; ');
}

/** Builds the dispatcher. `isTrusted` decides on the sender before anything else runs. */
export function createDispatcher(handlers: Handlers, isTrusted: (s: Sender) => boolean, onError?: (channel: string, e: unknown) => void) {
  return async function dispatch(sender: Sender, channel: unknown, arg: unknown): Promise<IpcReply<unknown>> {
    if (!isTrusted(sender)) return { ok: false, error: { code: 'forbidden', message: 'Вызов отклонён: отправитель не является окном приложения.' } };
    if (!isChannel(channel)) return { ok: false, error: { code: 'unknown_channel', message: `Неизвестный канал: ${String(channel).slice(0, 100)}` } };
    const parsed = channels[channel].req.safeParse(arg === undefined ? {} : arg);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_request', message: `${channel}: ${describeIssues(parsed.error.issues)}` } };
    try {
      const handler = handlers[channel] as (req: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: value === undefined ? null : value };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.field && !e.message.includes(e.field) ? `${e.field}: ${e.message}` : e.message } };
      onError?.(channel, e);
      return { ok: false, error: { code: 'internal', message: `Внутренняя ошибка (${channel}): ${e instanceof Error ? e.message : String(e)}` } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

/** What a trusted sender is: our window's webContents, loaded from our app files or the dev URL. */
export interface TrustRule {
  /** The id of our window's webContents (null while no window exists). */
  webContentsId: () => number | null;
  /** Allowed http(s) origins (the dev server URL), e.g. `http://127.0.0.1:5173`. */
  origins: readonly string[];
  /** `file://` URL of the folder holding the built renderer; pages below it are ours. */
  fileRoot: string | null;
}

/** Builds the sender check of the Electron wrapper from a TrustRule. */
export function senderCheck(rule: TrustRule): (s: Sender) => boolean {
  return (s) => {
    const ours = rule.webContentsId();
    if (ours === null || s.id !== ours || !s.url) return false;
    let url: URL;
    try { url = new URL(s.url); } catch { return false; }
    if (url.protocol === 'file:') {
      if (!rule.fileRoot) return false;
      const root = rule.fileRoot.endsWith('/') ? rule.fileRoot : `${rule.fileRoot}/`;
      return `file://${url.pathname}`.startsWith(root) && !url.pathname.includes('/../');
    }
    return rule.origins.includes(url.origin);
  };
}

/** Channel name on which an event is delivered to the renderer. */
export const eventChannel = (name: string): string => `event:${name}`;
