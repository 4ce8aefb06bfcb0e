'use client';

/**
 * What a checked question says: right or not, and then either the explanation or, after a miss, the way
 * on (try again, or see the answer and why). A predict question can also be played in the simulator, and a traffic
 * prediction shows its runs' figures.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { QuestionRecord } from '@/lib/progress/progress';
import type { Question } from '@/lib/quiz/types';
import { InlineMarkdown } from './InlineMarkdown';
import { ScenarioSim } from './ScenarioSim';
import { TrafficRuns } from './TrafficRuns';

interface Props {
  /** Whether to take focus on appearing: after a check, when the button pressed has gone. */
  takeFocus: boolean;
  question: Question;
  record: QuestionRecord;
  /** False when the saved try predates saving choices, so the inputs above cannot show them. */
  choicesKnown: boolean;
  /** The right answer in words, when it is to be shown. */
  expected: string | null;
  showAnswer: boolean;
  onTryAgain: () => void;
  onShowAnswer: () => void;
}

const secondaryButton = 'rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-500 dark:bg-slate-900 dark:hover:bg-slate-800';
const showMeButton =
  'rounded-md border border-blue-700 bg-white px-3 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50 dark:border-blue-400 dark:bg-slate-900 dark:text-blue-200 dark:hover:bg-blue-950';

export function Feedback({ takeFocus, question, record, choicesKnown, expected, showAnswer, onTryAgain, onShowAnswer }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [simOpen, setSimOpen] = useState(false);
  const simId = useId();
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  const right = record.correct;
  const explained = right || showAnswer;
  return (
    <>
      <div
        ref={ref}
        tabIndex={-1}
        className={`mt-3 rounded-lg border-l-4 px-3 py-2 outline-offset-2 ${right ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40' : 'border-red-700 bg-red-50 dark:bg-red-950/40'}`}
      >
        <p className="m-0 font-semibold">{right ? 'Correct.' : 'Not quite.'}</p>
        {right && !record.firstTryCorrect ? (
          <p className="m-0 mt-1 text-sm">
            Right on try {record.tries}. Your score counts the first try, which missed.
          </p>
        ) : null}
        {choicesKnown ? null : <p className="m-0 mt-1 text-sm">{right ? 'You answered this correctly earlier' : 'You missed this one earlier'}; the choices you made then were not kept.</p>}
        {!right && !showAnswer ? <p className="m-0 mt-1">Try again, or show the answer and why.</p> : null}
        {!right && showAnswer && expected ? (
          <p className="m-0 mt-1">
            <span className="font-semibold">The answer: </span>
            <InlineMarkdown text={expected} />
          </p>
        ) : null}
        {explained ? (
          <p className="m-0 mt-1">
            <InlineMarkdown text={question.explanation} />
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap gap-2 empty:hidden">
          {right ? null : (
            <button type="button" className={secondaryButton} onClick={onTryAgain}>
              Try again
            </button>
          )}
          {right || showAnswer ? null : (
            <button type="button" className={secondaryButton} onClick={onShowAnswer}>
              Show the answer
            </button>
          )}
          {question.type === 'predict' || question.type === 'predict-traffic' ? (
            <button type="button" aria-expanded={simOpen} aria-controls={simId} onClick={() => setSimOpen(!simOpen)} className={showMeButton}>
              {simOpen ? 'Hide the simulator' : 'Show me'}
            </button>
          ) : null}
        </div>
      </div>
      {question.type === 'predict' && simOpen ? <ScenarioSim id={simId} link={question.link} /> : null}
      {question.type === 'predict-traffic' && simOpen ? <TrafficRuns id={simId} question={question} /> : null}
    </>
  );
}
