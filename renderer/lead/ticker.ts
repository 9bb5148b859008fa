/**
 * One shared 1 s clock for every live cell of the lead screens (time in state, call duration,
 * time-based alerts): a single interval runs while at least one component listens.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const snapshot = () => now;

/** The current time in ms, refreshed once a second by the shared ticker. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** How many components listen to the ticker (tests check that rows share one interval). */
export function tickerListenerCount(): number {
  return listeners.size;
}

/** Whether the shared interval is running. */
export function tickerRunning(): boolean {
  return timer !== null;
}
