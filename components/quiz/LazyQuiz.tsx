'use client';

/**
 * The lesson's quiz as an island: its questions are in the static HTML, and its code (questions, grading,
 * progress) loads and runs when the reader nears the end of the lesson or reaches into the quiz.
 */
import dynamic from 'next/dynamic';
import { Dormant } from '@/components/ui/Dormant';
import type { Quiz as QuizData } from '@/lib/quiz/types';

const Quiz = dynamic(() => import('./Quiz').then((m) => m.Quiz));

/**
 * Until the reader nears it the quiz is also skipped by layout (`content-visibility: auto`, at a remembered or
 * estimated height): it is half of a lesson's elements, and laying it out delayed the lesson's first paint.
 */
export function LazyQuiz({ quiz }: { quiz: QuizData }) {
  return (
    <Dormant className="[contain-intrinsic-size:auto_2400px] [content-visibility:auto]">
      <Quiz quiz={quiz} />
    </Dormant>
  );
}
