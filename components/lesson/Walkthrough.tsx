'use client';

import dynamic from 'next/dynamic';
import { useInView } from '@/components/ui/useInView';

export interface WalkthroughProps {
  /** The scenario, as a share-link query string. */
  link: string;
  /** Comma-separated event kinds to walk through, in the order the engine emits them. */
  kinds: string;
  title: string;
}

function Loading() {
  return <p className="text-sm text-slate-700 dark:text-slate-300">Loading the steps…</p>;
}

const WalkthroughSteps = dynamic(() => import('./WalkthroughSteps').then((m) => m.WalkthroughSteps), { ssr: false, loading: Loading });

/**
 * A step-by-step walkthrough built from the engine's own events for a scenario — never a script. The engine
 * loads when the walkthrough comes near the viewport, not with the lesson.
 */
export function Walkthrough({ link, kinds, title }: WalkthroughProps) {
  const [ref, near] = useInView<HTMLElement>();
  return (
    <section ref={ref} aria-label={`Walkthrough: ${title}`} className="not-prose my-8 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <p className="m-0 font-semibold">{title}</p>
      {near ? <WalkthroughSteps link={link} kinds={kinds} /> : <Loading />}
    </section>
  );
}
