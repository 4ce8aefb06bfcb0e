/**
 * The answer to a predict question is whatever the engine does with its scenario: nothing is stored.
 */
import { runScenario } from '@/lib/sim';
import { decodeLink } from '@/lib/scenario/url-codec';
import type { Predict } from './types';

export function engineAnswer(question: Pick<Predict, 'link' | 'ask'>): string {
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
