/**
 * npm run check:content — the course's own CI. It fails when:
 * - a heading of the course notes is taught by no lesson, or checked by no quiz question;
 * - a lesson, its quiz or its frontmatter is missing or malformed, or out of step with content/manifest.ts;
 * - a quiz's data is unsound (lib/quiz/validate.ts), including predict questions the engine disagrees with;
 * - a link is dead: an internal page, an anchor, a simulator preset or share link, a walkthrough's event kinds;
 * - a traffic simulator (`<TrafficSim>`) has no title, or names no run of many requests it can show;
 * - an engine figure in the prose is wrong or hand-typed: every `<Outcome>` must resolve, and no end-to-end time of
 *   the lesson's scenarios may be typed by hand (lib/content/figure-check.ts says how narrowly that is detected);
 * - a lesson heading id that links may point at has disappeared (content/lesson-anchors.json; `-- --update` accepts changes).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LESSON_SLUGS } from '@/content/manifest';
import { checkOutcomes, handTypedTimes, handTypedTimesInText, lessonLinks } from '@/lib/content/figure-check';
import { trafficCard } from '@/lib/content/traffic-card';
import { fillFigures } from '@/lib/content/figure-text';
import { headingsOf } from '@/lib/content/headings';
import { tableOfContents } from '@/lib/content/toc';
import { presetById } from '@/lib/scenario/presets';
import { decodeLink } from '@/lib/scenario/url-codec';
import { runScenario, type EventKind } from '@/lib/sim';
import type { Quiz } from '@/lib/quiz/types';
import { quizTexts } from '@/lib/quiz/texts';
import { validateQuiz } from '@/lib/quiz/validate';

const root = process.cwd();
const update = process.argv.includes('--update');
const errors: string[] = [];
const warnings: string[] = [];

const notesPath = join(root, 'content', 'notes', 'source-notes.md');
const notes = readFileSync(notesPath, 'utf8');
const noteHeadings = headingsOf(notes);
const noteIds = new Set(noteHeadings.map((h) => h.id));

// The notes' opening comment says how this repository uses them, so only what follows it is compared.
const withoutPreamble = (text: string) => text.replace(/^<!--[\s\S]*?-->\s*/, '');
const shared = join(root, '..', 'shared', 'source-notes.md');
if (existsSync(shared) && withoutPreamble(readFileSync(shared, 'utf8')) !== withoutPreamble(notes)) {
  warnings.push('content/notes/source-notes.md differs from ../shared/source-notes.md: copy the new notes in and check coverage.');
}

function frontmatterOf(source: string, slug: string): Record<string, unknown> | null {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) {
    errors.push(`${slug}: the lesson has no frontmatter`);
    return null;
  }
  try {
    const data: unknown = parseYaml(match[1]!);
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
  } catch (error) {
    errors.push(`${slug}: frontmatter is not valid YAML (${error instanceof Error ? error.message : error})`);
    return null;
  }
}

