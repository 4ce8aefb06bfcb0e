#!/usr/bin/env node
/**
 * Runs after `next build` (npm run build): marks every JavaScript chunk of the static export with V8's explicit
 * compile hint, `//# allFunctionsCalledOnLoad`, on its first line (https://v8.dev/blog/explicit-compile-hints).
 *
 * Why: Turbopack wraps each module in a function that V8 compiles lazily, on the main thread, the first time it
 * runs. On load that is nearly every module of React DOM and the router at once, inside the task that boots
 * the app: the longest task of every page. With the hint, Chrome (136 and later) compiles the chunk's functions
 * eagerly on a background thread while the script streams in, so the main thread only runs them. Browsers that
 * do not know the hint see a comment. The chunks' names are content hashes of what Next wrote; the hint changes
 * no name and no behaviour.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HINT = '//# allFunctionsCalledOnLoad\n';
const dir = join(process.argv[2] ?? 'out', '_next', 'static', 'chunks');

let marked = 0;
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.js')) continue;
  const file = join(dir, name);
  const text = readFileSync(file, 'utf8');
  if (text.startsWith(HINT)) continue;
  writeFileSync(file, HINT + text);
  marked++;
}
console.log(`compile-hints: ${marked} chunks in ${dir} marked for eager background compilation.`);
