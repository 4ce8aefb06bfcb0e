/**
 * What `npm run check:content` checks about engine figures in a lesson's MDX source:
 * - every `<Outcome>` resolves (its link decodes with no notices, its figure exists in the run, its format fits);
 * - no end-to-end time of a scenario the lesson runs is typed by hand ("356 ms", "6.2 s").
 *
 * The second check is deliberately narrow. Lessons are full of numbers with units that are not engine output:
 * assumed latencies (20 ms), timeouts (2000 ms, CloudFront's 30 s), real-world facts (127 s). Flagging any
 * "N ms" would bury the real finds, so it flags only a number equal to a time the engine reports for a
 * scenario of this very lesson, written as whole milliseconds or as seconds with decimals. Counts, statuses
 * and event timestamps are not guessed at: they enter the prose through `<Outcome>`, which is checked above.
 */
import { readPath, resolveFigure, type FigureSpec } from './figures';

const ATTRIBUTES = new Set(['link', 'of', 'minus', 'minusLink', 'format']);
const OUTCOME_TAG = /<Outcome((?:\s+[A-Za-z]+="[^"]*")*)\s*\/>/y;

/** Frontmatter and fenced code blocks blanked out, keeping line numbers. */
function prose(source: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return source.replace(/^---\n[\s\S]*?\n---\n/, blank).replace(/^(```|~~~)[\s\S]*?^\1/gm, blank);
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

export interface OutcomeUse {
  line: number;
  spec: FigureSpec;
}

/** Every `<Outcome … />` in the prose, or why one cannot be read (it must be self-closing, with string attributes). */
export function outcomeUses(source: string): { uses: OutcomeUse[]; errors: string[] } {
  const text = prose(source);
  const uses: OutcomeUse[] = [];
  const errors: string[] = [];
  for (const start of text.matchAll(/<Outcome\b/g)) {
    const line = lineOf(text, start.index);
    OUTCOME_TAG.lastIndex = start.index;
    const tag = OUTCOME_TAG.exec(text);
    if (!tag) {
      errors.push(`line ${line}: write <Outcome … /> as one self-closing tag with quoted string attributes`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, name, value] of tag[1]!.matchAll(/([A-Za-z]+)="([^"]*)"/g)) attrs[name!] = value!;
    const unknown = Object.keys(attrs).filter((a) => !ATTRIBUTES.has(a));
    if (unknown.length) errors.push(`line ${line}: <Outcome> has unknown attribute(s) ${unknown.join(', ')}`);
    if (attrs.link === undefined || !attrs.of) {
      errors.push(`line ${line}: <Outcome> needs link and of`);
      continue;
    }
    uses.push({ line, spec: { link: attrs.link, of: attrs.of, minus: attrs.minus, minusLink: attrs.minusLink, format: attrs.format } });
  }
  return { uses, errors };
}

/** Problems with the lesson's `<Outcome>` figures, one sentence each. */
export function checkOutcomes(source: string): string[] {
  const { uses, errors } = outcomeUses(source);
  for (const { line, spec } of uses) {
    const resolved = resolveFigure(spec);
    if (!resolved.ok) errors.push(`line ${line}: <Outcome link="${spec.link}" of="${spec.of}">: ${resolved.error}`);
  }
  return errors;
}

/** The scenarios a lesson runs: its simulators, walkthroughs, figures and sandbox links. */
export function lessonLinks(source: string): string[] {
  const links = new Set<string>();
  for (const m of source.matchAll(/<(?:Sim|Walkthrough)\b[^>]*?\blink="([^"]*)"/g)) links.add(m[1]!);
  for (const m of source.matchAll(/<Sim\b[^>]*?\bpreset="([^"]*)"/g)) links.add(`preset=${m[1]!}`);
  for (const m of source.matchAll(/\]\(\/sandbox\/\?([^)#\s]+)/g)) links.add(m[1]!);
  for (const { spec } of outcomeUses(source).uses) {
    links.add(spec.link);
    if (spec.minusLink !== undefined) links.add(spec.minusLink);
  }
  return [...links];
}

const TIME = /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?(ms|s|seconds?)\b/g;

/** Hand-typed copies of an end-to-end time the engine reports for one of the lesson's scenarios. */
export function handTypedTimes(source: string): string[] {
  const times = new Map<number, string>();
  for (const link of lessonLinks(source)) {
    for (const field of ['latencyMs', 'renderedAtMs']) {
      const read = readPath(link, field);
      if (read.ok && typeof read.figure.value === 'number') times.set(read.figure.value, `${field} of “${link}”`);
    }
  }
  const text = prose(source).replace(/<Outcome\b(?:[^>"]|"[^"]*")*>/g, (m) => m.replace(/[^\n]/g, ' '));
  const found: string[] = [];
  for (const m of text.matchAll(TIME)) {
    const [written, whole, decimals, unit] = m as unknown as [string, string, string | undefined, string];
    const value = Number(`${whole.replace(/,/g, '')}${decimals ?? ''}`);
    const places = decimals ? decimals.length - 1 : 0;
    const match =
      unit === 'ms'
        ? times.get(value)
        : places > 0
          ? [...times].find(([ms]) => Math.round(ms / 10 ** (3 - places)) / 10 ** places === value)?.[1]
          : undefined;
    if (match) found.push(`line ${lineOf(text, m.index)}: “${written}” is the ${match}; write it with <Outcome>`);
  }
  return found;
}
