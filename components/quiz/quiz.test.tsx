// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import type { StateStorage } from 'zustand/middleware';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '@/lib/quiz/grade';
import type { Question } from '@/lib/quiz/types';
import { handshakeOrder, httpsPort } from '@/lib/testing/quiz-questions';
import type { PredictTrafficChange } from '@/lib/quiz/types';
import { createProgressStore } from '@/lib/store/progress-store';
import { ProgressProvider } from '@/components/progress/ProgressProvider';
import { QuestionCard } from './QuestionCard';
import { OrderInput } from './questions';

afterEach(cleanup);

function memoryStorage(): StateStorage {
  const data: Record<string, string> = {};
  return { getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v), removeItem: (k) => void delete data[k] };
}

const ports = httpsPort;

function showQuestion(store = createProgressStore(memoryStorage()), question: Question = ports) {
  render(
    <ProgressProvider store={store}>
      <ol>
        <QuestionCard lesson="demo" question={question} index={0} questionIds={[question.id]} />
      </ol>
    </ProgressProvider>,
  );
  return store;
}

async function check() {
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Check answer' })));
}

describe('a quiz question', () => {
  it('letters its options, lets a wrong answer be tried again, and scores the first try', async () => {
    const store = showQuestion();
    fireEvent.click(screen.getByRole('radio', { name: 'A 80' }));
    await check();
    // Feedback loads its code when first needed.
    expect(await screen.findByText('Not quite.', { selector: 'p:not([role])' })).toBeTruthy();
    // The explanation waits until the learner asks for it or gets it right.
    expect(screen.queryByText(/is plain HTTP/)).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Not quite. Try again, or show the answer.');
    // The Check button has gone, so focus moves to what it said.
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Not quite.'));

    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('radio', { name: 'A 80' })).toHaveProperty('disabled', false);
    // Focus returns to the learner's own choice, ready to change it.
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'A 80' }));
    fireEvent.click(screen.getByRole('radio', { name: 'B 443' }));
    await check();
    expect(screen.getByRole('status').textContent).toBe('Correct.');
    expect(await screen.findByText(/Right on try 2/)).toBeTruthy();
    // The explanation's Markdown is drawn, not shown raw.
    expect(screen.getByText('layered').tagName).toBe('EM');
    expect(store.getState().progress.lessons.demo?.questions['https-port']).toMatchObject({ firstTryCorrect: false, correct: true, tries: 2, answer: { type: 'single', choice: 'b' } });
    expect(store.getState().progress.lessons.demo?.completedAt).toBeNull();
  });

  it('shows the answer and why on request, without a retry', async () => {
    showQuestion();
    fireEvent.click(screen.getByRole('radio', { name: 'A 80' }));
    await check();
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Show the answer' })));
    expect(await screen.findByText('B: 443')).toBeTruthy();
    expect(screen.getByText(/is plain HTTP/)).toBeTruthy();
  });

  it('shows the saved choices of an earlier visit', async () => {
    const store = createProgressStore(memoryStorage());
    store.getState().recordTry('demo', 'https-port', { type: 'single', choice: 'a' }, false, '2026-01-01T00:00:00.000Z');
    showQuestion(store);
    expect(screen.getByRole('radio', { name: 'A 80' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'A 80' })).toHaveProperty('disabled', true);
    expect(await screen.findByText('Not quite.')).toBeTruthy();
  });

  it('completes the lesson when the only question is right first time', async () => {
    const store = showQuestion();
    fireEvent.click(screen.getByRole('radio', { name: 'B 443' }));
    await check();
    expect(store.getState().progress.lessons.demo?.completedAt).not.toBeNull();
  });
});

// The backoff study on few clients: quick to run in a test, and full jitter clearly cuts the calls.
const jitter: PredictTrafficChange = {
  id: 'jitter',
  type: 'predict-traffic',
  prompt: 'Full jitter instead of none?',
  ask: 'change',
  link: 'preset=backoff-study&clients=20&jitter=none',
  changed: 'preset=backoff-study&clients=20&jitter=full',
  of: 'traffic:summary.calls',
  what: 'calls to the row',
  choices: ['up', 'down', 'same'],
  explanation: 'Jitter *spreads* the retries.',
  covers: ['x'],
};

describe('a traffic prediction', () => {
  it('offers its choices as sentences about the figure, runs both runs when checked, and shows their figures', async () => {
    showQuestion(undefined, jitter);
    expect(screen.getByText('Predict the change in calls to the row, then check: the simulator runs both traffic runs and grades your prediction.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Calls to the row: down' }));
    await check();
    // The engine's code loads when first checked.
    expect(await screen.findByText('Correct.', { selector: 'p:not([role])' }, { timeout: 30_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show me' }));
    const runs = await screen.findByRole('figure', { name: 'Simulator: this question’s traffic runs' });
    await waitFor(() => expect(within(runs).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '/sandbox/?preset=backoff-study&clients=20&jitter=none&mode=backoff-study',
      '/sandbox/?preset=backoff-study&clients=20&jitter=full&mode=backoff-study',
    ]));
    expect(within(runs).getByText('As it starts:')).toBeTruthy();
  });
});

const handshake = handshakeOrder;

function Ordered() {
  const [answer, setAnswer] = useState<Extract<Answer, { type: 'order' }>>({ type: 'order', order: ['ack', 'syn', 'synack'] });
  return <OrderInput question={handshake} answer={answer} onChange={setAnswer} disabled={false} />;
}

describe('an ordering question', () => {
  it('announces each move and keeps focus on the moved step', () => {
    render(<Ordered />);
    fireEvent.click(screen.getByRole('button', { name: 'Move “SYN” up' }));
    expect(screen.getByRole('status').textContent).toBe('“SYN” moved up to position 1 of 3, before “ACK”.');
    expect(within(screen.getByRole('list')).getAllByRole('listitem')[0]!.textContent).toContain('SYN');
    // At the top, "up" is disabled, so focus lands on the same step's "down".
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move “SYN” down' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move “ACK” down' }));
    expect(screen.getByRole('status').textContent).toBe('“ACK” moved down to position 3 of 3, after “SYN-ACK”.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move “ACK” up' }));
  });
});
