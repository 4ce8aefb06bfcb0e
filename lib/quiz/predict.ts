/**
 * The answer to a predict question is whatever the engine does with its scenario: nothing is stored. For a traffic
 * prediction, the engine runs the traffic (both runs, for a change) and the figure decides.
 */
import { runScenario } from '@/lib/sim';
import { decodeLink } from '@/lib/scenario/url-codec';
import { bandContaining, changeBetween } from './traffic-choices';
import { manyRequestRun, manyRequestRunAsync, readManyRequestPath, TRAFFIC_PREFIX, type ManyRequestResult } from './traffic-figures';
import type { Predict, PredictTraffic } from './types';

function outcomeAnswer(question: Pick<Predict, 'link' | 'ask'>): string {
  const { outcome } = runScenario(decodeLink(question.link).scenario);
  switch (question.ask) {
    case 'status':
      return String(outcome.status);
    case 'answeredBy':
      return String(outcome.answeredBy);
    case 'attempts':
      return String(outcome.attempts);
    case 'cache':
      return outcome.cache;
  }
}

/** What a traffic prediction's runs gave: the figure in each, and the choice that makes right. */
export interface TrafficVerdict {
  answer: string;
  /** The figure in `link`'s run, and in `changed`'s for a change. */
  before: number;
  after?: number;
}

/** The figure a prediction is about, from one run; an error names the question's figure. */
function figureIn(result: ManyRequestResult | string, question: PredictTraffic, link: string): number | string {
  if (typeof result === 'string') return result;
  const read = readManyRequestPath(result, question.of.slice(TRAFFIC_PREFIX.length));
  if (!read.ok) return read.error;
  return typeof read.figure.value === 'number' ? read.figure.value : `${question.of} of “${link}” is “${read.figure.value}”, not a number`;
}

/** The verdict from the runs' results, or one sentence saying why there is none. */
export function trafficVerdict(question: PredictTraffic, first: ManyRequestResult | string, second?: ManyRequestResult | string): TrafficVerdict | string {
  if (!question.of.startsWith(TRAFFIC_PREFIX)) return `“${question.of}” is not a traffic figure: write ${TRAFFIC_PREFIX}summary.… or ${TRAFFIC_PREFIX}series.…`;
  const before = figureIn(first, question, question.link);
  if (typeof before === 'string') return before;
  if (question.ask === 'band') return { answer: bandContaining(question.choices, before) ?? 'none', before };
  const after = figureIn(second ?? 'the changed run is missing', question, question.changed);
  if (typeof after === 'string') return after;
  return { answer: changeBetween(before, after, question.sameWithin), before, after };
}

/** The engine's verdict on a traffic prediction, running what it needs (once per link for the process). */
export function trafficVerdictOf(question: PredictTraffic): TrafficVerdict | string {
  return trafficVerdict(question, manyRequestRun(question.link), question.ask === 'change' ? manyRequestRun(question.changed) : undefined);
}

function answerOf(verdict: TrafficVerdict | string): string {
  // Quiz validation makes sure every question resolves; should one not, no choice is graded right.
  return typeof verdict === 'string' ? 'none' : verdict.answer;
}

/** The engine's answer: the outcome's field for one request, the choice the figures make right for many. */
export function engineAnswer(question: (Pick<Predict, 'link' | 'ask'> & { type?: 'predict' }) | PredictTraffic): string {
  return question.type === 'predict-traffic' ? answerOf(trafficVerdictOf(question)) : outcomeAnswer(question);
}

/**
 * The same answer for a page: a traffic run pauses for the browser between slices of work (lib/traffic's
 * `runTraffic`), so the page stays responsive while it is graded.
 */
export async function engineAnswerAsync(question: Predict | PredictTraffic): Promise<string> {
  if (question.type === 'predict') return outcomeAnswer(question);
  const first = await manyRequestRunAsync(question.link);
  const second = question.ask === 'change' ? await manyRequestRunAsync(question.changed) : undefined;
  return answerOf(trafficVerdict(question, first, second));
}
