/**
 * Every string of a quiz that a learner reads: prompts, options, steps, pairs and explanations. Build-time steps
 * that rewrite or check author text (engine figures, for one) go through this, so none of them forgets a field.
 * Ids, answers, links and predict choices are data, not prose, and are left alone.
 */
import type { Option, Question, Quiz } from './types';

export type TextMap = (text: string, where: string) => string;

function mapOptions(options: Option[], map: TextMap, where: string): Option[] {
  return options.map((o) => ({ ...o, text: map(o.text, `${where} option ${o.id}`) }));
}

function mapQuestion(q: Question, map: TextMap): Question {
  const at = q.id;
  const common = { prompt: map(q.prompt, `${at} prompt`), explanation: map(q.explanation, `${at} explanation`) };
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { ...q, ...common, options: mapOptions(q.options, map, at) };
    case 'order':
      return { ...q, ...common, steps: mapOptions(q.steps, map, at) };
    case 'match':
      return { ...q, ...common, pairs: q.pairs.map((p, i) => ({ left: map(p.left, `${at} pair ${i + 1}`), right: map(p.right, `${at} pair ${i + 1}`) })) };
    case 'predict':
      return { ...q, ...common };
    case 'predict-traffic':
      return { ...q, ...common, what: map(q.what, `${at} what`) };
  }
}

/** The quiz with each learner-facing string replaced by `map(text, where)`; `where` names the field for messages. */
export function mapQuizTexts(quiz: Quiz, map: TextMap): Quiz {
  return { ...quiz, questions: quiz.questions.map((q) => mapQuestion(q, map)) };
}

/** Each learner-facing string with where it sits, for checks that read rather than rewrite. */
export function quizTexts(quiz: Quiz): { text: string; where: string }[] {
  const found: { text: string; where: string }[] = [];
  mapQuizTexts(quiz, (text, where) => {
    found.push({ text, where });
    return text;
  });
  return found;
}
