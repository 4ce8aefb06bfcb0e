'use client';

import dynamic from 'next/dynamic';
import { useInView } from '@/components/ui/useInView';

function Placeholder() {
  return <div className="flex h-[440px] items-center justify-center rounded-xl border border-slate-200 text-sm dark:border-slate-800">Loading the live demo…</div>;
}

const LiveDemo = dynamic(() => import('./LiveDemo').then((m) => m.LiveDemo), { ssr: false, loading: () => <Placeholder /> });

/** The demo loads when it is well in view; on a phone that is below the introduction. */
export function LazyLiveDemo() {
  const [ref, inView] = useInView<HTMLDivElement>('0px', 0.4);
  return <div ref={ref}>{inView ? <LiveDemo /> : <Placeholder />}</div>;
}
