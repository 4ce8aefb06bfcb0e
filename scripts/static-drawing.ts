/**
 * Writes components/diagram/static-drawing-markup.ts: the sandbox's drawing of the topology at rest
 * (components/diagram/StaticDrawings) rendered to markup, which StaticDiagram gives React as
 * `dangerouslySetInnerHTML` so that hydration leaves its ~470 elements alone (the reasons are in StaticDiagram.tsx).
 *
 * `npm run build` runs it first, so a build always draws from the current layouts and faces. The module is
 * committed, so that type checks, lint and unit tests see it on a clean clone, and a unit test
 * (static-drawing.test.ts) fails when it no longer matches: `npx tsx scripts/static-drawing.ts` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { StaticDrawings } from '@/components/diagram/StaticDrawings';
import { NODE_IDS } from '@/lib/sim';

export const MARKUP_MODULE = join('components', 'diagram', 'static-drawing-markup.ts');

/** The module's source: every service, full size, as the sandbox first shows it. */
export function staticDrawingModule(): string {
  const markup = renderToStaticMarkup(createElement(StaticDrawings, { size: 'full', visible: NODE_IDS }));
  return [
    '// Written by scripts/static-drawing.ts (npm run build) from components/diagram/StaticDrawings: do not edit.',
    '/** The sandbox’s drawing at rest, every service at full size, as HTML (StaticDiagram). */',
    `export const FULL_DRAWING_MARKUP = ${JSON.stringify(markup)};`,
    '',
  ].join('\n');
}

function main(): void {
  const next = staticDrawingModule();
  let current = '';
  try {
    current = readFileSync(MARKUP_MODULE, 'utf8');
  } catch {
    // Not there yet: written below.
  }
  if (current === next) {
    console.log(`static-drawing: ${MARKUP_MODULE} is up to date.`);
    return;
  }
  writeFileSync(MARKUP_MODULE, next);
  console.log(`static-drawing: wrote ${MARKUP_MODULE}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
