/**
 * A run of many requests in a lesson: `<TrafficSim preset="retry-storm" title="…" />` or `link="mode=traffic&…"`.
 * A server component: the run happens while the page is rendered to HTML, as `<Outcome>`'s do, so the card costs
 * the learner no script at first. It shows the run's settings and key figures and opens the run in the traffic
 * sandbox; near the viewport, the run itself plays out below them, live (TrafficSimLive).
 */
import { trafficCard } from '@/lib/content/traffic-card';
import { simQuery } from './sim-query';
import { TrafficSimLive } from './TrafficSimLive';

export interface TrafficSimProps {
  /** A traffic preset id (TRAFFIC_PRESETS in lib/scenario/presets.ts)… */
  preset?: string;
  /** …or a share-link query string of a traffic run (or the backoff study), e.g. `mode=traffic&timeline=20:db-slow`. */
  link?: string;
  title: string;
}

export function TrafficSim({ preset, link, title }: TrafficSimProps) {
  const query = simQuery({ preset, link });
  const card = trafficCard(query);
  // `npm run check:content` reports the same problem first; failing the build keeps a broken card off the page.
  if (typeof card === 'string') throw new Error(`<TrafficSim title="${title}">: ${card}`);
  return (
    <figure className="not-prose my-8 rounded-xl border border-slate-200 p-3 sm:p-4 dark:border-slate-800" aria-label={`Traffic run: ${title}`}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{title}</span>
        <a className="text-sm text-blue-700 underline dark:text-blue-300" href={`/sandbox/?${card.sandboxQuery}`}>
          Open this run in the traffic sandbox
        </a>
      </figcaption>
      <p className="mt-1 mb-0 text-sm text-slate-700 dark:text-slate-300">
        {card.setup}
        {card.timeline.length ? (
          <>
            {'. Timeline: '}
            {card.timeline.map((moment, i) => (
              <span key={moment}>
                {i ? ', ' : ''}
                <code className="rounded bg-slate-100 px-1 text-[0.8125rem] whitespace-nowrap dark:bg-slate-800">{moment}</code>
              </span>
            ))}
          </>
        ) : null}
        .
      </p>
      <dl className="mt-3 mb-0 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
        {card.figures.map((f) => (
          <div key={f.label} className="min-w-0 rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-900">
            <dt className="text-xs text-slate-700 dark:text-slate-300">{f.label}</dt>
            <dd className="m-0 text-lg font-semibold tabular-nums">{f.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 mb-0 text-xs text-slate-700 dark:text-slate-300">Figures from this run of the simulator, worked out when the page was built.</p>
      <TrafficSimLive query={card.sandboxQuery} />
    </figure>
  );
}
