'use client';

/**
 * The live half of a lesson's `<TrafficSim>`: once the card comes near the viewport, the run's charts load (and
 * with them uPlot, the link codec and the Worker), the run plays out in a Web Worker, and its charts fill in as it
 * goes. Before that the lesson carries none of this code; the card's build-time figures stand meanwhile.
 */
import dynamic from 'next/dynamic';
import { useInView } from '@/components/ui/useInView';

const LiveRun = dynamic(() => import('./TrafficSimRun'), {
  ssr: false,
  loading: () => <p className="mt-3 mb-0 text-sm text-slate-700 dark:text-slate-300">Loading the run…</p>,
});

export function TrafficSimLive({ query }: { query: string }) {
  const [ref, near] = useInView<HTMLDivElement>();
  return <div ref={ref}>{near ? <LiveRun query={query} /> : null}</div>;
}
