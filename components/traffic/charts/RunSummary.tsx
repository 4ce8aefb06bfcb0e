'use client';

/**
 * The run in one sentence (lib/traffic/describe.ts), in a live region: empty while the run streams, announced once
 * when it ends (its summary arrives). Rendered before the run starts, so assistive technology is listening.
 */
import { useMemo } from 'react';
import type { Scenario } from '@/lib/scenario/schema';
import type { SeriesPoint, TrafficSummary } from '@/lib/traffic';
import { describeRun } from '@/lib/traffic/describe';

export interface RunSummaryProps {
  series: readonly SeriesPoint[];
  bucketS: number;
  scenario: Scenario;
  /** Present once the run has ended. */
  summary?: TrafficSummary;
  className?: string;
}

export function RunSummary({ series, bucketS, scenario, summary, className = '' }: RunSummaryProps) {
  const sentence = useMemo(() => (summary ? describeRun({ series, bucketS, scenario, summary }) : ''), [series, bucketS, scenario, summary]);
  return (
    <p role="status" aria-label="The run in one sentence" className={`text-base font-medium ${className}`}>
      {sentence}
    </p>
  );
}
