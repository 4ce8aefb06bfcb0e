'use client';

/**
 * The payload: a menu of named payloads, or the learner's own text. Its label, hint and length limit come
 * from the field table; the menu comes from the payloads the engine knows by name.
 */
import { FIELDS } from '@/lib/scenario/fields';
import type { Scenario } from '@/lib/scenario/schema';
import { NAMED_PAYLOADS } from '@/lib/sim/site';
import type { Update } from './FieldControl';
import { SelectField, TextField } from './fields';

type PayloadChoice = 'benign' | 'sqli' | 'xss' | 'custom';

export function PayloadControl({ scenario, update }: { scenario: Scenario; update: Update }) {
  const field = FIELDS['request.payload'];
  const { payload } = scenario.request;
  const choice: PayloadChoice = payload in NAMED_PAYLOADS ? (payload as PayloadChoice) : 'custom';
  const set = (next: (current: string) => string) => update((s) => ({ ...s, request: { ...s.request, payload: next(s.request.payload) } }));
  return (
    <>
      <SelectField<PayloadChoice>
        label={field.label}
        value={choice}
        options={[
          { value: 'benign', label: `Ordinary search: ${NAMED_PAYLOADS.benign}` },
          { value: 'sqli', label: `SQL injection: ${NAMED_PAYLOADS.sqli}` },
          { value: 'xss', label: `Cross-site scripting: ${NAMED_PAYLOADS.xss}` },
          { value: 'custom', label: 'Type your own…' },
        ]}
        // Choosing “your own” starts from the named payload's text, so it can be edited.
        onChange={(next) => set((current) => (next === 'custom' ? (NAMED_PAYLOADS[current] ?? current) : next))}
        hint={field.hint}
      />
      {choice === 'custom' ? <TextField label="Your payload" value={payload} maxLength={field.maxLength} onChange={(text) => set(() => text)} hint="Shown as text only; it is never run." /> : null}
    </>
  );
}
