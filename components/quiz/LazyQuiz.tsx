'use client';

/**
 * The lesson's quiz as an island: its questions are in the static HTML, and its code (questions, grading,
 * progress) loads and runs when the reader nears the end of the lesson or reaches into the quiz.
 */
import dynamic from 'next/dynamic';
import { Dormant } from '@/components/ui/Dormant';
import type { Quiz as QuizData } from '@/lib/quiz/types';

const Quiz = dynamic(() => import('./Quiz').then((m) => m.Quiz));

export function LazyQuiz({ quiz }: { quiz: QuizData }) {
  return (
    <Dormant>
      <Quiz quiz={quiz} />
    </Dormant>
  );
}
