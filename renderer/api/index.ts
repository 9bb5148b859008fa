/** The renderer's transport client (Electron preload bridge or browser-mode socket). */
export { createApi } from './create-api';
export { createSocketApi, socketUrlFromLocation, type SocketCtor, type SocketLike } from './socket-client';
