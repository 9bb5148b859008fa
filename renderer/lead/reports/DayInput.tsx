/**
 * A day field in `dd.mm.yyyy` whatever the browser's locale (a native date input follows the
 * system's format). Digits only are needed: the dots come by themselves; ↑/↓ move a day; the
 * field says when the text is not a real day. The value in and out is a day key (`YYYY-MM-DD`),
 * '' while the text is incomplete or wrong.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dayKeyToText, maskDayText, shiftDayKey, textToDayKey } from './day-text';

/** The labelled day field with its format hint (read by screen readers) or its error. */
export function DayInput({ label, value, onChange, required }: { label: string; value: string; onChange(key: string): void; required?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const [text, setText] = useState(() => dayKeyToText(value));
  // A value set from outside (not by typing here) replaces the text.
  useEffect(() => {
    setText((cur) => ((textToDayKey(cur) ?? '') === value ? cur : dayKeyToText(value)));
  }, [value]);
  const key = textToDayKey(text);
  const invalid = text.trim() !== '' && key === null;

  const type = (next: string) => {
    const masked = maskDayText(text, next);
    setText(masked);
    onChange(textToDayKey(masked) ?? '');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || key === null) return;
    e.preventDefault();
    const next = shiftDayKey(key, e.key === 'ArrowUp' ? 1 : -1);
    setText(dayKeyToText(next));
    onChange(next);
  };
  return (
    <div className="lead-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" className="lead-day num" inputMode="numeric" autoComplete="off" maxLength={10} required={required}
        placeholder={t('lead.reports.dayPlaceholder')} value={text} aria-invalid={invalid} aria-describedby={hintId}
        onChange={(e) => type(e.target.value)} onKeyDown={onKeyDown}
        onBlur={() => { if (key !== null) setText(dayKeyToText(key)); }} />
      <p id={hintId} className={invalid ? 'lead-field-error' : 'sr-only'}>{invalid ? t('lead.reports.dayInvalid') : t('lead.reports.dayHint')}</p>
    </div>
  );
}
