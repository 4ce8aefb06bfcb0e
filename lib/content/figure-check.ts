/**
 * What `npm run check:content` checks about engine figures in a lesson's MDX source:
 * - every `<Outcome>` resolves (its link decodes with no notices, its figure exists in the run, its format fits);
 * - no end-to-end time of a scenario the lesson runs is typed by hand ("356 ms", "6.2 s"), nor, for a run of many
 *   requests, its latency percentiles, its large counts ("13,121") or its shares to a decimal ("13.2%").
 *
 * The second check is deliberately narrow. Lessons are full of numbers with units that are not engine output:
 * assumed latencies (20 ms), timeouts (2000 ms, CloudFront's 30 s), real-world facts (127 s). Flagging any
 * "N ms" would bury the real finds, so it flags only a number equal to a time the engine reports for a
 * scenario of this very lesson, written as whole milliseconds or as seconds with decimals. Counts, statuses
 * and event timestamps are not guessed at: they enter the prose through `<Outcome>`, which is checked above.
 */
import { readPath, resolveFigure, type FigureSpec } from './figures';
import { formatFigure } from './format-figure';

const ATTRIBUTES = new Set(['link', 'of', 'minus', 'minusLink', 'per', 'perLink', 'format']);
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

/** One `<Outcome … />` found in a text: where it is, and what it asks for or why it cannot be read. */
export type OutcomeTag = { index: number; length: number; line: number } & ({ spec: FigureSpec; error?: undefined } | { spec?: undefined; error: string });

/**
 * Every `<Outcome … />` in a text, in order. It must be one self-closing tag with quoted string attributes, so the
 * same tag reads alike in MDX prose and in a quiz's plain strings.
 */
export function outcomeTags(text: string): OutcomeTag[] {
  const tags: OutcomeTag[] = [];
  for (const start of text.matchAll(/<Outcome\b/g)) {
    const at = { index: start.index, line: lineOf(text, start.index) };
    OUTCOME_TAG.lastIndex = start.index;
    const tag = OUTCOME_TAG.exec(text);
    if (!tag) {
      tags.push({ ...at, length: '<Outcome'.length, error: 'write <Outcome … /> as one self-closing tag with quoted string attributes' });
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, name, value] of tag[1]!.matchAll(/([A-Za-z]+)="([^"]*)"/g)) attrs[name!] = value!;
    const unknown = Object.keys(attrs).filter((a) => !ATTRIBUTES.has(a));
    if (unknown.length) tags.push({ ...at, length: tag[0].length, error: `<Outcome> has unknown attribute(s) ${unknown.join(', ')}` });
    else if (attrs.link === undefined || !attrs.of) tags.push({ ...at, length: tag[0].length, error: '<Outcome> needs link and of' });
    else tags.push({ ...at, length: tag[0].length, spec: { link: attrs.link, of: attrs.of, minus: attrs.minus, minusLink: attrs.minusLink, per: attrs.per, perLink: attrs.perLink, format: attrs.format } });
  }
  return tags;
}

