import { describe, expect, it } from 'vitest';
import { checkTrace, orphanTraceFiles, references, type TraceCheck } from '@/lib/testing/reference-traces';

const HOW_TO_ACCEPT = 'If the change is intended, run `npm run traces -- --update` and review the diff of lib/sim/__traces__.';

/** Fails with the line diff itself, so the test output says what the engine now does differently. */
function expectUnchanged({ reference, recorded, diff }: TraceCheck): void {
  if (recorded === null) throw new Error(`No reference trace for “${reference.name}” yet. ${HOW_TO_ACCEPT}`);
  if (diff) throw new Error(`The trace of “${reference.name}” changed:\n\n${diff}\n\n${HOW_TO_ACCEPT}`);
}

describe('reference traces', () => {
  it.each(references().map((r) => [r.name, r] as const))('%s runs as recorded', (_name, reference) => {
    expectUnchanged(checkTrace(reference));
  });

  it('keeps no trace that belongs to no preset or reference link', () => {
    expect(orphanTraceFiles()).toEqual([]);
  });
});
