/**
 * A run as a reference trace: one short line per event, `kind@t from→to status [request#attempt]`,
 * so a change in what the engine does shows up as a readable line diff. Headers, narration and durations
 * are left out on purpose: they change for wording reasons, and a duration shows in the next line's time.
 */
import type { RequestOutcome, SimEvent, SimResult } from '@/lib/sim';

/** Simulated times to three decimals, as the engine rounds them. */
function ms(t: number): string {
  return String(Math.round(t * 1000) / 1000);
}

export function traceLine(event: SimEvent): string {
  const status = event.status === undefined ? '' : ` ${event.status}`;
  // The page's first try is the common case; only other requests and retries are tagged.
  const tag = event.requestId === 'r1' && event.attempt === 1 ? '' : ` [${event.requestId}#${event.attempt}]`;
  return `${event.kind}@${ms(event.t)} ${event.from}→${event.to}${status}${tag}`;
}

function outcomeLine(outcome: RequestOutcome): string {
  const attempts = `${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`;
  const rendered = outcome.renderedAtMs === null ? 'nothing rendered' : `rendered at ${ms(outcome.renderedAtMs)} ms`;
  return `# outcome: ${outcome.status ?? 'no answer'} after ${ms(outcome.latencyMs)} ms, ${attempts}, cache ${outcome.cache}, answered by ${outcome.answeredBy ?? 'nobody'}, ${rendered}`;
}

/** The whole trace file: what it is, how it ended, then every event in order. Ends with a newline. */
export function formatTrace(title: string, result: SimResult): string {
  return [`# ${title}`, outcomeLine(result.outcome), ...result.events.map(traceLine)].join('\n') + '\n';
}
