/**
 * A small reader for the Markdown quiz text uses inline: *emphasis*, **strong**, `code` and [links](/path).
 * It returns plain data that a component turns into React elements, so nothing an author types is ever
 * run as HTML. Anything it does not recognise stays literal text.
 *
 * Emphasis is stricter than CommonMark: a delimiter opens only after a space, the start or an opening
 * bracket or quote, and closes only before a space, the end or punctuation. So the paths and wildcards
 * the course is full of (`/static/*, … /api/*`, `proxy_read_timeout`) stay as they are.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

const ESCAPABLE = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '#']);
const OPENERS = /[\s([{"'“‘]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Links may go to this site's pages, to anchors, or to http(s) addresses; nothing else (no `javascript:`, no `//host`). */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/[^\s]+|\/(?!\/)[^\s]*|#[^\s]*)$/.test(href);
}

function canOpen(source: string, at: number, width: number): boolean {
  const before = source[at - 1];
  const after = source[at + width];
  const marker = source[at];
  return (before === undefined || OPENERS.test(before)) && after !== undefined && !/\s/.test(after) && after !== marker;
}

function canClose(source: string, at: number, width: number): boolean {
  const before = source[at - 1];
  const after = source[at + width];
  const marker = source[at];
  return before !== undefined && !/\s/.test(before) && before !== marker && (after === undefined || (after !== marker && !LETTER_OR_DIGIT.test(after)));
}

function findCloser(source: string, from: number, marker: string, width: number): number {
  for (let j = from; j < source.length; j++) {
    if (source[j] === '\\') {
      j++;
      continue;
    }
    if (source.startsWith(marker.repeat(width), j) && canClose(source, j, width)) return j;
  }
  return -1;
}

function pushText(out: Inline[], text: string): void {
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text += text;
  else if (text) out.push({ kind: 'text', text });
}

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;

    if (c === '\\' && i + 1 < source.length && ESCAPABLE.has(source[i + 1]!)) {
      pushText(out, source[i + 1]!);
      i += 2;
      continue;
    }

    if (c === '`') {
      let width = 1;
      while (source[i + width] === '`') width++;
      const fence = '`'.repeat(width);
      let close = source.indexOf(fence, i + width);
      // A longer run of backticks is not this span's end.
      while (close !== -1 && source[close + width] === '`') close = source.indexOf(fence, close + width + 1);
      if (close > i + width) {
        const inner = source.slice(i + width, close);
        out.push({ kind: 'code', text: /^ .* $/.test(inner) && inner.trim() ? inner.slice(1, -1) : inner });
        i = close + width;
        continue;
      }
      pushText(out, fence);
      i += width;
      continue;
    }

    if (c === '*' || c === '_') {
      const width = source[i + 1] === c && source[i + 2] !== c ? 2 : 1;
      if (canOpen(source, i, width)) {
        const close = findCloser(source, i + width + 1, c, width);
        if (close !== -1) {
          const children = parseInline(source.slice(i + width, close));
          out.push(width === 2 ? { kind: 'strong', children } : { kind: 'em', children });
          i = close + width;
          continue;
        }
      }
      pushText(out, source.slice(i, i + width));
      i += width;
      continue;
    }

    if (c === '[') {
      const label = source.indexOf('](', i + 1);
      const end = label === -1 ? -1 : source.indexOf(')', label + 2);
      if (label > i + 1 && end !== -1 && !source.slice(i + 1, label).includes('[')) {
        const href = source.slice(label + 2, end);
        const children = parseInline(source.slice(i + 1, label));
        // An address that is not safe to follow keeps its words and loses its link.
        if (isSafeHref(href)) out.push({ kind: 'link', href, children });
        else
          for (const child of children) {
            if (child.kind === 'text') pushText(out, child.text);
            else out.push(child);
          }
        i = end + 1;
        continue;
      }
    }

    pushText(out, c);
    i++;
  }
  return out;
}

/** The text without its formatting, for accessible names and comparisons. */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : plainText(n.children))).join('');
}
