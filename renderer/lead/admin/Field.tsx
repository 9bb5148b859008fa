/** Labelled form controls of the admin screens, with an error line tied to the control. */
import { useId, type ReactNode } from 'react';

interface Common { label: string; error?: string | undefined; hint?: ReactNode }

/** A text-like input with its label. */
export function TextField({ label, error, hint, value, onChange, type = 'text', ...rest }: Common & {
  value: string; onChange(v: string): void; type?: string; required?: boolean; disabled?: boolean; list?: string; inputMode?: 'numeric' | 'decimal' | 'text'; autoComplete?: string;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className="lead-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} {...rest} />
      {hint ? <small id={`${id}-hint`} className="muted">{hint}</small> : null}
      {error ? <span id={`${id}-err`} className="lead-field-error">{error}</span> : null}
    </div>
  );
}

/** A select with its label. */
export function SelectField({ label, error, value, onChange, options }: Common & {
  value: string; onChange(v: string): void; options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="lead-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error ? <span id={`${id}-err`} className="lead-field-error">{error}</span> : null}
    </div>
  );
}

/** A checkbox with its label. */
export function CheckField({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="lead-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** Field errors of a zod issue list, keyed by the first path element. */
export function issuesByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? '_');
    out[key] ??= i.message;
  }
  return out;
}
