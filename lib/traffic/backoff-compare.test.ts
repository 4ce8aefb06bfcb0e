import { describe, expect, it } from 'vitest';
import { scenarioForPreset } from '@/lib/scenario/presets';
import { JITTERS } from '@/lib/scenario/vocabulary';
import { runBackoffStudy } from './backoff-study';
import { compareJitters, describeJitters, type JitterRow } from './backoff-compare';

const study = scenarioForPreset('backoff-study')!;

describe('the backoff study, jitter by jitter', () => {
  it('runs the study once per jitter, the other settings unchanged, and marks the chosen one', () => {
    const rows = compareJitters(study);
    expect(rows.map((r) => r.jitter)).toEqual([...JITTERS]);
    expect(rows.filter((r) => r.chosen).map((r) => r.jitter)).toEqual([study.retry.jitter]);
    for (const row of rows) expect(row.summary).toEqual(runBackoffStudy({ ...study, retry: { ...study.retry, jitter: row.jitter } }).summary);
  });

  it('finds, as the 2015 study did, that no jitter costs the most calls', () => {
    const rows = compareJitters(study);
    const none = rows.find((r) => r.jitter === 'none')!;
    for (const row of rows) if (row !== none) expect(row.summary.calls).toBeLessThan(none.summary.calls);
  });

  it('is memoised by the scenario', () => {
    expect(compareJitters(study)).toBe(compareJitters(study));
  });

  it('says the chosen policy’s figures and the cheapest and quickest others', () => {
    const row = (jitter: JitterRow['jitter'], chosen: boolean, calls: number, completionMs: number): JitterRow => ({
      jitter,
      chosen,
      summary: { clients: 100, calls, reads: calls / 2, writes: calls / 2, conflicts: calls / 2 - 100, completionMs, meanCompletionMs: 0, medianCompletionMs: 0, mostAttempts: 1 },
    });
    expect(describeJitters([row('none', true, 3592, 9000), row('full', false, 1568, 4212), row('equal', false, 1596, 3900), row('decorrelated', false, 2038, 5000)])).toBe(
      'With no jitter, 100 clients made 3,592 calls, and the last was done after 9.00 s. Full jitter needed the fewest calls, 1,568, and equal jitter finished soonest, after 3.90 s.',
    );
    expect(describeJitters([row('none', false, 3592, 9000), row('full', true, 1568, 3000)])).toBe(
      'With full jitter, 100 clients made 1,568 calls, and the last was done after 3.00 s. No other jitter needed fewer calls, nor finished sooner.',
    );
    expect(describeJitters([row('none', false, 3592, 2000), row('full', true, 1568, 3000)])).toBe(
      'With full jitter, 100 clients made 1,568 calls, and the last was done after 3.00 s. No other jitter needed fewer calls, but no jitter finished soonest, after 2.00 s.',
    );
    expect(describeJitters([row('none', false, 3592, 4000), row('full', false, 1568, 3500), row('equal', true, 1596, 3000)])).toBe(
      'With equal jitter, 100 clients made 1,596 calls, and the last was done after 3.00 s. Full jitter needed the fewest calls, 1,568; none finished sooner.',
    );
  });
});
