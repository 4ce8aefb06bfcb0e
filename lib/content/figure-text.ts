/**
 * Engine figures in plain text, such as a quiz's prompts and explanations: the same `<Outcome link="…" of="…" />`
 * tag that lesson prose uses, replaced by the figure when the page is built. The page ships the number as text,
 * so quoting the engine costs the learner no script, and the number cannot drift from what the simulator shows.
 */
import { outcomeTags } from './figure-check';
import { resolveFigure } from './figures';
import { mapQuizTexts } from '@/lib/quiz/texts';
import type { Quiz } from '@/lib/quiz/types';
import { formatFigure } from './format-figure';

/** The text with each `<Outcome … />` replaced by its figure, and one sentence for each tag that cannot be. */
export function fillFigures(text: string): { text: string; errors: string[] } {
  const errors: string[] = [];
  let filled = '';
  let from = 0;
  for (const tag of outcomeTags(text)) {
    filled += text.slice(from, tag.index);
    from = tag.index + tag.length;
    if (!tag.spec) {
      errors.push(tag.error);
      continue;
    }
    const resolved = resolveFigure(tag.spec);
    if (resolved.ok) filled += formatFigure(resolved.figure, resolved.format);
    else errors.push(`<Outcome link="${tag.spec.link}" of="${tag.spec.of}">: ${resolved.error}`);
  }
  return { text: filled + text.slice(from), errors };
}

/** Like `fillFigures`, for a build that must stop rather than print a wrong or missing number. */
export function fillFiguresOrThrow(text: string, where: string): string {
  const { text: filled, errors } = fillFigures(text);
  // `npm run check:content` reports the same problem first, with every other one.
  if (errors.length) throw new Error(`${where}: ${errors.join('; ')}`);
  return filled;
}

/** The quiz as the page shows it: every engine figure in its strings filled in. */
export function quizAsShown(quiz: Quiz): Quiz {
  return mapQuizTexts(quiz, (text, where) => fillFiguresOrThrow(text, `${quiz.lesson} quiz, ${where}`));
}

