/**
 * A modal dialog's keyboard contract, one hook for every dialog of the app (F1 help, F10 settings,
 * the lead's dialogs): focus moves in on open, Tab and Shift+Tab stay inside, the close keys (Esc,
 * and the key that opened it) close it, and focus returns where it was on close.
 */
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]', 'button:not([disabled])', 'input:not([disabled]):not([type="hidden"])', 'select:not([disabled])',
  'textarea:not([disabled])', '[tabindex]:not([tabindex="-1"])',
].join(', ');

/** The elements Tab walks through inside a container, in document order. */
export function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden], [inert]'));
}

export interface DialogFocusOptions {
  /** Keys that close the dialog besides Escape (e.g. the F-key that opened it). */
  closeKeys?: readonly string[];
  /** Modal over the desk: no key pressed inside reaches the desk's hotkeys (F-keys do nothing). */
  isolateKeys?: boolean;
}

/**
 * Binds the dialog box `box`: returns the onKeyDown handler to put on it. Initial focus: the first
 * focusable element inside (an element with autoFocus may take it right after), else the box.
 */
export function useDialogFocus(box: RefObject<HTMLElement | null>, onClose: () => void, options: DialogFocusOptions = {}) {
  const close = useRef(onClose);
  useEffect(() => { close.current = onClose; });
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = box.current;
    if (el && !el.contains(document.activeElement)) (focusables(el)[0] ?? el).focus();
    return () => { if (before?.isConnected) before.focus(); };
  }, [box]);

  const closeKeys = options.closeKeys ?? [];
  const isolate = options.isolateKeys ?? false;
  return (e: KeyboardEvent) => {
    const el = box.current;
    if (!el) return;
    if (e.key === 'Escape' || closeKeys.includes(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      close.current();
      return;
    }
    if (e.key === 'Tab') {
      const items = focusables(el);
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) { e.preventDefault(); el.focus(); return; }
      const at = document.activeElement;
      if (e.shiftKey && (at === first || at === el || !el.contains(at))) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && (at === last || !el.contains(at))) { e.preventDefault(); first.focus(); }
    }
    if (isolate) {
      e.stopPropagation();
      if (/^F\d+$/.test(e.key)) e.preventDefault();
    }
  };
}
