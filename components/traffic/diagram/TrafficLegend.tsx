/** What the traffic diagram's dots, widths, meters and bands mean, and the scale of a dot. */
import { DOT_KINDS } from './flows';
import { BUSY_FROM, FULL_FROM, percent } from './figures';
import { DOT_COLOURS, DOT_WORDS, dotPathData, LOAD_FILL, type Theme } from './palette';

export function TrafficLegend({ perDot, reduced, theme }: { perDot: number; reduced: boolean; theme: Theme }) {
  const unit = perDot === 1 ? 'request a second' : 'requests a second';
  return (
    <div className="flex flex-col gap-1.5 text-xs text-slate-700 dark:text-slate-300">
      {reduced ? (
        <p>
          Each link’s width and number show the requests per second on it in this stretch of the run, as the engine counted them. (Moving dots are off:
          your system asks for reduced motion.)
        </p>
      ) : (
        <p>
          <strong className="font-semibold text-slate-900 dark:text-slate-100">
            One dot stands for {perDot} {unit}
          </strong>{' '}
          on its link. The dots picture the engine’s rates in this stretch of the run; they are not individual requests. Numbers on the links are per second.
        </p>
      )}
      {reduced ? null : (
      <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Kinds of dot">
        {DOT_KINDS.map((kind) => (
          <li key={kind} className="flex items-center gap-1.5">
            <svg width={14} height={14} viewBox="-7 -7 14 14" aria-hidden="true">
              <path d={dotPathData(kind, 0, 0, 4)} fill={kind === 'stopped' ? 'none' : DOT_COLOURS[theme][kind]} stroke={kind === 'stopped' ? DOT_COLOURS[theme][kind] : 'none'} strokeWidth={2} strokeLinecap="round" />
            </svg>
            <span>
              {DOT_WORDS[kind].shape}: {DOT_WORDS[kind].meaning}
            </span>
          </li>
        ))}
      </ul>
      )}
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span>Meters under App and Database (event loops busy, pool in use):</span>
        {(['calm', 'busy', 'full'] as const).map((load) => (
          <span key={load} className="flex items-center gap-1">
            <svg width={18} height={8} aria-hidden="true">
              <rect width={18} height={8} rx={2} className={LOAD_FILL[load]} />
            </svg>
            {load === 'calm' ? `under ${percent(BUSY_FROM)}` : load === 'busy' ? `${percent(BUSY_FROM)} to ${percent(FULL_FROM)}` : `${percent(FULL_FROM)} or more, or a queue`}
          </span>
        ))}
      </p>
      <p>A dashed amber band on a link: circuit breakers not closed (open, or half-open and probing). A red band: packets dropped by security groups or network ACLs.</p>
    </div>
  );
}
