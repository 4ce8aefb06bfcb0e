/**
 * Grading, pure and engine-free so a lesson page can grade without loading the simulator.
 * A predict question, of one request or of many, is graded against the engine's answer, which the caller computes (predict.ts).
 */
import { optionLetter } from './letters';
import { predictionSentence } from './predict-words';
import type { Option, Question } from './types';

export type Answer =
  | { type: 'single'; choice: string | null }
  | { type: 'multiple'; choices: string[] }
  | { type: 'order'; order: string[] }
  | { type: 'match'; matches: Record<string, string> }
  | { type: 'predict'; choice: string | null };

export interface Grade {
  correct: boolean;
  /** The right answer in words, shown with the explanation (options with their letters, predictions as sentences). */
  expected: string;
}

function lettered(options: readonly Option[], ids: readonly string[]): string {
  return options
    .map((o, i) => (ids.includes(o.id) ? `${optionLetter(i)}: ${o.text}` : null))
    .filter((text): text is string => text !== null)
    .join('; ');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
}

/** Whether the learner has given a complete answer (every blank filled). */
export function isComplete(question: Question, answer: Answer): boolean {
  switch (answer.type) {
    case 'single':
    case 'predict':
      return answer.choice !== null;
    case 'multiple':
      return answer.choices.length > 0;
    case 'order':
      return question.type === 'order' && answer.order.length === question.steps.length;
    case 'match':
      return question.type === 'match' && question.pairs.every((p) => Boolean(answer.matches[p.left]));
  }
}

export function grade(question: Question, answer: Answer, engineAnswer?: string): Grade {
  switch (question.type) {
    case 'single':
      return { correct: answer.type === 'single' && answer.choice === question.answer, expected: lettered(question.options, [question.answer]) };
    case 'multiple':
      return { correct: answer.type === 'multiple' && sameSet(answer.choices, question.answers), expected: lettered(question.options, question.answers) };
    case 'order': {
      const expected = question.steps.map((s) => s.text).join(' → ');
      const correct = answer.type === 'order' && answer.order.length === question.steps.length && question.steps.every((s, i) => answer.order[i] === s.id);
      return { correct, expected };
    }
    case 'match': {
      const expected = question.pairs.map((p) => `${p.left} ↔ ${p.right}`).join('; ');
      const correct = answer.type === 'match' && question.pairs.every((p) => answer.matches[p.left] === p.right);
      return { correct, expected };
    }
    case 'predict':
    case 'predict-traffic': {
      if (engineAnswer === undefined) throw new Error('A predict question is graded against the engine’s answer');
      return { correct: answer.type === 'predict' && answer.choice === engineAnswer, expected: predictionSentence(question, engineAnswer) };
    }
  }
}

/** A stable shuffle per question, so the server-rendered order and the browser's agree. */
export function stableShuffle<T>(items: readonly T[], key: string): T[] {
  let seed = 2166136261;
  for (let i = 0; i < key.length; i++) seed = Math.imul(seed ^ key.charCodeAt(i), 16777619) >>> 0;
  const next = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  // An ordering question must not start out solved.
  if (out.length > 1 && out.every((item, i) => item === items[i])) out.push(out.shift()!);
  return out;
}
