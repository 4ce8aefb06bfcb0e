'use client';

/**
 * The stage while a drilled-into request is replayed: the traffic Worker repeats the run up to that request's
 * end (lib/traffic/replay.ts), which for a late request of a long run is seconds of work, so it never happens on
 * the page's main thread. When the replay arrives the store takes it (`settleReplay`) and the request's own views
 * replace this. A shared link to one request opens here first. The bar above (DrillBar) names the request and
 * announces when it is ready.
 */
import { useEffect, useState } from 'react';
import { useSandbox, useSandboxStore } from '@/components/sandbox/store-context';
import type { SimResult } from '@/lib/sim';
import type { Scenario } from '@/lib/scenario/schema';
import { useTraffic } from './TrafficRunProvider';

/**
 * Replays asked for and not yet answered, by run and request: going back and into the same request again, or a
 * second mount, waits for the one replay already queued in the Worker instead of queueing another.
 */
const inFlight = new WeakMap<Scenario, Map<string, Promise<SimResult | null>>>();

function replayOnce(scenario: Scenario, request: string, replay: (scenario: Scenario, request: string) => Promise<SimResult | null>): Promise<SimResult | null> {
  let byRequest = inFlight.get(scenario);
  if (!byRequest) inFlight.set(scenario, (byRequest = new Map()));
  let pending = byRequest.get(request);
  if (!pending) {
    const forget = () => byRequest.delete(request);
    pending = replay(scenario, request);
    pending.then(forget, forget);
    byRequest.set(request, pending);
  }
  return pending;
}

export function ReplayPending() {
  const { replay } = useTraffic();
  const store = useSandboxStore();
  const scenario = useSandbox((s) => s.scenario);
  const request = useSandbox((s) => s.request);
  const [failed, setFailed] = useState<{ request: string; message: string } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (request === null) return;
    let current = true;
    replayOnce(scenario, request, replay)
      // Kept even if the learner moved on: the store only acts on it while this request is still the one drilled into.
      .then((result) => store.getState().settleReplay(scenario, request, result))
      .catch((error: unknown) => {
        if (current) setFailed({ request, message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      current = false;
    };
  }, [replay, scenario, request, store, attempt]);

  if (request === null) return null;
  return (
    <section aria-label={`Request ${request}`} className="flex min-w-0 flex-col gap-3">
      {failed?.request === request ? (
        <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-800 dark:text-red-300">
          <p>
            Request {request} could not be replayed: {failed.message}
          </p>
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
            onClick={() => {
              setFailed(null);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </div>
      ) : (
        <p className="rounded-lg border border-slate-200 px-4 py-3 text-sm dark:border-slate-800">
          Replaying request {request}: the run is repeated up to its end, so it meets the same queues, cache and faults as it did among the others…
        </p>
      )}
    </section>
  );
}
