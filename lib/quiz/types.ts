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

export type Question = SingleChoice | MultipleChoice | Ordering | Matching | Predict;

export interface Quiz {
  /** The lesson slug the quiz closes. */
  lesson: string;
  questions: Question[];
}
