import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '@/lib/scenario/url-codec';
import { runBackoffStudy, runTrafficSync } from '@/lib/traffic';
import { grade } from './grade';
import { engineAnswer, engineAnswerAsync } from './predict';
import { predictionSentence, predictLead, trafficChoiceSentenceOrNull } from './predict-words';
import { bandContaining, changeBetween, parseBand, relativeChange } from './traffic-choices';
import type { PredictTrafficBand, PredictTrafficChange, Quiz } from './types';
import { validateQuiz } from './validate';

const base = { explanation: '…', covers: ['x'] };

// The backoff study's jitter question, as the errors-and-retries quiz asks it, on fewer clients.
const jitter: PredictTrafficChange = {
  ...base,
  id: 'jitter',
  type: 'predict-traffic',
  prompt: 'Full jitter instead of none: calls?',
  ask: 'change',
  link: 'preset=backoff-study&clients=50&jitter=none',
  changed: 'preset=backoff-study&clients=50&jitter=full',
  of: 'traffic:summary.calls',
  what: 'calls to the row',
  choices: ['up', 'down', 'same'],
};

// A payments outage, small: the breaker's effect on calls to the dead API.
const breaker: PredictTrafficChange = {
  ...base,
  id: 'breaker',
  type: 'predict-traffic',
  prompt: 'A breaker on the payments edge: calls?',
  ask: 'change',
  link: 'preset=payments-breaker&rate=10&duration=60&breaker=off&fallback=none',
  changed: 'preset=payments-breaker&rate=10&duration=60',
  of: 'traffic:summary.calls.payments',
  what: 'calls to the payments API',
  choices: ['up', 'down', 'same'],
};

const failures: PredictTrafficBand = {
  ...base,
  id: 'failures',
  type: 'predict-traffic',
  prompt: 'What share of visits fail?',
  ask: 'band',
  link: 'preset=payments-breaker&rate=10&duration=60&breaker=off&fallback=none',
  of: 'traffic:summary.errorRate',
  what: 'the share of visits that fail',
  choices: ['0-0.01', '0.01-0.1', '0.1-0.5', '0.5-inf'],
};

const scenario = (link: string) => decodeLink(link).scenario;

describe('which way a figure moves', () => {
  it('reads a change within the line as the same, and otherwise its direction', () => {
    expect(changeBetween(100, 104)).toBe('same');
    expect(changeBetween(100, 106)).toBe('up');
    expect(changeBetween(100, 80)).toBe('down');
    expect(changeBetween(100, 80, 0.25)).toBe('same');
    expect(changeBetween(0, 0)).toBe('same');
    expect(relativeChange(0, 5)).toBe(1);
  });

  it('is the mirror image when the runs swap (property, seed 10)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b) => {
        const mirror = { up: 'down', down: 'up', same: 'same' } as const;
        expect(changeBetween(b, a)).toBe(mirror[changeBetween(a, b)]);
      }),
      { seed: 10 },
    );
  });

  it('takes bands from their lower edge up to, not including, the upper one', () => {
    expect(parseBand('0.01-0.1')).toEqual({ from: 0.01, to: 0.1 });
    expect(parseBand('2000-inf')).toEqual({ from: 2000, to: Infinity });
    expect(parseBand('0.1-0.01')).toBeNull();
    expect(parseBand('lots')).toBeNull();
    expect(bandContaining(failures.choices, 0.01)).toBe('0.01-0.1');
    expect(bandContaining(failures.choices, 0.75)).toBe('0.5-inf');
    expect(bandContaining(['0-1'], 1)).toBeNull();
  });
});

