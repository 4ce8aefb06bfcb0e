/**
 * A figure from the engine, written into lesson prose at build time: `<Outcome link="db=slow" of="latencyMs" />`.
 * A server component: the run happens while the page is rendered to HTML, so the learner downloads text, not the engine.
 */
import { resolveFigure, type FigureSpec } from '@/lib/content/figures';
import { formatFigure } from '@/lib/content/format-figure';

export function Outcome(spec: FigureSpec) {
  const resolved = resolveFigure(spec);
  // `npm run check:content` reports the same problem first; failing the build keeps a wrong number off the page.
  if (!resolved.ok) throw new Error(`<Outcome link="${spec.link}" of="${spec.of}">: ${resolved.error}`);
  return <>{formatFigure(resolved.figure, resolved.format)}</>;
}
