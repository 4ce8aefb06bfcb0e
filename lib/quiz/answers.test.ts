import { describe, expect, it } from 'vitest';
import { answerFits, emptyAnswer } from './answers';
import type { Matching, Ordering, Predict, SingleChoice } from './types';

const single: SingleChoice = { id: 's', type: 'single', prompt: '?', options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }], answer: 'b', explanation: '…', covers: ['x'] };
const order: Ordering = { id: 'o', type: 'order', prompt: '?', steps: [{ id: 'syn', text: 'SYN' }, { id: 'synack', text: 'SYN-ACK' }, { id: 'ack', text: 'ACK' }], explanation: '…', covers: ['x'] };
const match: Matching = { id: 'm', type: 'match', prompt: '?', pairs: [{ left: 'PostgreSQL', right: '5432' }, { left: 'MySQL', right: '3306' }], explanation: '…', covers: ['x'] };
const predict: Predict = { id: 'p', type: 'predict', prompt: '?', link: 'payload=sqli', ask: 'status', choices: ['200', '403'], explanation: '…', covers: ['x'] };

describe('saved answers', () => {
  it('fit a question whose options are still there', () => {
    expect(answerFits(single, { type: 'single', choice: 'a' })).toBe(true);
    expect(answerFits(order, { type: 'order', order: ['ack', 'syn', 'synack'] })).toBe(true);
    expect(answerFits(match, { type: 'match', matches: { PostgreSQL: '3306', MySQL: '5432' } })).toBe(true);
    expect(answerFits(predict, { type: 'predict', choice: '403' })).toBe(true);
  });

  it('do not fit once the quiz has changed under them', () => {
    expect(answerFits(single, { type: 'single', choice: 'z' })).toBe(false);
    expect(answerFits(single, { type: 'predict', choice: 'a' })).toBe(false);
    expect(answerFits(order, { type: 'order', order: ['syn', 'ack'] })).toBe(false);
    expect(answerFits(order, { type: 'order', order: ['syn', 'syn', 'ack'] })).toBe(false);
    expect(answerFits(match, { type: 'match', matches: { PostgreSQL: '5432' } })).toBe(false);
    expect(answerFits(match, { type: 'match', matches: { PostgreSQL: '5432', MySQL: '1521' } })).toBe(false);
    expect(answerFits(predict, { type: 'predict', choice: '504' })).toBe(false);
  });

  it('start empty, and an ordering starts shuffled', () => {
    expect(emptyAnswer(single)).toEqual({ type: 'single', choice: null });
    const start = emptyAnswer(order);
    expect(start.type === 'order' && start.order).not.toEqual(['syn', 'synack', 'ack']);
  });
});
