/**
 * Quiz questions are typed data, validated when the site is built and by the tests.
 * A predict question stores no answer at all: the engine runs its scenario and the outcome is the answer.
 */
export interface Option {
  id: string;
  text: string;
}

interface Base {
  /** Unique within the quiz, stable: progress is stored by it. */
  id: string;
  prompt: string;
  /** Shown after answering, whether right or wrong. */
  explanation: string;
  /** Ids of the course-notes headings this question checks (see `npm run check:content`). */
  covers: string[];
}

export interface SingleChoice extends Base {
  type: 'single';
  options: Option[];
  answer: string;
}

export interface MultipleChoice extends Base {
  type: 'multiple';
  options: Option[];
  answers: string[];
}

/** The steps, listed in the correct order; the learner sees them shuffled. */
export interface Ordering extends Base {
  type: 'order';
  steps: Option[];
}

/** The correct pairs; the learner matches each left item to one of the right items. */
export interface Matching extends Base {
  type: 'match';
  pairs: { left: string; right: string }[];
}

/** What the learner predicts about a scenario's outcome. */
export type PredictAsk = 'status' | 'answeredBy' | 'attempts' | 'cache';

export interface Predict extends Base {
  type: 'predict';
  /** The scenario, as a sandbox share-link query string, e.g. `cache=stale&db=down`. */
  link: string;
  ask: PredictAsk;
  /** The choices offered, as the outcome spells them: `"503"`, `"edge"`, `"3"`, `"revalidated"`. */
  choices: string[];
}

/** Which way a figure of a traffic run moves when one thing changes. */
export const TRAFFIC_CHANGES = ['up', 'down', 'same'] as const;
export type TrafficChange = (typeof TRAFFIC_CHANGES)[number];

interface PredictTrafficBase extends Base {
  type: 'predict-traffic';
  /** The run, as a share-link query string of a traffic run or the backoff study, e.g. `preset=retry-storm`. */
  link: string;
  /** The figure predicted, a traffic figure path (lib/quiz/traffic-figures.ts), e.g. `traffic:summary.calls.db`. */
  of: string;
  /** That figure in words, as the choices name it: "calls to the database". */
  what: string;
}

/** Whether a figure goes up, down or stays about the same when the run changes. No answer is stored: both runs are. */
export interface PredictTrafficChange extends PredictTrafficBase {
  ask: 'change';
  /** The same run with one thing changed, e.g. `preset=retry-storm&retryQuota=on`. */
  changed: string;
  choices: TrafficChange[];
  /** A change within this share of the larger figure counts as `same`; 0.05 when left out. */
  sameWithin?: number;
}

/**
 * Where a figure lands: each choice a band `<from>-<to>` in the figure's own unit (a share as a fraction, a time in
 * ms), from `from` up to but not including `to`; `inf` leaves the last one open: `0-0.01`, `0.01-0.1`, `0.1-inf`.
 */
export interface PredictTrafficBand extends PredictTrafficBase {
  ask: 'band';
  choices: string[];
}

/** A prediction about a run of many requests, graded by running it (predict.ts). */
export type PredictTraffic = PredictTrafficChange | PredictTrafficBand;

export type Question = SingleChoice | MultipleChoice | Ordering | Matching | Predict | PredictTraffic;

export interface Quiz {
  /** The lesson slug the quiz closes. */
  lesson: string;
  questions: Question[];
}
