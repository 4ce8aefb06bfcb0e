'use client';

/**
 * "Show me" on a graded predict question: the lesson's compact simulator opens on the question's scenario
 * and plays it. The simulator's code loads on the first press, never with the page.
 */
import dynamic from 'next/dynamic';
import { useEffect, useId, useRef, useState } from 'react';

const CompactSim = dynamic(() => import('@/components/lesson/CompactSim').then((m) => m.CompactSim), {
  ssr: false,
  loading: () => <p className="m-0 py-6 text-center text-sm text-slate-700 dark:text-slate-300">Loading the simulator…</p>,
});

/**
 * Starts playback once the simulator has drawn its controls. CompactSim keeps its store to itself, so its
 * own Play button is the way in; someone who asked for reduced motion presses it when they choose.
 */
function usePlayWhenReady(container: React.RefObject<HTMLElement | null>, active: boolean) {
  useEffect(() => {
    const root = container.current;
    if (!active || !root || window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const press = () => {
      const play = root.querySelector<HTMLButtonElement>('button[aria-label="Play"]');
      if (!play) return false;
      play.click();
      return true;
    };
    if (press()) return;
    const observer = new MutationObserver(() => press() && observer.disconnect());
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container, active]);
}

export function ShowMe({ link }: { link: string }) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  const container = useRef<HTMLDivElement>(null);
  usePlayWhenReady(container, open);

  return (
    <div className="mt-3">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
        className="rounded-md border border-blue-700 px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50 dark:border-blue-400 dark:text-blue-200 dark:hover:bg-blue-950"
      >
        {open ? 'Hide the simulator' : 'Show me'}
      </button>
      {open ? (
        <figure id={panel} aria-label="Simulator: this question’s scenario" className="mt-3 mb-0 rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-950">
          <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <span className="font-semibold">This question’s scenario, played</span>
            <a className="text-blue-700 underline dark:text-blue-300" href={`/sandbox/?${link}`}>
              Open in the sandbox
            </a>
          </figcaption>
          <div ref={container}>
            <CompactSim query={link} />
          </div>
        </figure>
      ) : null}
    </div>
  );
}
