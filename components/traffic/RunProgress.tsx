'use client';

/**
 * Where the traffic run is: a progress bar in simulated seconds while it runs, with a button to stop it; what
 * stopped it otherwise (cancelled, or an error in words); and a button to run it again.
 */
import { useSandbox } from '@/components/sandbox/store-context';
import { useTraffic } from './TrafficRunProvider';

const buttonClass =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800';

export function RunProgress() {
  const run = useTraffic();
  const scenario = useSandbox((s) => s.scenario);
  const { status } = run;
  const durationS = scenario.traffic.durationS;
  const progress = run.progress ?? { fraction: 0, simulatedS: 0 };
  const percent = Math.round(progress.fraction * 100);

  return (
    <div data-run-status={status} className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 px-4 py-3 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <div className="flex justify-between text-sm">
            <span id="traffic-progress-label" className="font-medium">
              {status === 'running'
                ? 'Running the traffic…'
                : status === 'done'
                  ? 'Run complete'
                  : status === 'cancelled'
                    ? 'Run stopped'
                    : status === 'error'
                      ? 'The run failed'
                      : 'Waiting to run'}
            </span>
            <span className="text-slate-700 tabular-nums dark:text-slate-300">
              {Math.round(progress.simulatedS)} of {durationS} simulated s
            </span>
          </div>
          <div
            role="progressbar"
            aria-labelledby="traffic-progress-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}%: ${Math.round(progress.simulatedS)} of ${durationS} simulated seconds`}
            className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
          >
            <div className="h-full bg-blue-700 dark:bg-blue-400" style={{ width: `${percent}%` }} />
          </div>
        </div>
        {status === 'running' ? (
          <button type="button" className={buttonClass} onClick={run.cancel}>
            Cancel the run
          </button>
        ) : (
          <button type="button" data-run="again" className={buttonClass} onClick={() => run.start(scenario)}>
            Run again
          </button>
        )}
      </div>
      {status === 'cancelled' ? <p className="text-sm">Stopped at {Math.round(progress.simulatedS)} s. The charts show the run up to there; run it again to see it all.</p> : null}
      {status === 'error' ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {run.error}
        </p>
      ) : null}
    </div>
  );
}
