'use client';

/**
 * A security group's or a network ACL's rules as text, one rule a line, in the share link's own syntax
 * (lib/scenario/network-rules.ts). What is typed stays in the box; it reaches the scenario only when it reads
 * as rules, and until then the box says what is wrong and the last valid rules stay in use.
 */
import { useId, useState } from 'react';
import { readParam, writeParam } from '@/lib/scenario/link-fields';
import type { FieldEntry } from '@/lib/scenario/paths';
import type { Scenario } from '@/lib/scenario/schema';
import type { Update } from './FieldControl';

type RulesEntry = Extract<FieldEntry, { kind: 'securityGroup' | 'networkAcl' }>;

/** The link writes rules comma-separated; a line each reads better. */
const toLines = (param: string) => (param === 'none' ? '' : param.split(',').join('\n'));
const fromLines = (text: string) => {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return rules.length ? rules.join(',') : 'none';
};

export function RulesControl({ entry, scenario, update }: { entry: RulesEntry; scenario: Scenario; update: Update }) {
  const id = useId();
  const current = toLines(readParam(entry, scenario));
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? current;
  const checked = writeParam(entry, scenario, fromLines(text));
  const error = checked.ok ? null : checked.message;

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {entry.label}
      </label>
      <textarea
        id={id}
        rows={Math.min(6, Math.max(2, text.split('\n').length))}
        className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 aria-invalid:border-red-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        value={text}
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby={`${id}-hint ${id}-error`}
        onChange={(e) => {
          const next = e.target.value;
          if (writeParam(entry, scenario, fromLines(next)).ok) {
            update((s) => {
              const read = writeParam(entry, s, fromLines(next));
              return read.ok ? read.scenario : s;
            });
          }
          // The box keeps exactly what was typed until it loses focus, valid or not.
          setDraft(next);
        }}
        onBlur={() => {
          if (error === null) setDraft(null);
        }}
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-800 dark:text-red-300">
          Not used yet: {error}. The last valid rules are in use.
        </p>
      ) : null}
      <p id={`${id}-hint`} className="text-xs text-slate-700 dark:text-slate-300">
        One rule a line; empty means no rules. {entry.hint}
      </p>
    </div>
  );
}
