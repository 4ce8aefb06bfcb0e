'use client';

/**
 * What "Show me" opens on a graded predict question: the lesson's compact simulator on the question's
 * scenario, playing. The simulator's code loads when it is first shown, never with the page.
 */
import dynamic from 'next/dynamic';

const CompactSim = dynamic(() => import('@/components/lesson/CompactSim').then((m) => m.CompactSim), {
  ssr: false,
  loading: () => <p className="m-0 py-6 text-center text-sm text-slate-700 dark:text-slate-300">Loading the simulator…</p>,
});

/** The question's scenario in the compact simulator, playing. Wider than the card's padding on a phone, so the diagram has room. */
export function ScenarioSim({ id, link }: { id: string; link: string }) {
  return (
    <figure id={id} aria-label="Simulator: this question’s scenario" className="-mx-3 mt-3 mb-0 rounded-xl border border-slate-200 bg-white p-2 sm:mx-0 sm:p-3 dark:border-slate-800 dark:bg-slate-950">
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-semibold">This question’s scenario, played</span>
        <a className="text-blue-700 underline dark:text-blue-300" href={`/sandbox/?${link}`}>
          Open in the sandbox
        </a>
      </figcaption>
      <CompactSim query={link} autoPlay />
    </figure>
  );
}
