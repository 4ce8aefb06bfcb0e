import { describe, expect, it } from 'vitest';
import { headingsOf } from './headings';
import { tableOfContents } from './toc';

describe('table of contents', () => {
  it('lists ## and ### headings with rehype-slug ids, skipping frontmatter and code', () => {
    const mdx = ['---', 'title: x', '# not a heading', '---', '## The `TCP` handshake', '```sh', '## not either', '```', '### [Ports](/x) & protocols', '## The TCP handshake'].join('\n');
    expect(tableOfContents(mdx)).toEqual([
      { depth: 2, text: 'The TCP handshake', id: 'the-tcp-handshake' },
      { depth: 3, text: 'Ports & protocols', id: 'ports--protocols' },
      { depth: 2, text: 'The TCP handshake', id: 'the-tcp-handshake-1' },
    ]);
  });
});

describe('course-notes headings', () => {
  it('qualifies each heading by its chapter, so repeats in two chapters never collide', () => {
    const notes = ['## Chapter One', '### Concept / What', '---', '---', '## Chapter Two', '### Concept / What', '### 🔹 7. **TCP** Handshake'].join('\n');
    expect(headingsOf(notes).map((h) => h.id)).toEqual(['chapter-one', 'chapter-one--concept-what', 'chapter-two', 'chapter-two--concept-what', 'chapter-two--7-tcp-handshake']);
  });
});
