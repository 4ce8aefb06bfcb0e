/**
 * A lesson's table of contents, read from its MDX source with the same slugger rehype-slug uses,
 * so the links match the ids in the rendered page.
 */
import GithubSlugger from 'github-slugger';

export interface TocEntry {
  depth: 2 | 3;
  text: string;
  id: string;
}

/** Heading text as it renders: links keep their text, emphasis and code marks go. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

export function tableOfContents(mdx: string): TocEntry[] {
  const slugger = new GithubSlugger();
  const entries: TocEntry[] = [];
  let fenced = false;
  let frontmatter = false;
  mdx.split('\n').forEach((line, index) => {
    if (index === 0 && line.trim() === '---') {
      frontmatter = true;
      return;
    }
    if (frontmatter) {
      if (line.trim() === '---') frontmatter = false;
      return;
    }
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) return;
    const match = /^(#{1,6})\s+(.+?)\s*$/.exec(line);
    if (!match) return;
    const text = plain(match[2]!);
    const id = slugger.slug(text);
    const depth = match[1]!.length;
    if (depth === 2 || depth === 3) entries.push({ depth, text, id });
  });
  return entries;
}
