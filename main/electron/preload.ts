/**
 * The ONLY file using `ipcRenderer`: exposes `window.api` through `contextBridge` — one typed
 * method per contract channel plus `on(event, listener)`. Imports only electron and shared/.
 * Every reply is parsed with the channel's `res` schema by the renderer's `call()`
 * (renderer/app/api-context.tsx), the one entry point for both transports.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channels, events, type Api, type ChannelName, type EventName } from '../../shared/ipc/contract';

const methods = Object.fromEntries(
  (Object.keys(channels) as ChannelName[]).map((name) => [name, (req: unknown) => ipcRenderer.invoke(name, req ?? {})]),
);

const api = {
  ...methods,
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!Object.prototype.hasOwnProperty.call(events, event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(`event:${event}`, wrapped);
    return () => { ipcRenderer.removeListener(`event:${event}`, wrapped); };
  },
} as unknown as Api;

contextBridge.exposeInMainWorld('api', api);
