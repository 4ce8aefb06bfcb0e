'use client';

/**
 * A lesson's closing quiz. Each question is checked on its own, shows whether it was right and why,
 * and is recorded in the learner's progress. A predict question loads the engine only when checked.
 */
import { useEffect, useState } from 'react';
import { grade, isComplete, stableShuffle, type Answer, type Grade } from '@/lib/quiz/grade';
import type { Question, Quiz as QuizData } from '@/lib/quiz/types';
import { useProgress, useProgressStore } from '@/components/progress/ProgressProvider';
import { MatchInput, MultipleInput, OrderInput, PredictInput, SingleInput } from './questions';

function emptyAnswer(question: Question): Answer {
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
      return { type: 'predict', choice: null };
  }
}

async function gradeQuestion(question: Question, answer: Answer): Promise<Grade> {
  if (question.type !== 'predict') return grade(question, answer);
  const { engineAnswer } = await import('@/lib/quiz/predict');
  return grade(question, answer, engineAnswer(question));
}

function QuestionCard({ lesson, question, index, attempt }: { lesson: string; question: Question; index: number; attempt: number }) {
  const progress = useProgressStore();
  const [answer, setAnswer] = useState<Answer>(() => emptyAnswer(question));
  const [result, setResult] = useState<Grade | null>(null);
  const [checking, setChecking] = useState(false);
  // Only whether it was right is saved, so after a reload an answered question shows that and its explanation.
  const earlier = useProgress((s) => s.progress.lessons[lesson]?.answers[question.id]);
  const headingId = `q-${question.id}-${attempt}`;
  const disabled = result !== null || earlier !== undefined || checking;

  const check = async () => {
    setChecking(true);
    const graded = await gradeQuestion(question, answer);
    setResult(graded);
    setChecking(false);
    progress.getState().recordAnswer(lesson, question.id, graded.correct);
  };

  const input = (() => {
    const props = { disabled, onChange: setAnswer } as const;
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
        return <PredictInput question={question} answer={answer as Extract<Answer, { type: 'predict' }>} {...props} />;
    }
  })();

  return (
    <li className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <fieldset aria-labelledby={headingId} className="m-0 flex min-w-0 flex-col gap-3 border-0 p-0">
        <legend id={headingId} className="font-semibold">
          <span className="mr-1.5 text-slate-600 dark:text-slate-400">{index + 1}.</span>
          {question.prompt}
        </legend>
        {input}
      </fieldset>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {result === null && earlier === undefined ? (
          <button
            type="button"
            onClick={check}
            disabled={!isComplete(question, answer) || checking}
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-slate-400 disabled:text-slate-900"
          >
            {checking ? 'Running the simulator…' : 'Check answer'}
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {result ? (
          <div className={`mt-3 rounded-lg border-l-4 px-3 py-2 ${result.correct ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40' : 'border-red-700 bg-red-50 dark:bg-red-950/40'}`}>
            <p className="m-0 font-semibold">{result.correct ? 'Correct.' : `Not quite. The answer: ${result.expected}.`}</p>
            <p className="m-0 mt-1">{question.explanation}</p>
          </div>
        ) : earlier !== undefined ? (
          <div className={`mt-3 rounded-lg border-l-4 px-3 py-2 ${earlier ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40' : 'border-red-700 bg-red-50 dark:bg-red-950/40'}`}>
            <p className="m-0 font-semibold">{earlier ? 'You answered this correctly earlier.' : 'You missed this one earlier.'}</p>
            <p className="m-0 mt-1">{question.explanation}</p>
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** A stable empty record: a selector returning a fresh `{}` each call would make the store re-render forever. */
const NO_ANSWERS: Readonly<Record<string, boolean>> = Object.freeze({});

export function Quiz({ quiz }: { quiz: QuizData }) {
  const progress = useProgressStore();
  const answers = useProgress((s) => s.progress.lessons[quiz.lesson]?.answers ?? NO_ANSWERS);
  const [attempt, setAttempt] = useState(0);
  const answered = quiz.questions.filter((q) => q.id in answers).length;
  const correct = quiz.questions.filter((q) => answers[q.id] === true).length;
  const done = answered === quiz.questions.length;

  useEffect(() => {
    // Finishing the quiz completes the lesson.
    if (done) progress.getState().completeLesson(quiz.lesson, new Date().toISOString());
  }, [done, progress, quiz.lesson]);

  return (
    <section aria-labelledby="quiz-heading" className="not-prose mt-12">
      <h2 id="quiz-heading" className="text-2xl font-semibold">
        Check your understanding
      </h2>
      <p className="mt-1 text-slate-700 dark:text-slate-300" role="status">
        {answered === 0 ? `${quiz.questions.length} questions. Every answer comes with an explanation.` : `Score: ${correct} of ${quiz.questions.length} correct (${answered} answered).`}
      </p>
      <ol key={attempt} className="mt-4 flex list-none flex-col gap-4 p-0">
        {quiz.questions.map((question, index) => (
          <QuestionCard key={question.id} lesson={quiz.lesson} question={question} index={index} attempt={attempt} />
        ))}
      </ol>
      {answered > 0 ? (
        <button
          type="button"
          className="mt-4 rounded-md border border-slate-300 px-4 py-2 text-sm dark:border-slate-600"
          onClick={() => {
            progress.getState().resetQuiz(quiz.lesson);
            setAttempt(attempt + 1);
          }}
        >
          Try the quiz again
        </button>
      ) : null}
    </section>
  );
}
