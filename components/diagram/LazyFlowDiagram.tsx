'use client';

/**
 * The diagram (React Flow and its packet layer) loads after the page: the controls, caption, timeline,
 * log and inspector are usable at once, and a static drawing of the same topology holds its place.
 */
import dynamic from 'next/dynamic';
import { StaticDiagram } from './StaticDiagram';

export const LazyFlowDiagram = dynamic(() => import('./FlowDiagram').then((m) => m.FlowDiagram), {
  ssr: false,
  loading: () => <StaticDiagram />,
});
