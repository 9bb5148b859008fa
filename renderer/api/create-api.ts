/**
 * The renderer's api: `window.api` (Electron preload) when present, otherwise the browser-mode
 * socket client on this page's host with the token from `location.search`. Same contract, same
 * replies; no feature exists in one transport only.
 */
import type { Api } from '../../shared/ipc/contract';
import { createSocketApi, socketUrlFromLocation, type SocketCtor } from './socket-client';

/** Returns the api for this page. */
export function createApi(): Api {
  const injected = (globalThis as { api?: Api }).api;
  if (injected) return injected;
  return createSocketApi({ url: socketUrlFromLocation(window.location), WebSocketImpl: WebSocket as unknown as SocketCtor });
}
