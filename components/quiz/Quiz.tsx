'use client';

/**
 * A lesson's closing quiz: its questions, the score (first tries only), and a fresh start that asks before
 * it erases anything. Passing it, with every question answered, completes the lesson.
 */
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Quiz as QuizData } from '@/lib/quiz/types';
import { lessonScore, PASS_PERCENT, type LessonScore } from '@/lib/progress/score';
import { useProgress, useProgressStore } from '@/components/progress/ProgressProvider';
import { QuestionCard } from './QuestionCard';

// Only needed once the learner asks to start again.
const ConfirmDialog = dynamic(() => import('@/components/progress/ConfirmDialog').then((m) => m.ConfirmDialog), { ssr: false });

function summary(score: LessonScore, complete: boolean): string {
  const { total, answered, firstTryCorrect, percent } = score;
  if (answered === 0) {
    return `${total} questions. Every answer comes with an explanation. ${PASS_PERCENT}% right on the first try, with every question answered, completes the lesson.`;
  }
  const counted = `Score: ${firstTryCorrect} of ${total} right on the first try`;
  if (answered < total) return `${counted} (${answered} of ${total} answered).`;
  if (score.passed || complete) return `${counted} (${percent}%). Lesson complete.`;
  return `${counted} (${percent}%). The lesson needs ${PASS_PERCENT}%: try the quiz again when you are ready.`;
}

export function Quiz({ quiz }: { quiz: QuizData }) {
  const store = useProgressStore();
  const questionIds = useMemo(() => quiz.questions.map((q) => q.id), [quiz]);
  const lesson = useProgress((s) => (Object.hasOwn(s.progress.lessons, quiz.lesson) ? s.progress.lessons[quiz.lesson] : undefined));
  const score = lessonScore(lesson, questionIds);
  const complete = Boolean(lesson?.completedAt);
  // A new attempt remounts every question, so no draft or revealed answer survives the fresh start.
  const [attempt, setAttempt] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Answers checked here complete the lesson as they pass; this catches a pass that arrived another way
  // (progress merged from files), so a passed quiz never sits beside an incomplete lesson.
  useEffect(() => {
    if (score.passed && !complete) store.getState().completeIfPassed(quiz.lesson, questionIds, new Date().toISOString());
  }, [score.passed, complete, store, quiz.lesson, questionIds]);

  const startAgain = () => {
    store.getState().resetQuiz(quiz.lesson);
    setAttempt(attempt + 1);
    setConfirming(false);
    // The button that opened the dialog is gone with the answers, so focus goes to the top of the quiz.
    heading.current?.focus();
  };

  return (
    <section aria-labelledby="quiz-heading" className="not-prose mt-12">
      <h2 id="quiz-heading" ref={heading} tabIndex={-1} className="text-2xl font-semibold">
        Check your understanding
      </h2>
      <p className="mt-1 text-slate-700 dark:text-slate-300" role="status">
        {summary(score, complete)}
      </p>
      <ol key={attempt} className="mt-4 flex list-none flex-col gap-4 p-0">
        {quiz.questions.map((question, index) => (
          <QuestionCard key={question.id} lesson={quiz.lesson} question={question} index={index} questionIds={questionIds} />
        ))}
      </ol>
      {score.answered > 0 ? (
        <button type="button" className="mt-4 rounded-md border border-slate-400 px-4 py-2 text-sm dark:border-slate-500" onClick={() => setConfirming(true)}>
          Try the quiz again
        </button>
      ) : null}
      {confirming ? (
        <ConfirmDialog title="Start the quiz again?" confirmLabel="Clear my answers" cancelLabel="Keep my answers" onConfirm={startAgain} onCancel={() => setConfirming(false)}>
          <p className="m-0">
            This clears your {score.answered === 1 ? 'answer' : `${score.answered} answers`} and the score they make, so you can answer every question afresh.
            {complete ? ' The lesson stays complete.' : ''}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
