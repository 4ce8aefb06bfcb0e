'use client';

/**
 * One quiz question and its loop: answer, check, and on a wrong answer try again or see the answer and why.
 * Every try is saved with its choices, so a reload shows what the learner chose; the first try is what the
 * score counts. A predict question loads the engine only when checked; a traffic prediction runs its traffic then,
 * pausing for the page between slices of work.
 */
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { answerFits, emptyAnswer } from '@/lib/quiz/answers';
import { grade, isComplete, type Answer, type Grade } from '@/lib/quiz/grade';
import type { Question } from '@/lib/quiz/types';
import type { Progress, QuestionRecord } from '@/lib/progress/progress';
import { useProgress, useProgressStore } from '@/components/progress/ProgressProvider';
import { InlineMarkdown } from './InlineMarkdown';
import { MatchInput, MultipleInput, OrderInput, PredictInput, SingleInput } from './questions';

// Feedback shows only after a check or once saved progress has loaded, both after the page is up, so its
// code (and the "Show me" simulator behind it) stays out of the lesson's first load.
const Feedback = dynamic(() => import('./Feedback').then((m) => m.Feedback), { ssr: false });

async function gradeQuestion(question: Question, answer: Answer): Promise<Grade> {
  if (question.type !== 'predict' && question.type !== 'predict-traffic') return grade(question, answer);
  const { engineAnswerAsync } = await import('@/lib/quiz/predict');
  return grade(question, answer, await engineAnswerAsync(question));
}

function recordOf(lessons: Progress['lessons'], lesson: string, id: string): QuestionRecord | undefined {
  const questions = Object.hasOwn(lessons, lesson) ? lessons[lesson]!.questions : undefined;
  return questions && Object.hasOwn(questions, id) ? questions[id] : undefined;
}

function QuestionInput({ question, answer, disabled, onChange }: { question: Question; answer: Answer; disabled: boolean; onChange: (answer: Answer) => void }) {
  const props = { disabled, onChange } as const;
  switch (question.type) {
    case 'single':
      return <SingleInput question={question} answer={answer as Extract<Answer, { type: 'single' }>} {...props} />;
    case 'multiple':
      return <MultipleInput question={question} answer={answer as Extract<Answer, { type: 'multiple' }>} {...props} />;
    case 'order':
      return <OrderInput question={question} answer={answer as Extract<Answer, { type: 'order' }>} {...props} />;
    case 'match':
      return <MatchInput question={question} answer={answer as Extract<Answer, { type: 'match' }>} {...props} />;
    case 'predict':
    case 'predict-traffic':
      return <PredictInput question={question} answer={answer as Extract<Answer, { type: 'predict' }>} {...props} />;
  }
}

interface Props {
  lesson: string;
  question: Question;
  index: number;
  /** Every question id in the quiz, to tell when the lesson is passed. */
  questionIds: readonly string[];
}

export function QuestionCard({ lesson, question, index, questionIds }: Props) {
  const store = useProgressStore();
  const record = useProgress((s) => recordOf(s.progress.lessons, lesson, question.id));
  const [draft, setDraft] = useState<Answer>(() => emptyAnswer(question));
  const [retrying, setRetrying] = useState(false);
  const [checking, setChecking] = useState(false);
  /** The right answer in words, once known: from this visit's check, or worked out when the learner asks to see it. */
  const [expected, setExpected] = useState<string | null>(null);
  const [showAnswer, setShowAnswer] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  /** Focus goes to the inputs after the next render: the button pressed is about to disappear. */
  const focusNext = useRef<'input' | null>(null);
  /** A check just ended, so the feedback takes focus when it appears (its code may still be loading). */
  const [justChecked, setJustChecked] = useState(false);
  const fieldset = useRef<HTMLFieldSetElement>(null);

  const graded = record !== undefined && !retrying;
  const saved = record?.answer && answerFits(question, record.answer) ? record.answer : null;
  const shown = graded ? (saved ?? emptyAnswer(question)) : draft;
  const headingId = `q-${question.id}`;

  useEffect(() => {
    if (focusNext.current !== 'input') return;
    focusNext.current = null;
    // The learner's own choice first, as a radio group's tab stop is its checked radio.
    const root = fieldset.current;
    (root?.querySelector<HTMLElement>('input:checked') ?? root?.querySelector<HTMLElement>('input:not(:disabled), select:not(:disabled), button:not(:disabled)'))?.focus();
  });

  const check = async () => {
    setChecking(true);
    const result = await gradeQuestion(question, draft);
    const at = new Date().toISOString();
    const state = store.getState();
    state.recordTry(lesson, question.id, draft, result.correct, at);
    state.completeIfPassed(lesson, questionIds, at);
    setExpected(result.expected);
    setShowAnswer(false);
    setRetrying(false);
    setChecking(false);
    setAnnouncement(result.correct ? 'Correct.' : 'Not quite. Try again, or show the answer.');
    setJustChecked(true);
  };

  const tryAgain = () => {
    setDraft(saved ?? emptyAnswer(question));
    setShowAnswer(false);
    setRetrying(true);
    setJustChecked(false);
    setAnnouncement('');
    focusNext.current = 'input';
  };

  const revealAnswer = async () => {
    const known = expected ?? (await gradeQuestion(question, shown)).expected;
    setExpected(known);
    setShowAnswer(true);
    setAnnouncement(`The answer: ${known}`);
  };

  return (
    <li className="quiz-card rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <fieldset ref={fieldset} aria-labelledby={headingId} className="m-0 flex min-w-0 flex-col gap-3 border-0 p-0">
        <legend id={headingId} className="font-semibold">
          <span className="mr-1.5 text-slate-600 dark:text-slate-400">{index + 1}.</span>
          <InlineMarkdown text={question.prompt} />
        </legend>
        <QuestionInput question={question} answer={shown} disabled={graded || checking} onChange={setDraft} />
      </fieldset>
      {graded ? null : (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => void check()}
            disabled={!isComplete(question, draft) || checking}
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-slate-400 disabled:text-slate-900"
          >
            {checking ? (question.type === 'predict' || question.type === 'predict-traffic' ? 'Running the simulator…' : 'Checking…') : 'Check answer'}
          </button>
          {retrying ? <span className="text-sm text-slate-700 dark:text-slate-300">Try {record ? record.tries + 1 : 1}. Your score keeps the first try.</span> : null}
        </div>
      )}
      {graded && record ? (
        <Feedback
          takeFocus={justChecked}
          question={question}
          record={record}
          choicesKnown={saved !== null}
          expected={expected}
          showAnswer={showAnswer}
          onTryAgain={tryAgain}
          onShowAnswer={() => void revealAnswer()}
        />
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </li>
  );
}