describe('a traffic prediction’s answer', () => {
  it('is the direction the engine’s two runs give', () => {
    const none = runBackoffStudy(scenario(jitter.link)).summary.calls;
    const full = runBackoffStudy(scenario(jitter.changed)).summary.calls;
    expect(full).toBeLessThan(none * 0.95);
    expect(engineAnswer(jitter)).toBe('down');

    const open = runTrafficSync(scenario(breaker.link)).summary.calls.payments;
    const guarded = runTrafficSync(scenario(breaker.changed)).summary.calls.payments;
    expect(engineAnswer(breaker)).toBe(changeBetween(open, guarded));
    expect(engineAnswer(breaker)).toBe('down');
  });

  it('is the band the engine’s figure lands in', () => {
    const { errorRate } = runTrafficSync(scenario(failures.link)).summary;
    expect(engineAnswer(failures)).toBe(bandContaining(failures.choices, errorRate));
  });

  it('is the same when the page runs the traffic pausing for the browser', async () => {
    await expect(engineAnswerAsync(breaker)).resolves.toBe(engineAnswer(breaker));
  });

  it('grades the learner against it, and says the answer as a sentence about the figure', () => {
    expect(grade(breaker, { type: 'predict', choice: 'down' }, engineAnswer(breaker))).toEqual({ correct: true, expected: 'Calls to the payments API: down' });
    expect(grade(breaker, { type: 'predict', choice: 'same' }, engineAnswer(breaker)).correct).toBe(false);
    expect(predictionSentence(jitter, 'same')).toBe('Calls to the row: about the same (within 5%)');
    expect(predictionSentence(failures, '0-0.01')).toBe('The share of visits that fail: under 1%');
    expect(predictionSentence(failures, '0.1-0.5')).toBe('The share of visits that fail: from 10% to under 50%');
    expect(predictionSentence(failures, '0.5-inf')).toBe('The share of visits that fail: 50% or more');
    expect(predictionSentence({ ...failures, of: 'traffic:summary.latency.p99', choices: ['1000-10000'] }, '1000-10000')).toBe('The share of visits that fail: from 1.00 s to under 10.0 s');
    expect(trafficChoiceSentenceOrNull(jitter, 'sideways')).toBeNull();
    expect(predictLead(breaker)).toBe('Predict the change in calls to the payments API, then check: the simulator runs both traffic runs and grades your prediction.');
  });
});

describe('quiz validation of traffic predictions', () => {
  const quizOf = (...questions: Quiz['questions']): Quiz => ({ lesson: 'demo', questions });
  const known = new Set(['x']);
  const errorsOf = (...questions: Quiz['questions']) => validateQuiz(quizOf(...questions), known).filter((e) => !/questions, at least/.test(e));

  it('accepts predictions the engine answers clearly', () => {
    expect(errorsOf(jitter, breaker, failures)).toEqual([]);
  });

  it('refuses an answer that is not offered, a choice it cannot word, and bands that do not meet', () => {
    expect(errorsOf({ ...breaker, choices: ['up', 'same'] })).toEqual([expect.stringMatching(/^demo\/breaker: the engine answers “down” \(\d+ → \d+\), which is not among the choices up, same$/)]);
    expect(errorsOf({ ...breaker, choices: ['up', 'down', 'sideways'] as unknown as PredictTrafficChange['choices'] })).toEqual(['demo/breaker: the choice “sideways” is not one of up, down, same']);
    expect(errorsOf({ ...failures, choices: ['0-0.01', '0.05-0.5', '0.5-inf'] })).toContain('demo/failures: the bands must meet end to end, with no gap or overlap');
  });

  it('refuses a run that is not one of many requests, and a figure the run does not have', () => {
    expect(errorsOf({ ...failures, link: 'preset=db-down' })[0]).toMatch(/runs one request, not many/);
    expect(errorsOf({ ...failures, of: 'traffic:summary.nothing' })[0]).toMatch(/summary has no “nothing”/);
    expect(errorsOf({ ...failures, of: 'summary.errorRate' })[0]).toMatch(/not a traffic figure/);
  });

  it('refuses an answer too near the line that would flip it', () => {
    const { errorRate } = runTrafficSync(scenario(failures.link)).summary;
    const edge = Math.round(errorRate * 1.05 * 1000) / 1000;
    expect(errorsOf({ ...failures, choices: [`0-${edge}`, `${edge}-inf`] })[0]).toMatch(/within 10% of the band edge/);
    const calls = (link: string) => runTrafficSync(scenario(link)).summary.calls.payments;
    const change = relativeChange(calls(breaker.link), calls(breaker.changed));
    expect(errorsOf({ ...breaker, sameWithin: change * 0.9 })[0]).toMatch(/too near the .*% line between “same” and a change/);
  });
});
