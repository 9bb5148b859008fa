/**
 * One shared minute tick for the desk's clocks (the customer's time, the calling window): only the
 * components that show a time subscribe, so the desk itself does not re-render every minute.
 */
import { useSyncExternalStore } from 'react';

const MINUTE_MS = 60_000;
const listeners = new Set<() => void>();
let current = floorMinute(Date.now());
let timer: ReturnType<typeof setTimeout> | null = null;

function floorMinute(ms: number): number {
  return ms - (ms % MINUTE_MS);
}

function schedule(): void {
  timer = setTimeout(() => {
    current = floorMinute(Date.now());
    listeners.forEach((l) => l());
    schedule();
  }, MINUTE_MS - (Date.now() % MINUTE_MS));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    current = floorMinute(Date.now());
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) { clearTimeout(timer); timer = null; }
  };
}

/** The current minute (epoch ms, seconds cut off); the caller re-renders when the minute turns. */
export function useMinute(): number {
  return useSyncExternalStore(subscribe, () => current);
}
