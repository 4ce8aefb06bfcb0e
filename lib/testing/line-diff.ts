/**
 * A unified line diff (the `@@ -a,b +c,d @@` form), so a changed reference trace reads like a patch:
 * a few lines of context around each change instead of two whole files side by side.
 */

type Op = { mark: ' ' | '-' | '+'; line: string; oldAt: number; newAt: number };

/** The longest-common-subsequence edit script between two line lists. */
function editScript(before: readonly string[], after: readonly string[]): Op[] {
  // Trimming the shared head and tail first keeps the table small: traces usually change in one place.
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;

  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const width = b.length + 1;
  // lcs[i * width + j]: the length of the longest common subsequence of a[i..] and b[j..].
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }

  const ops: Op[] = [];
  for (let k = 0; k < head; k++) ops.push({ mark: ' ', line: before[k]!, oldAt: k, newAt: k });
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const oldAt = head + i;
    const newAt = head + j;
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ mark: ' ', line: a[i]!, oldAt, newAt });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      // Removals before additions, as diff(1) prints them.
      ops.push({ mark: '-', line: a[i]!, oldAt, newAt });
      i++;
    } else {
      ops.push({ mark: '+', line: b[j]!, oldAt, newAt });
      j++;
    }
  }
  for (let k = 0; k < tail; k++) {
    ops.push({ mark: ' ', line: before[before.length - tail + k]!, oldAt: before.length - tail + k, newAt: after.length - tail + k });
  }
  return ops;
}

function range(start: number, count: number): string {
  // An empty range names the line before it, as diff(1) does.
  return `${count === 0 ? start : start + 1},${count}`;
}

/**
 * The differences between two texts as unified-diff hunks with `context` unchanged lines around each,
 * under `--- before` and `+++ after` labels. Empty when the texts are equal.
 */
export function unifiedDiff(before: string, after: string, labels: { before: string; after: string }, context = 3): string {
  if (before === after) return '';
  const ops = editScript(before.split('\n'), after.split('\n'));
  const changed = ops.flatMap((op, index) => (op.mark === ' ' ? [] : [index]));

  const out = [`--- ${labels.before}`, `+++ ${labels.after}`];
  let g = 0;
  while (g < changed.length) {
    // Changes closer together than twice the context share one hunk.
    let last = g;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * context + 1) last++;
    const from = Math.max(0, changed[g]! - context);
    const to = Math.min(ops.length - 1, changed[last]! + context);
    const hunk = ops.slice(from, to + 1);
    const oldCount = hunk.filter((op) => op.mark !== '+').length;
    const newCount = hunk.filter((op) => op.mark !== '-').length;
    out.push(`@@ -${range(ops[from]!.oldAt, oldCount)} +${range(ops[from]!.newAt, newCount)} @@`);
    for (const op of hunk) out.push(`${op.mark}${op.line}`);
    g = last + 1;
  }
  return out.join('\n');
}
