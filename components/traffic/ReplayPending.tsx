'use client';

/**
 * The stage while a drilled-into request is replayed: the traffic Worker repeats the run up to that request's
 * end (lib/traffic/replay.ts), which for a late request of a long run is seconds of work, so it never happens on
 * the page's main thread. When the replay arrives the store takes it (`settleReplay`) and the request's own views
 * replace this. A shared link to one request opens here first.
 */
import { useEffect, useState } from 'react';
import { useSandbox, useSandboxStore } from '@/components/sandbox/store-context';
import { DrillBar } from './DrillBar';
import { useTraffic } from './TrafficRunProvider';

export function ReplayPending() {
  const { replay } = useTraffic();
  const store = useSandboxStore();
  const scenario = useSandbox((s) => s.scenario);
  const request = useSandbox((s) => s.request);
  const [failed, setFailed] = useState<{ request: string; message: string } | null>(null);

  useEffect(() => {
    if (request === null) return;
    let current = true;
    replay(scenario, request).then(
      // Kept even if the learner moved on: the store only acts on it while this request is still the one drilled into.
      (result) => store.getState().settleReplay(scenario, request, result),
      (error: unknown) => {
        if (current) setFailed({ request, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [replay, scenario, request, store]);

  if (request === null) return null;
  return (
    <section aria-label="Traffic run" className="flex min-w-0 flex-col gap-3">
      <DrillBar />
      {failed?.request === request ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          Request {request} could not be replayed: {failed.message}
        </p>
      ) : (
        <p role="status" className="rounded-lg border border-slate-200 px-4 py-3 text-sm dark:border-slate-800">
          Replaying request {request}: the run is repeated up to its end, so it meets the same queues, cache and faults as it did among the others…
        </p>
      )}
    </section>
  );
}