/** Every `<Outcome … />` in a lesson's prose, or why one cannot be read. */
export function outcomeUses(source: string): { uses: OutcomeUse[]; errors: string[] } {
  const uses: OutcomeUse[] = [];
  const errors: string[] = [];
  const text = prose(source);
  for (const tag of outcomeTags(text)) {
    if (tag.spec) uses.push({ line: tag.line, spec: tag.spec });
    else errors.push(`line ${tag.line}: ${tag.error}`);
  }
  // Markdown shows a backtick span as it is written, so a tag inside one reaches the page as raw text.
  for (const span of text.matchAll(/`[^`\n]*`/g)) {
    if (span[0].includes('<Outcome')) errors.push(`line ${lineOf(text, span.index)}: <Outcome> inside \`code\` is printed as text; write <code>…<Outcome … /></code>`);
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

/** The scenarios a lesson runs: its simulators (one request or many), walkthroughs, figures and sandbox links. */
export function lessonLinks(source: string): string[] {
  const links = new Set<string>();
  for (const m of source.matchAll(/<(?:Sim|TrafficSim|Walkthrough)\b[^>]*?\blink="([^"]*)"/g)) links.add(m[1]!);
  for (const m of source.matchAll(/<(?:Sim|TrafficSim)\b[^>]*?\bpreset="([^"]*)"/g)) links.add(`preset=${m[1]!}`);
  for (const m of source.matchAll(/\]\(\/sandbox\/\?([^)#\s]+)/g)) links.add(m[1]!);
  for (const { spec } of outcomeUses(source).uses) {
    links.add(spec.link);
    if (spec.minusLink !== undefined) links.add(spec.minusLink);
    if (spec.perLink !== undefined) links.add(spec.perLink);
  }
  return [...links];
}

const TIME = /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?(ms|s|seconds?)\b/g;

/** What a lesson's scenarios report that prose must quote, never copy. */
interface EngineFigures {
  /** End-to-end times of single runs, and the latencies of runs of many requests (ms). */
  times: Map<number, string>;
  /** Counts of runs of many requests large enough not to be anything else (a thousand or more). */
  counts: Map<number, string>;
  /** Shares of runs of many requests, as `percent` prints them, when that has a decimal (“13.2%”). */
  percents: Map<string, string>;
}

const SINGLE_TIMES = ['latencyMs', 'renderedAtMs'];
const MANY_TIMES = ['summary.latency.p95', 'summary.latency.p99', 'summary.latency.mean', 'summary.completionMs'];
const MANY_COUNTS = ['requests', 'originRequests', 'dbQueries', 'retries', 'calls.browser', 'calls.db', 'calls.payments', 'calls', 'breakerRejections', 'bulkheadRejections', 'fallbacks', 'retriesDenied', 'protection.rateLimited', 'protection.botRequests', 'protection.synFloodAbsorbed'].map((f) => `summary.${f}`);
const MANY_SHARES = ['summary.errorRate', 'summary.hitRatio'];
/** A count this large in prose is the engine's, not an assumed knob or a documented limit. */
const COUNT_FLOOR = 1000;

/** The figures the engine reports for these scenarios, each with what it is. A figure a run lacks is skipped. */
function engineFigures(links: Iterable<string>): EngineFigures {
  const found: EngineFigures = { times: new Map(), counts: new Map(), percents: new Map() };
  const each = (link: string, fields: string[], keep: (value: number, what: string) => void, prefix = '') => {
    for (const field of fields) {
      const read = readPath(link, `${prefix}${field}`);
      if (read.ok && typeof read.figure.value === 'number') keep(read.figure.value, `${field} of “${link}”`);
    }
  };
  for (const link of links) {
    each(link, SINGLE_TIMES, (value, what) => found.times.set(value, what));
    each(link, MANY_TIMES, (value, what) => found.times.set(value, what), 'traffic:');
    each(link, MANY_COUNTS, (value, what) => value >= COUNT_FLOOR && found.counts.set(value, what), 'traffic:');
    each(link, MANY_SHARES, (value, what) => {
      const written = formatFigure({ value, unit: 'share' }, 'percent');
      if (written.includes('.')) found.percents.set(written, what);
    }, 'traffic:');
  }
  return found;
}

const COUNT = /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\w.,%]|\s?(?:ms|s|seconds?)\b)/g;
const PERCENT = /(?<![\w.,])\d+\.\d%/g;

/** Figures written in `text` that equal one of the engine's, with where each starts. `<Outcome>` tags are skipped. */
function typedCopies(text: string, { times, counts, percents }: EngineFigures): { index: number; message: string }[] {
  const bare = text.replace(/<Outcome\b(?:[^>"]|"[^"]*")*>/g, (m) => m.replace(/[^\n]/g, ' '));
  const found: { index: number; message: string }[] = [];
  for (const m of bare.matchAll(COUNT)) {
    const match = counts.get(Number(m[1]!.replace(/,/g, '')));
    if (match) found.push({ index: m.index, message: `“${m[0]}” is the ${match}; write it with <Outcome>` });
  }
  for (const m of bare.matchAll(PERCENT)) {
    const match = percents.get(m[0]);
    if (match) found.push({ index: m.index, message: `“${m[0]}” is the ${match}; write it with <Outcome>` });
  }
  for (const m of bare.matchAll(TIME)) {
    const [written, whole, decimals, unit] = m as unknown as [string, string, string | undefined, string];
    const value = Number(`${whole.replace(/,/g, '')}${decimals ?? ''}`);
    const places = decimals ? decimals.length - 1 : 0;
    const match =
      unit === 'ms'
        ? times.get(value)
        : places > 0
          ? [...times].find(([ms]) => Math.round(ms / 10 ** (3 - places)) / 10 ** places === value)?.[1]
          : undefined;
    if (match) found.push({ index: m.index, message: `“${written}” is the ${match}; write it with <Outcome>` });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Hand-typed copies of an end-to-end time the engine reports for one of the lesson's scenarios. */
export function handTypedTimes(source: string): string[] {
  const text = prose(source);
  return typedCopies(text, engineFigures(lessonLinks(source))).map(({ index, message }) => `line ${lineOf(text, index)}: ${message}`);
}

/**
 * The same check for a plain string, such as a quiz explanation, against the scenarios it may quote: its
 * lesson's, its question's and those of its own `<Outcome>` tags.
 */
export function handTypedTimesInText(text: string, links: Iterable<string>): string[] {
  const all = new Set(links);
  for (const tag of outcomeTags(text)) {
    if (!tag.spec) continue;
    all.add(tag.spec.link);
    if (tag.spec.minusLink !== undefined) all.add(tag.spec.minusLink);
    if (tag.spec.perLink !== undefined) all.add(tag.spec.perLink);
  }
  return typedCopies(text, engineFigures(all)).map(({ message }) => message);
}
