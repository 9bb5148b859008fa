/**
 * The ONLY file using `ipcMain`: registers every contract channel through one wrapper
 * (ipc-core's dispatcher) that accepts only our window's webContents and our origin.
 */
import { ipcMain, type WebContents } from 'electron';
import { channels, type EventName, type EventPayload } from '../../shared/ipc/contract';
import { createDispatcher, eventChannel, senderCheck, type Handlers, type TrustRule } from './ipc-core';

/** Registers all channels; returns a function removing them. */
export function registerIpc(handlers: Handlers, trust: TrustRule, onError?: (channel: string, e: unknown) => void): () => void {
  const dispatch = createDispatcher(handlers, senderCheck(trust), onError);
  const names = Object.keys(channels);
  for (const name of names) {
    ipcMain.handle(name, (event, arg: unknown) => dispatch({ id: event.sender.id, url: event.senderFrame?.url ?? null }, name, arg));
  }
  return () => { for (const name of names) ipcMain.removeHandler(name); };
}

/** Sends a contract event to our window. */
export function sendEvent<E extends EventName>(target: WebContents | null, event: E, payload: EventPayload<E>): void {
  if (target && !target.isDestroyed()) target.send(eventChannel(event), payload);
}
