import { describe, expect, it } from 'vitest';
import { grade, isComplete, stableShuffle } from './grade';
import { engineAnswer } from './predict';
import { validateQuiz } from './validate';
import { databasePorts, handshakeOrder, httpsPort, sqliStatus } from '@/lib/testing/quiz-questions';
import type { Quiz } from './types';

const [single, order, match, predict] = [httpsPort, handshakeOrder, databasePorts, sqliStatus];

describe('grading', () => {
  it('grades a single choice by its option id', () => {
    expect(grade(single, { type: 'single', choice: 'b' }).correct).toBe(true);
    expect(grade(single, { type: 'single', choice: 'a' })).toEqual({ correct: false, expected: 'B: 443' });
  });

  it('grades multiple choice as an exact set, order not mattering', () => {
    const q = { ...single, type: 'multiple' as const, answers: ['a', 'b'] };
    expect(grade(q, { type: 'multiple', choices: ['b', 'a'] }).correct).toBe(true);
    expect(grade(q, { type: 'multiple', choices: ['a'] }).correct).toBe(false);
    expect(grade(q, { type: 'multiple', choices: ['a', 'a'] }).correct).toBe(false);
    expect(grade(q, { type: 'multiple', choices: ['a'] }).expected).toBe('A: 80; B: 443');
  });

  it('grades an ordering only when every step is in place', () => {
    expect(grade(order, { type: 'order', order: ['syn', 'synack', 'ack'] }).correct).toBe(true);
    expect(grade(order, { type: 'order', order: ['syn', 'ack', 'synack'] }).correct).toBe(false);
    expect(grade(order, { type: 'order', order: ['syn', 'synack', 'ack'] }).expected).toBe('SYN → SYN-ACK → ACK');
  });

  it('grades a matching pair by pair', () => {
    expect(grade(match, { type: 'match', matches: { PostgreSQL: '5432', MySQL: '3306', Redis: '6379' } }).correct).toBe(true);
    expect(grade(match, { type: 'match', matches: { PostgreSQL: '3306', MySQL: '5432', Redis: '6379' } }).correct).toBe(false);
    expect(isComplete(match, { type: 'match', matches: { PostgreSQL: '5432' } })).toBe(false);
  });

  it('grades a prediction against what the engine actually does', () => {
    const answer = engineAnswer(predict);
    expect(answer).toBe('403');
    expect(grade(predict, { type: 'predict', choice: '403' }, answer).correct).toBe(true);
    expect(grade(predict, { type: 'predict', choice: '200' }, answer)).toEqual({ correct: false, expected: 'The browser gets 403 Forbidden' });
    expect(engineAnswer({ ...predict, link: 'payload=sqli&waf=off' })).toBe('200');
  });

  it('shuffles the same way every time, and never hands out a solved ordering', () => {
    expect(stableShuffle(order.steps, order.id)).toEqual(stableShuffle(order.steps, order.id));
    for (const key of ['a', 'b', 'c', 'handshake', 'request-path']) {
      expect(stableShuffle(order.steps, key).map((s) => s.id)).not.toEqual(['syn', 'synack', 'ack']);
    }
  });
});

describe('quiz validation', () => {
  const known = new Set(['x']);
  const quiz: Quiz = { lesson: 'demo', questions: [single, order, match, predict, { ...single, id: 's2' }, { ...single, id: 's3' }] };

  it('accepts a sound quiz', () => {
    expect(validateQuiz(quiz, known)).toEqual([]);
  });

  it('rejects a prediction whose engine answer is not offered', () => {
    const bad = { ...quiz, questions: [...quiz.questions.slice(0, 5), { ...predict, id: 'p2', choices: ['200', '503'] }] };
    expect(validateQuiz(bad, known)).toEqual([expect.stringContaining('the engine answers “403”')]);
  });

  it('rejects an explanation whose letter does not name the option shown with it', () => {
    const wrongLetter = { ...single, id: 's4', explanation: 'Port 80 (b) is plain HTTP.', options: [single.options[1]!, single.options[0]!] };
    const noSuchOption = { ...single, id: 's5', explanation: 'Not (c).' };
    const words = { ...single, id: 's6', options: [{ id: 'plain', text: '80' }, { id: 'tls', text: '443' }], answer: 'tls', explanation: 'Not (a): that is plain HTTP.' };
    const errors = validateQuiz({ ...quiz, questions: [...quiz.questions, wrongLetter, noSuchOption, words] }, known);
    expect(errors).toEqual([
      expect.stringContaining('s4: the explanation’s (b) means option id “b”, which is shown as A'),
      expect.stringContaining('s5: the explanation refers to (c), but there is no option C'),
    ]);
  });

  it('rejects a predict choice no sentence describes, and a question id progress cannot store', () => {
    const unknownNode = { ...predict, id: 'p3', ask: 'answeredBy' as const, link: 'payload=sqli', choices: ['waf', 'edge', 'lambda'] };
    const errors = validateQuiz({ ...quiz, questions: [...quiz.questions, unknownNode, { ...single, id: 'Bad Id' }] }, known);
    expect(errors).toEqual([expect.stringContaining('no sentence says what the choice “lambda” means'), expect.stringContaining('Bad Id: a question id is lowercase')]);
  });

  it('rejects a bad link, an unknown heading, too few questions and an answer that is not an option', () => {
    const bad: Quiz = { lesson: 'demo', questions: [{ ...predict, link: 'db=explode' }, { ...single, answer: 'z', covers: ['nope'] }] };
    const errors = validateQuiz(bad, known);
    expect(errors.some((e) => e.includes('at least 6'))).toBe(true);
    expect(errors.some((e) => e.includes('db=explode'))).toBe(true);
    expect(errors.some((e) => e.includes('unknown heading'))).toBe(true);
    expect(errors.some((e) => e.includes('not an option'))).toBe(true);
  });
});
