/**
 * A labelled text input with suggestions: asks ~300 ms after the last keystroke, drops stale answers
 * (only the latest request's answer is shown), ↑/↓ move, Enter picks, Esc closes without losing text.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressSuggestion } from '../../shared/api/http';

/** Delay between the last keystroke and the suggestion request, ms. */
export const SUGGEST_DEBOUNCE_MS = 300;

export interface SuggestInputProps {
  label: string;
  value: string;
  onChange(text: string): void;
  fetch(q: string): Promise<AddressSuggestion[]>;
  onPick(s: AddressSuggestion): void;
  disabled?: boolean;
  className?: string;
  hint?: string;
  /** The rule field this input fills (`data-field`: a result key focuses the first missing one). */
  field?: string;
}

/** The suggestion input. */
export function SuggestInput({ label, value, onChange, fetch, onPick, disabled, className, hint, field }: SuggestInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const [items, setItems] = useState<AddressSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fetchRef = useRef(fetch);
  useEffect(() => { fetchRef.current = fetch; });
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  const ask = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    const mine = ++seq.current;
    timer.current = setTimeout(() => {
      setLoading(true);
      fetchRef.current(q).then((res) => {
        if (mine !== seq.current) return;
        setItems(res);
        setActive(0);
        setOpen(true);
        setLoading(false);
      }, () => { if (mine === seq.current) { setItems([]); setLoading(false); } });
    }, SUGGEST_DEBOUNCE_MS);
  };

  const pick = (s: AddressSuggestion) => {
    seq.current += 1;
    if (timer.current) clearTimeout(timer.current);
    setOpen(false);
    setItems([]);
    setLoading(false);
    onPick(s);
  };

  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (!open || items.length === 0) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(items.length - 1, a + 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)); }
    else if (e.key === 'Enter') { const s = items[active]; if (s) { e.preventDefault(); pick(s); } }
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setOpen(false); }
  };

  const listId = `${id}-list`;
  return (
    <div className={`field suggest ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} data-field={field} value={value} disabled={disabled} role="combobox" aria-expanded={open && items.length > 0} aria-controls={listId}
        aria-autocomplete="list" autoComplete="off" spellCheck={false}
        aria-activedescendant={open && items[active] ? `${id}-opt-${active}` : undefined}
        onChange={(e) => { onChange(e.target.value); ask(e.target.value); }}
        onFocus={() => { if (items.length > 0) setOpen(true); }}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onKeyDown={onKey} />
      {hint ? <span className="hint">{hint}</span> : null}
      {loading ? <span className="suggest-loading" aria-hidden="true">…</span> : null}
      {open && items.length > 0 ? (
        <ul id={listId} role="listbox" className="suggest-list" aria-label={t('suggest.list', { field: label })}>
          {items.map((s, i) => (
            <li key={s.id} id={`${id}-opt-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : ''}
              onMouseDown={(e) => { e.preventDefault(); pick(s); }}>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
