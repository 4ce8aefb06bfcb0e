'use client';

/** Labelled form fields for the controls panel. Every field has a visible label and an optional hint. */
import { useId, useState, type ReactNode } from 'react';
import { parseDecimal } from '@/lib/scenario/field-kinds';

const inputClass =
  'h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 aria-invalid:border-red-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="text-xs text-slate-700 dark:text-slate-300">
      {children}
    </p>
  );
}

/** A visible label above its control, with an optional hint the control is described by. */
function FieldShell({ id, label, hint, children }: { id: string; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      <Hint id={`${id}-hint`}>{hint}</Hint>
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint}>
      <select id={id} className={inputClass} value={value} onChange={(e) => onChange(e.target.value as T)} aria-describedby={hint ? `${id}-hint` : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/**
 * A whole number, or with `decimals` a number with at most that many digits after the point; what is typed
 * stays in the box until it is valid, and only then reaches the scenario.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  decimals = 0,
  unit,
  onCommit,
  hint,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  decimals?: number;
  unit?: string;
  onCommit: (value: number) => void;
  hint?: ReactNode;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const parse = (typed: string) => (decimals ? parseDecimal(typed, decimals) : /^\d+$/.test(typed) ? Number(typed) : NaN);
  const parsed = parse(text);
  const invalid = !(parsed >= min && parsed <= max);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
        {unit ? <span className="font-normal text-slate-700 dark:text-slate-300"> ({unit})</span> : null}
      </label>
      <input
        id={id}
        className={inputClass}
        inputMode={decimals ? 'decimal' : 'numeric'}
        value={text}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint ${id}-error`}
        onChange={(e) => {
          const next = e.target.value.trim();
          const n = parse(next);
          if (n >= min && n <= max) {
            setDraft(null);
            onCommit(n);
          } else {
            setDraft(next);
          }
        }}
        onBlur={() => setDraft(null)}
      />
      {invalid ? (
        <p id={`${id}-error`} className="text-xs text-red-800 dark:text-red-300">
          {decimals ? `Enter a number from ${min} to ${max} with at most ${decimals} digits after the point` : `Enter a whole number from ${min} to ${max}`}; the last valid value ({value}) is in use.
        </p>
      ) : null}
      <Hint id={`${id}-hint`}>{hint}</Hint>
    </div>
  );
}

export function TextField({ label, value, onChange, hint, maxLength }: { label: string; value: string; onChange: (value: string) => void; hint?: ReactNode; maxLength: number }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint}>
      <input id={id} className={`${inputClass} font-mono`} value={value} maxLength={maxLength} spellCheck={false} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
    </FieldShell>
  );
}

export function CheckboxField({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex items-center gap-2">
        <input id={id} type="checkbox" className="h-4 w-4 accent-blue-700" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      <Hint id={`${id}-hint`}>{hint}</Hint>
    </div>
  );
}

export function Group({ legend, collapsed, children }: { legend: string; collapsed?: boolean; children: ReactNode }) {
  const fieldset = (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <legend className={collapsed ? 'sr-only' : 'px-1 text-sm font-semibold'}>{legend}</legend>
      {children}
    </fieldset>
  );
  if (!collapsed) return fieldset;
  // A long list of settings most runs leave alone starts closed; its summary says what is inside.
  return (
    <details className="group min-w-0 rounded-lg">
      <summary className="cursor-pointer rounded-md px-1 py-1 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-blue-600">{legend}</summary>
      <div className="pt-2">{fieldset}</div>
    </details>
  );
}
