/**
 * Checks a quiz's data: what the type system cannot (unique ids, answers among the options, distinct
 * matches, predict links that decode cleanly and whose engine answer is among the choices).
 */
import { decodeLink } from '@/lib/scenario/url-codec';
import { letterReferences, optionLetter } from './letters';
import { engineAnswer } from './predict';
import { choiceSentenceOrNull } from './predict-words';
import type { Option, Quiz } from './types';

export const MIN_QUESTIONS = 6;

/** Progress stores answers by question id and accepts only this form (lib/progress/schema.ts, ID_PATTERN). */
const QUESTION_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** An explanation's "(b)" must mean the option shown as B: the one with id `b`, or, when ids are words, the second. */
function letterErrors(options: readonly Option[], explanation: string): string[] {
  return letterReferences(explanation).flatMap((letter) => {
    const shownAt = letter.charCodeAt(0) - 97;
    const byId = options.findIndex((o) => o.id === letter);
    if (shownAt >= options.length) return [`the explanation refers to (${letter}), but there is no option ${optionLetter(shownAt)}`];
    if (byId !== -1 && byId !== shownAt) return [`the explanation’s (${letter}) means option id “${letter}”, which is shown as ${optionLetter(byId)}`];
    return [];
  });
}

export function validateQuiz(quiz: Quiz, knownHeadingIds: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  const at = (id: string) => `${quiz.lesson}/${id}`;
  if (quiz.questions.length < MIN_QUESTIONS) errors.push(`${quiz.lesson}: ${quiz.questions.length} questions, at least ${MIN_QUESTIONS} needed`);
  const ids = new Set<string>();
  for (const q of quiz.questions) {
    if (ids.has(q.id)) errors.push(`${at(q.id)}: duplicate question id`);
    if (!QUESTION_ID.test(q.id)) errors.push(`${at(q.id)}: a question id is lowercase letters, digits and hyphens, so progress can store it`);
    ids.add(q.id);
    if (!q.prompt.trim()) errors.push(`${at(q.id)}: empty prompt`);
    if (!q.explanation.trim()) errors.push(`${at(q.id)}: every answer needs an explanation`);
    if (q.covers.length === 0) errors.push(`${at(q.id)}: covers no section of the notes`);
    for (const heading of q.covers) if (!knownHeadingIds.has(heading)) errors.push(`${at(q.id)}: covers unknown heading “${heading}”`);
    switch (q.type) {
      case 'single':
        if (!q.options.some((o) => o.id === q.answer)) errors.push(`${at(q.id)}: answer “${q.answer}” is not an option`);
        if (new Set(q.options.map((o) => o.id)).size !== q.options.length) errors.push(`${at(q.id)}: duplicate option ids`);
        for (const error of letterErrors(q.options, q.explanation)) errors.push(`${at(q.id)}: ${error}`);
        break;
      case 'multiple':
        if (q.answers.length === 0 || !q.answers.every((a) => q.options.some((o) => o.id === a))) errors.push(`${at(q.id)}: answers must be options`);
        if (new Set(q.options.map((o) => o.id)).size !== q.options.length) errors.push(`${at(q.id)}: duplicate option ids`);
        for (const error of letterErrors(q.options, q.explanation)) errors.push(`${at(q.id)}: ${error}`);
        break;
      case 'order':
        if (q.steps.length < 3) errors.push(`${at(q.id)}: an ordering needs at least 3 steps`);
        if (new Set(q.steps.map((s) => s.id)).size !== q.steps.length) errors.push(`${at(q.id)}: duplicate step ids`);
        break;
      case 'match':
        if (q.pairs.length < 3) errors.push(`${at(q.id)}: a matching needs at least 3 pairs`);
        if (new Set(q.pairs.map((p) => p.right)).size !== q.pairs.length) errors.push(`${at(q.id)}: right-hand items must be distinct`);
        if (new Set(q.pairs.map((p) => p.left)).size !== q.pairs.length) errors.push(`${at(q.id)}: left-hand items must be distinct`);
        break;
      case 'predict': {
        const notices = decodeLink(q.link).notices;
        if (notices.length) {
          errors.push(`${at(q.id)}: link “${q.link}”: ${notices.map((n) => `${n.param}: ${n.message}`).join('; ')}`);
          break;
        }
        const answer = engineAnswer(q);
        if (!q.choices.includes(answer)) errors.push(`${at(q.id)}: the engine answers “${answer}”, which is not among the choices ${q.choices.join(', ')}`);
        if (new Set(q.choices).size !== q.choices.length) errors.push(`${at(q.id)}: duplicate choices`);
        for (const choice of q.choices) {
          if (choiceSentenceOrNull(q.ask, choice) === null) errors.push(`${at(q.id)}: no sentence says what the choice “${choice}” means for ${q.ask} (lib/quiz/predict-words.ts)`);
        }
        break;
      }
    }
  }
  return errors;
}
