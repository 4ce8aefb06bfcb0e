/**
 * How a predict question reads: what it asks, and each choice as a sentence about what happens, never as
 * the engine's bare value (`edge`, `s3`, `503`). Engine-free: the types are all it takes from lib/sim.
 */
import type { CacheOutcome, NodeId } from '@/lib/sim/types';
import { formatMs } from '@/lib/format-ms';
import { DEFAULT_SAME_WITHIN, parseBand } from './traffic-choices';
import { unitOfTrafficPath } from './traffic-paths';
import type { Predict, PredictAsk, PredictTraffic } from './types';

export const ASK_WORDS: Readonly<Record<PredictAsk, string>> = {
  status: 'the status the browser gets',
  answeredBy: 'which part of the system answers the browser',
  attempts: 'how many attempts the browser makes',
  cache: 'what the edge cache does',
};

/** The node whose answer the browser finally gets (outcome.answeredBy); `null` when nothing answers. */
const ANSWERED_BY: Readonly<Record<NodeId | 'null', string>> = {
  browser: 'The browser answers itself',
  dns: 'DNS (Route 53) answers',
  shield: 'AWS Shield answers',
  waf: 'The WAF answers',
  edge: 'The CDN edge (CloudFront) answers',
  s3: 'The S3 bucket answers',
  alb: 'The load balancer (ALB) answers',
  web: 'The reverse proxy (Nginx) answers',
  app: 'The app answers',
  db: 'The database answers',
  thirdparty: 'The payments API answers',
  null: 'Nothing answers: the browser is left without a response',
};

/** What the edge did for the final response (outcome.cache). The outcome's own word stays, as explanations use it. */
const CACHE: Readonly<Record<CacheOutcome, string>> = {
  hit: 'The edge answers from a fresh copy in its cache (hit)',
  miss: 'The edge has no copy it can use and asks the origin (miss)',
  stale: 'The edge serves its expired copy (stale)',
  revalidated: 'The edge checks its expired copy with the origin, then serves it (revalidated)',
  bypass: 'The edge does not use its cache for this request (bypass)',
  error: 'The edge serves an error response it cached (error)',
};

/** Reason phrases from RFC 9110 §15, for the statuses the course meets. */
const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function status(value: string): string | null {
  if (value === 'null') return 'The browser gets no answer at all';
  if (!/^[1-5]\d\d$/.test(value)) return null;
  const reason = REASONS[Number(value)];
  return reason ? `The browser gets ${value} ${reason}` : `The browser gets a ${value} response`;
}

function attempts(value: string): string | null {
  if (!/^[1-9]\d?$/.test(value)) return null;
  const n = Number(value);
  if (n === 1) return 'The browser sends the request once, with no retry';
  return `The browser sends it ${n} times: the first try and ${n - 1} ${n - 1 === 1 ? 'retry' : 'retries'}`;
}

function lookup(table: Readonly<Record<string, string>>, value: string): string | null {
  return Object.hasOwn(table, value) ? table[value]! : null;
}

/** The sentence for a choice, or null when the value is not one the engine can give for this question. */
export function choiceSentenceOrNull(ask: PredictAsk, value: string): string | null {
  switch (ask) {
    case 'status':
      return status(value);
    case 'answeredBy':
      return lookup(ANSWERED_BY, value);
    case 'attempts':
      return attempts(value);
    case 'cache':
      return lookup(CACHE, value);
  }
}

/** The sentence for a choice. Quiz validation guarantees every offered choice has one; the fallback never names a bare value. */
export function choiceSentence(ask: PredictAsk, value: string): string {
  return choiceSentenceOrNull(ask, value) ?? 'Something else happens';
}

// A fixed locale: the static HTML must not depend on the machine that built it.
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** A band's bound in the figure's own terms: a share as a percentage, a time as the simulator shows it. */
function bound(question: PredictTraffic, value: number): string {
  const unit = unitOfTrafficPath(question.of);
  return unit === 'share' ? percent.format(value) : unit === 'ms' ? formatMs(value) : plain.format(value);
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The sentence for a traffic prediction's choice, or null when the value is not one the question can take. */
export function trafficChoiceSentenceOrNull(question: PredictTraffic, value: string): string | null {
  const what = capitalised(question.what);
  if (question.ask === 'change') {
    if (value === 'up') return `${what}: up`;
    if (value === 'down') return `${what}: down`;
    if (value === 'same') return `${what}: about the same (within ${percent.format(question.sameWithin ?? DEFAULT_SAME_WITHIN)})`;
    return null;
  }
  const band = parseBand(value);
  if (!band) return null;
  if (band.from === 0) return `${what}: under ${bound(question, band.to)}`;
  if (band.to === Infinity) return `${what}: ${bound(question, band.from)} or more`;
  return `${what}: from ${bound(question, band.from)} to under ${bound(question, band.to)}`;
}

/** What the learner is asked to predict, before the choices. */
export function predictLead(question: Predict | PredictTraffic): string {
  if (question.type === 'predict') return `Predict ${ASK_WORDS[question.ask]}, then check: the simulator runs this scenario and grades your prediction.`;
  if (question.ask === 'change') return `Predict the change in ${question.what}, then check: the simulator runs both traffic runs and grades your prediction.`;
  return `Predict the range of ${question.what}, then check: the simulator runs this traffic run and grades your prediction.`;
}

/** The sentence for any prediction's choice. Quiz validation guarantees every offered choice has one. */
export function predictionSentence(question: Predict | PredictTraffic, value: string): string {
  const sentence = question.type === 'predict' ? choiceSentenceOrNull(question.ask, value) : trafficChoiceSentenceOrNull(question, value);
  return sentence ?? 'Something else happens';
}