/** Values of a JSX attribute on a component, e.g. every `link="…"` on `<Sim …/>`. */
function attributeValues(source: string, component: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const tag of source.matchAll(new RegExp(`<${component}\\b([^>]*)/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const attr of tag[1]!.matchAll(/(\w+)="([^"]*)"/g)) attrs[attr[1]!] = attr[2]!;
    found.push(attrs);
  }
  return found;
}

const EVENT_KINDS = new Set<EventKind>();
function knownKinds(): Set<EventKind> {
  if (EVENT_KINDS.size === 0) {
    const typesSource = readFileSync(join(root, 'lib', 'sim', 'types.ts'), 'utf8');
    const block = /export type EventKind =([\s\S]*?);/.exec(typesSource)?.[1] ?? '';
    for (const m of block.matchAll(/'([a-z-]+)'/g)) EVENT_KINDS.add(m[1] as EventKind);
  }
  return EVENT_KINDS;
}

function checkSandboxLink(where: string, query: string, embedded = true): void {
  const { notices, view } = decodeLink(query);
  for (const n of notices) errors.push(`${where}: link “${query}”: ${n.param}: ${n.message}`);
  // An embedded simulator plays one request; replaying a traffic run's request is the sandbox's job (a link to it may).
  if (embedded && view.req) errors.push(`${where}: link “${query}”: req: a simulator in a page cannot open a traffic run's request; link to the sandbox instead`);
}

const anchors: Record<string, string[]> = {};
const tocs = new Map<string, Set<string>>();
const lessonCovered = new Set<string>();
const quizCovered = new Set<string>();

async function checkLessons(): Promise<void> {
  for (const [index, slug] of LESSON_SLUGS.entries()) {
    const lessonPath = join(root, 'content', 'lessons', `${slug}.mdx`);
    if (!existsSync(lessonPath)) {
      errors.push(`${slug}: content/lessons/${slug}.mdx is missing`);
      continue;
    }
    const source = readFileSync(lessonPath, 'utf8');
    const toc = tableOfContents(source);
    tocs.set(slug, new Set([...toc.map((t) => t.id), 'quiz-heading']));
    anchors[slug] = toc.map((t) => t.id);

    const fm = frontmatterOf(source, slug);
    if (fm) {
      if (typeof fm.title !== 'string' || !fm.title) errors.push(`${slug}: frontmatter needs a title`);
      if (typeof fm.summary !== 'string' || !fm.summary) errors.push(`${slug}: frontmatter needs a summary`);
      if (fm.order !== index + 1) errors.push(`${slug}: frontmatter order is ${String(fm.order)}, but the manifest puts it at ${index + 1}`);
      if (typeof fm.duration !== 'number' || fm.duration <= 0) errors.push(`${slug}: frontmatter needs a duration in minutes`);
      if (!Array.isArray(fm.covers) || fm.covers.length === 0) errors.push(`${slug}: frontmatter needs the note sections it covers`);
      for (const id of Array.isArray(fm.covers) ? fm.covers : []) {
        if (typeof id !== 'string' || !noteIds.has(id)) errors.push(`${slug}: covers unknown note heading “${String(id)}”`);
        else lessonCovered.add(id);
      }
    }

    const sims = attributeValues(source, 'Sim');
    const trafficSims = attributeValues(source, 'TrafficSim');
    // A traffic simulator counts: some lessons are about many requests.
    if (sims.length + trafficSims.length < 2) errors.push(`${slug}: ${sims.length + trafficSims.length} embedded simulator(s); every lesson needs at least two`);
    for (const sim of sims) {
      if (!sim.title) errors.push(`${slug}: a <Sim> has no title`);
      if (sim.preset && !presetById(sim.preset)) errors.push(`${slug}: <Sim preset="${sim.preset}"> names no preset`);
      if (sim.link) checkSandboxLink(slug, sim.link);
      if (!sim.preset && sim.link === undefined) errors.push(`${slug}: a <Sim> needs a preset or a link`);
    }
    for (const sim of trafficSims) {
      if (!sim.title) errors.push(`${slug}: a <TrafficSim> has no title`);
      if (!sim.preset && sim.link === undefined) errors.push(`${slug}: a <TrafficSim> needs a preset or a link`);
      else if (sim.preset && !presetById(sim.preset)) errors.push(`${slug}: <TrafficSim preset="${sim.preset}"> names no preset`);
      else {
        const card = trafficCard([sim.preset ? `preset=${sim.preset}` : '', sim.link ?? ''].filter(Boolean).join('&'));
        if (typeof card === 'string') errors.push(`${slug}: <TrafficSim title="${sim.title ?? ''}">: ${card}`);
      }
    }
    for (const walk of attributeValues(source, 'Walkthrough')) {
      if (!walk.link || !walk.kinds || !walk.title) {
        errors.push(`${slug}: a <Walkthrough> needs link, kinds and title`);
        continue;
      }
      checkSandboxLink(slug, walk.link);
      const kinds = walk.kinds.split(',').map((k) => k.trim());
      const unknown = kinds.filter((k) => !knownKinds().has(k as EventKind));
      if (unknown.length) errors.push(`${slug}: <Walkthrough> has unknown event kinds ${unknown.join(', ')}`);
      else if (!runScenario(decodeLink(walk.link).scenario).events.some((e) => kinds.includes(e.kind))) errors.push(`${slug}: <Walkthrough link="${walk.link}"> has no events of kinds ${walk.kinds}`);
    }
    if (!/<TryIt>/.test(source)) errors.push(`${slug}: no <TryIt> prompt`);
    for (const problem of [...checkOutcomes(source), ...handTypedTimes(source)]) errors.push(`${slug}: ${problem}`);

    const quizPath = join(root, 'content', 'quizzes', `${slug}.ts`);
    if (!existsSync(quizPath)) {
      errors.push(`${slug}: content/quizzes/${slug}.ts is missing`);
      continue;
    }
    const { quiz } = (await import(quizPath)) as { quiz: Quiz };
    if (quiz.lesson !== slug) errors.push(`${slug}: the quiz says it belongs to “${quiz.lesson}”`);
    errors.push(...validateQuiz(quiz, noteIds));
    // A quiz quotes engine figures with the lessons' own <Outcome> tag; its typed times are checked against the
    // lesson's scenarios and the quiz's own predict links.
    const quizLinks = [
      ...lessonLinks(source),
      ...quiz.questions.flatMap((q) => (q.type === 'predict' ? [q.link] : q.type === 'predict-traffic' ? [q.link, ...(q.ask === 'change' ? [q.changed] : [])] : [])),
    ];
    for (const { text, where } of quizTexts(quiz)) {
      for (const problem of [...fillFigures(text).errors, ...handTypedTimesInText(text, quizLinks)]) errors.push(`${slug} quiz, ${where}: ${problem}`);
    }
    for (const q of quiz.questions) for (const id of q.covers) quizCovered.add(id);
  }
}

async function main(): Promise<void> {
  await checkLessons();

  // Links, once every lesson's anchors are known.
  for (const slug of LESSON_SLUGS) {
    const lessonPath = join(root, 'content', 'lessons', `${slug}.mdx`);
    if (!existsSync(lessonPath)) continue;
    const source = readFileSync(lessonPath, 'utf8').replace(/```[\s\S]*?```/g, '');
    const targets = [...source.matchAll(/\]\(([^)\s]+)\)/g), ...source.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    for (const target of targets) {
      if (/^(https?:|mailto:)/.test(target)) continue;
      const [pathAndQuery, hash] = target.split('#') as [string, string | undefined];
      const [path, query] = pathAndQuery.split('?') as [string, string | undefined];
      if (path === '') {
        if (hash && !tocs.get(slug)?.has(hash)) errors.push(`${slug}: link to #${hash}, which is not a heading of this lesson`);
        continue;
      }
      if (path === '/' || path === '/learn/') continue;
      if (path === '/sandbox/') {
        if (query) checkSandboxLink(slug, query, false);
        continue;
      }
      const lesson = /^\/learn\/([a-z0-9-]+)\/$/.exec(path)?.[1];
      if (lesson && tocs.has(lesson)) {
        if (hash && !tocs.get(lesson)?.has(hash)) errors.push(`${slug}: link to /learn/${lesson}/#${hash}, which is not a heading there`);
        continue;
      }
      errors.push(`${slug}: dead link “${target}” (internal links look like /learn/<slug>/, /sandbox/?… or #heading)`);
    }
  }

  for (const heading of noteHeadings) {
    if (!lessonCovered.has(heading.id)) errors.push(`notes: “${heading.text}” (${heading.id}) is taught by no lesson`);
    if (!quizCovered.has(heading.id)) errors.push(`notes: “${heading.text}” (${heading.id}) is checked by no quiz question`);
  }

  // Heading ids are link targets: they must not vanish silently.
  const snapshotPath = join(root, 'content', 'lesson-anchors.json');
  if (update) {
    writeFileSync(snapshotPath, `${JSON.stringify(anchors, null, 2)}\n`);
    console.log('content/lesson-anchors.json updated.');
  } else if (existsSync(snapshotPath)) {
    const recorded = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Record<string, string[]>;
    for (const [slug, ids] of Object.entries(recorded)) {
      const now = new Set(anchors[slug] ?? []);
      for (const id of ids) if (!now.has(id)) errors.push(`${slug}: heading id #${id} disappeared; links to it would break (rename it back, or accept with npm run check:content -- --update)`);
    }
    for (const [slug, ids] of Object.entries(anchors)) {
      const before = new Set(recorded[slug] ?? []);
      const added = ids.filter((id) => !before.has(id));
      if (added.length) errors.push(`${slug}: new heading ids ${added.map((a) => `#${a}`).join(', ')} are not recorded; run npm run check:content -- --update`);
    }
  } else {
    errors.push('content/lesson-anchors.json is missing; run npm run check:content -- --update');
  }

  for (const w of warnings) console.warn(`warning: ${w}`);
  if (errors.length) {
    for (const e of errors) console.error(`✗ ${e}`);
    console.error(`\ncheck:content found ${errors.length} problem${errors.length === 1 ? '' : 's'}.`);
    process.exit(1);
  }
  console.log(`check:content: ${LESSON_SLUGS.length} lessons, ${noteHeadings.length} note sections taught and quizzed, links, anchors and engine figures sound.`);
}

void main();
