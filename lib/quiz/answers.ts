/**
 * The learner's answer to a question: where it starts, and whether a saved one still fits the question
 * (quiz data can change between visits; a saved answer naming options that are gone is not shown).
 */
import { stableShuffle, type Answer } from './grade';
import type { Question } from './types';

export function emptyAnswer(question: Question): Answer {
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: null };
    case 'multiple':
      return { type: 'multiple', choices: [] };
    case 'order':
      return { type: 'order', order: stableShuffle(question.steps, question.id).map((s) => s.id) };
    case 'match':
      return { type: 'match', matches: {} };
    case 'predict':
    case 'predict-traffic':
      return { type: 'predict', choice: null };
  }
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x)) && new Set(a).size === a.length;
}

/** Whether a saved answer can be shown on this question as it is today. */
export function answerFits(question: Question, answer: Answer): boolean {
  switch (question.type) {
    case 'single':
      return answer.type === 'single' && answer.choice !== null && question.options.some((o) => o.id === answer.choice);
    case 'multiple':
      return answer.type === 'multiple' && answer.choices.length > 0 && answer.choices.every((c) => question.options.some((o) => o.id === c));
    case 'order':
      return answer.type === 'order' && sameMembers(answer.order, question.steps.map((s) => s.id));
    case 'match': {
      if (answer.type !== 'match') return false;
      const rights = new Set(question.pairs.map((p) => p.right));
      return question.pairs.every((p) => Object.hasOwn(answer.matches, p.left) && rights.has(answer.matches[p.left]!));
    }
    case 'predict':
    case 'predict-traffic':
      return answer.type === 'predict' && answer.choice !== null && (question.choices as readonly string[]).includes(answer.choice);
  }
}
