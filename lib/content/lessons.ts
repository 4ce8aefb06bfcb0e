/**
 * Lessons as the site builds them: frontmatter, MDX component, quiz, and table of contents.
 * Server-only (reads files at build time).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentType } from 'react';
import { LESSON_SLUGS, type LessonSlug } from '@/content/manifest';
import type { Quiz } from '@/lib/quiz/types';
import { quizAsShown } from './figure-text';
import { tableOfContents, type TocEntry } from './toc';

export interface Frontmatter {
  title: string;
  summary: string;
  order: number;
  /** Minutes. */
  duration: number;
  /** Ids of the course-notes headings the lesson teaches. */
  covers: string[];
}

export interface LessonSummary extends Frontmatter {
  slug: LessonSlug;
  questions: number;
}

export function isLessonSlug(slug: string): slug is LessonSlug {
  return (LESSON_SLUGS as readonly string[]).includes(slug);
}

export async function loadLesson(slug: LessonSlug): Promise<{ Content: ComponentType; frontmatter: Frontmatter; quiz: Quiz; toc: TocEntry[] }> {
  const mdx = (await import(`@/content/lessons/${slug}.mdx`)) as { default: ComponentType; frontmatter: Frontmatter };
  const { quiz } = (await import(`@/content/quizzes/${slug}`)) as { quiz: Quiz };
  const source = readFileSync(join(process.cwd(), 'content', 'lessons', `${slug}.mdx`), 'utf8');
  return { Content: mdx.default, frontmatter: mdx.frontmatter, quiz: quizAsShown(quiz), toc: tableOfContents(source) };
}

export async function lessonSummaries(): Promise<LessonSummary[]> {
  return Promise.all(
    LESSON_SLUGS.map(async (slug) => {
      const { frontmatter } = (await import(`@/content/lessons/${slug}.mdx`)) as { frontmatter: Frontmatter };
      const { quiz } = (await import(`@/content/quizzes/${slug}`)) as { quiz: Quiz };
      return { slug, ...frontmatter, questions: quiz.questions.length };
    }),
  );
}
