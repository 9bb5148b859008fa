/**
 * Keeps the board store live: one `GET board` on mount, then `live.message` events (`agent`,
 * `board`) applied as they come, and a refetch when the live channel (re)connects (`welcome`),
 * since events may have been missed meanwhile. No polling.
 */
import { useEffect } from 'react';
import type { Api } from '../../../shared/ipc/contract';
import { call } from '../../app/api-context';
import { useBoardStore } from '../board-store';
import { errorText } from '../lead-api';

/** Loads the board snapshot into the store (used on mount and on reconnect). */
export async function loadBoard(api: Api): Promise<void> {
  const store = useBoardStore.getState();
  try {
    const res = await call(api, 'lead.board', {});
    store.setServerInfo(res.thresholds, Date.parse(res.serverTime) - Date.now());
    store.setSnapshot(res.agents, res.queue);
  } catch (e) {
    store.setError(errorText(e));
  }
}

/** Subscribes the board store to the server while the calling component is mounted. */
export function useBoardLive(api: Api): void {
  useEffect(() => {
    void loadBoard(api);
    return api.on('live.message', (msg) => {
      if (msg.type === 'welcome') void loadBoard(api);
      else useBoardStore.getState().applyMessage(msg);
    });
  }, [api]);
}
