/**
 * Checks a quiz's data: what the type system cannot (unique ids, answers among the options, distinct
 * matches, predict links that decode cleanly and whose engine answer is among the choices; for a traffic
 * prediction, an answer far enough from the line that flips it).
 */
import { decodeLink } from '@/lib/scenario/url-codec';
import { letterReferences, optionLetter } from './letters';
import { engineAnswer, trafficVerdictOf } from './predict';
import { choiceSentenceOrNull, trafficChoiceSentenceOrNull } from './predict-words';
import { DEFAULT_SAME_WITHIN, parseBand, relativeChange } from './traffic-choices';
import { manyRequestScenario } from './traffic-figures';
import { TRAFFIC_CHANGES, type Option, type PredictTraffic, type Quiz } from './types';

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

/**
 * A figure this close to where the answer would flip is graded on luck, not on the behaviour the question teaches:
 * a change between half and twice the `same` line, or a value within 10% of a band's edge.
 */
const CLEAR_CHANGE = { below: 0.5, above: 2 };
const CLEAR_OF_EDGE = 0.1;

/** What is wrong with a traffic prediction: its runs, its figure, its choices, or an answer too close to call. */
function trafficErrors(q: PredictTraffic): string[] {
  const errors: string[] = [];
  const links = q.ask === 'change' ? [q.link, q.changed] : [q.link];
  for (const link of links) {
    const scenario = manyRequestScenario(link);
    if (typeof scenario === 'string') errors.push(scenario);
  }
  if (errors.length) return errors;
  if (!q.what.trim()) errors.push('“what” names the figure for the choices, and is empty');
  if (new Set(q.choices).size !== q.choices.length) errors.push('duplicate choices');
  for (const choice of q.choices) if (trafficChoiceSentenceOrNull(q, choice) === null) errors.push(`the choice “${choice}” is not ${q.ask === 'change' ? `one of ${TRAFFIC_CHANGES.join(', ')}` : 'a band <from>-<to> (to may be inf)'}`);
  if (q.ask === 'band') {
    const bands = q.choices.map(parseBand).filter((b) => b !== null).sort((a, b) => a.from - b.from);
    for (let i = 1; i < bands.length; i++) if (bands[i]!.from !== bands[i - 1]!.to) errors.push('the bands must meet end to end, with no gap or overlap');
  }
  const verdict = trafficVerdictOf(q);
  if (typeof verdict === 'string') return [...errors, verdict];
  if (!(q.choices as readonly string[]).includes(verdict.answer)) errors.push(`the engine answers “${verdict.answer}” (${verdict.before}${verdict.after === undefined ? '' : ` → ${verdict.after}`}), which is not among the choices ${q.choices.join(', ')}`);
  if (q.ask === 'change') {
    const line = q.sameWithin ?? DEFAULT_SAME_WITHIN;
    const change = relativeChange(verdict.before, verdict.after!);
    if (change > line * CLEAR_CHANGE.below && change < line * CLEAR_CHANGE.above) errors.push(`the figure moves ${(change * 100).toFixed(1)}% (${verdict.before} → ${verdict.after}), too near the ${(line * 100).toFixed(1)}% line between “same” and a change to grade fairly`);
  } else {
    const edges = q.choices.map(parseBand).flatMap((b) => (b ? [b.from, b.to] : [])).filter((e) => e > 0 && e < Infinity);
    const near = edges.find((edge) => Math.abs(verdict.before - edge) <= edge * CLEAR_OF_EDGE);
    if (near !== undefined) errors.push(`the figure is ${verdict.before}, within ${CLEAR_OF_EDGE * 100}% of the band edge ${near}: too near to grade fairly`);
  }
  return errors;
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
      case 'predict-traffic':
        for (const error of trafficErrors(q)) errors.push(`${at(q.id)}: ${error}`);
        break;
    }
  }
  return errors;
}
