/** The desk's keyboard map (one list, shown by the F1 overlay) and a hook to bind a key. */
import { useEffect, useRef } from 'react';

/** One hotkey of the help overlay: the key combination and the i18n key of its action. */
export interface HotkeyInfo { keys: string; action: string }

/** Every hotkey of the operator's desk, in the order the F1 overlay lists them. */
export const HOTKEYS: readonly HotkeyInfo[] = [
  { keys: 'F1', action: 'hotkeys.help' },
  { keys: 'F2', action: 'hotkeys.next' },
  { keys: 'F3', action: 'hotkeys.call' },
  { keys: 'F4', action: 'hotkeys.hangup' },
  { keys: 'Ctrl+M', action: 'hotkeys.mute' },
  { keys: 'Ctrl+H', action: 'hotkeys.hold' },
  { keys: 'F5', action: 'hotkeys.confirm' },
  { keys: 'F6', action: 'hotkeys.callback' },
  { keys: 'F7', action: 'hotkeys.noAnswer' },
  { keys: 'F8', action: 'hotkeys.cancel' },
  { keys: 'F9', action: 'hotkeys.invalid' },
  { keys: 'Ctrl+K', action: 'hotkeys.objections' },
  { keys: 'Alt+1…9', action: 'hotkeys.objectionN' },
  { keys: 'Ctrl+D', action: 'hotkeys.delivery' },
  { keys: 'F10', action: 'hotkeys.settings' },
  { keys: 'Esc', action: 'hotkeys.escape' },
];

/** Whether a keyboard event matches a combination such as `F2`, `Ctrl+K`, `Alt+3`, `Escape`. */
export function matchesKey(e: KeyboardEvent, combo: string): boolean {
  const parts = combo.split('+');
  const key = parts.pop() ?? '';
  const want = new Set(parts.map((p) => p.toLowerCase()));
  if (want.has('ctrl') !== (e.ctrlKey || e.metaKey)) return false;
  if (want.has('alt') !== e.altKey) return false;
  if (want.has('shift') !== e.shiftKey) return false;
  if (/^\d$/.test(key)) return e.code === `Digit${key}` || e.key === key;
  if (key.length === 1) return e.key.toLowerCase() === key.toLowerCase() || e.code === `Key${key.toUpperCase()}`;
  return e.key === key;
}

/**
 * Binds a key combination on the window while `enabled`; the default browser action (F5 reload,
 * F1 help, Ctrl+K search…) is prevented. The latest handler is always called.
 */
export function useHotkey(combo: string, handler: (e: KeyboardEvent) => void, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => { ref.current = handler; });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (!matchesKey(e, combo)) return;
      e.preventDefault();
      ref.current(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [combo, enabled]);
}
