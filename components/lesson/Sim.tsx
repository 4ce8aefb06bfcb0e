'use client';

/**
 * An embedded simulator in a lesson. The lesson text is static HTML; the simulator's code (engine,
 * diagram, store) loads after the page, and each one gets its own store.
 */
import dynamic from 'next/dynamic';
import { useInView } from '@/components/ui/useInView';
import { simQuery } from './sim-query';

export interface SimProps {
  /** A preset id (lib/scenario/presets.ts)… */
  preset?: string;
  /** …or a share-link query string, e.g. `cache=stale&db=down`. */
  link?: string;
  title: string;
}

const CompactSim = dynamic(() => import('./CompactSim').then((m) => m.CompactSim), {
  ssr: false,
  loading: () => <Placeholder />,
});

function Placeholder() {
  return (
    <div className="flex h-[420px] items-center justify-center rounded-xl border border-slate-200 text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300">
      Loading the simulator…
    </div>
  );
}

export function Sim({ preset, link, title }: SimProps) {
  const query = simQuery({ preset, link });
  const [ref, near] = useInView<HTMLElement>();
  return (
    <figure ref={ref} className="not-prose my-8 rounded-xl border border-slate-200 p-2 sm:p-3 dark:border-slate-800" aria-label={`Simulator: ${title}`}>
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{title}</span>
        <a className="text-sm text-blue-700 underline dark:text-blue-300" href={`/sandbox/${query ? `?${query}` : ''}`}>
          Open in the sandbox
        </a>
      </figcaption>
      {near ? <CompactSim query={query} /> : <Placeholder />}
    </figure>
  );
}
