'use client';

/**
 * The diagram (React Flow and its packet layer) loads after the page: the controls, caption, timeline,
 * log and inspector are usable at once, and a placeholder of the same size keeps the layout still.
 */
import dynamic from 'next/dynamic';

function DiagramPlaceholder({ compact }: { compact?: boolean }) {
  return (
    <div
      className={`${compact ? 'h-[340px]' : 'h-[560px] sm:h-[460px]'} flex w-full items-center justify-center rounded-xl border border-slate-200 bg-slate-50/40 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900/40 dark:text-slate-300`}
    >
      Loading the diagram…
    </div>
  );
}

export const LazyFlowDiagram = dynamic(() => import('./FlowDiagram').then((m) => m.FlowDiagram), {
  ssr: false,
  loading: () => <DiagramPlaceholder />,
});
