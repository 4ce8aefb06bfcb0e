import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './line-diff';

const labels = { before: 'a', after: 'b' };
const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('x\ny\n', 'x\ny\n', labels)).toBe('');
  });

  it('shows a changed line with three lines of context either side', () => {
    const after = lines(10).map((l) => (l === 'line 5' ? 'line five' : l));
    expect(unifiedDiff(lines(10).join('\n'), after.join('\n'), labels)).toBe(
      ['--- a', '+++ b', '@@ -2,7 +2,7 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+line five', ' line 6', ' line 7', ' line 8'].join('\n'),
    );
  });

  it('numbers an insertion at the top and a removal at the bottom as diff(1) does', () => {
    expect(unifiedDiff('a\nb', 'new\na\nb', labels)).toBe(['--- a', '+++ b', '@@ -1,2 +1,3 @@', '+new', ' a', ' b'].join('\n'));
    // Without context the old range is empty and names the line before it: line 0.
    expect(unifiedDiff('a\nb', 'new\na\nb', labels, 0)).toBe(['--- a', '+++ b', '@@ -0,0 +1,1 @@', '+new'].join('\n'));
    expect(unifiedDiff(lines(5).join('\n'), lines(4).join('\n'), labels)).toBe(['--- a', '+++ b', '@@ -2,4 +2,3 @@', ' line 2', ' line 3', ' line 4', '-line 5'].join('\n'));
  });

  it('splits changes far apart into separate hunks and joins near ones', () => {
    const far = lines(30).map((l) => (l === 'line 3' || l === 'line 25' ? `${l}!` : l));
    expect(unifiedDiff(lines(30).join('\n'), far.join('\n'), labels).match(/^@@/gm)).toHaveLength(2);
    const near = lines(30).map((l) => (l === 'line 3' || l === 'line 9' ? `${l}!` : l));
    expect(unifiedDiff(lines(30).join('\n'), near.join('\n'), labels).match(/^@@/gm)).toHaveLength(1);
  });
});
