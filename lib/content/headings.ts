/**
 * Headings of a Markdown document with stable ids: the same text always gives the same id, so links
 * and coverage maps survive edits elsewhere in the document.
 */
export interface Heading {
  depth: number;
  text: string;
  /** `chapter--heading`: qualified by its chapter, so “Concept / What” in two chapters never collide. */
  id: string;
  chapter: string;
}

/** Lowercase words joined by hyphens; emoji, markup and punctuation dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[*_`~]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * ATX headings outside fenced code blocks. The course notes separate chapters with two horizontal
 * rules in a row; the first heading after them (or at the top) names the chapter.
 */
export function headingsOf(markdown: string): Heading[] {
  const headings: Heading[] = [];
  const seen = new Map<string, number>();
  let fenced = false;
  let chapter = '';
  let newChapter = true;
  let lastNonBlank = '';
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const trimmed = line.trim();
    if (trimmed === '---' && lastNonBlank === '---') newChapter = true;
    if (trimmed) lastNonBlank = trimmed;
    const match = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const text = match[2]!.replace(/[*_`]/g, '').trim();
    const slug = slugify(text) || 'section';
    if (newChapter) {
      chapter = slug;
      newChapter = false;
      headings.push({ depth: match[1]!.length, text, id: chapter, chapter });
      continue;
    }
    const base = `${chapter}--${slug}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    headings.push({ depth: match[1]!.length, text, id: count === 1 ? base : `${base}-${count}`, chapter });
  }
  return headings;
}
