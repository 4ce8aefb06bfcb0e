/**
 * npm run traces              compares the engine with the reference traces and prints a diff for each change;
 *                             exits 1 when any trace differs, is missing, or belongs to no reference.
 * npm run traces -- --update  rewrites the traces from the engine (and removes orphans): for intended changes,
 *                             whose diff is then reviewed in version control.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { checkTrace, orphanTraceFiles, references, TRACE_DIR } from '@/lib/testing/reference-traces';

const update = process.argv.includes('--update');
const shown = (file: string) => relative(process.cwd(), file);

let problems = 0;
mkdirSync(TRACE_DIR, { recursive: true });
for (const reference of references()) {
  const { current, recorded, diff } = checkTrace(reference);
  if (!diff) continue;
  if (update) {
    writeFileSync(reference.file, current);
    console.log(`${recorded === null ? 'created' : 'updated'} ${shown(reference.file)}`);
  } else {
    problems++;
    console.log(recorded === null ? `missing ${shown(reference.file)}` : `${diff}\n`);
  }
}
for (const orphan of orphanTraceFiles()) {
  if (update) {
    rmSync(orphan);
    console.log(`removed ${shown(orphan)} (no preset or reference link of that name)`);
  } else {
    problems++;
    console.log(`orphan ${shown(orphan)}: no preset or reference link of that name`);
  }
}

if (problems) {
  console.log(`\n${problems} reference trace${problems === 1 ? '' : 's'} out of date. If the change is intended: npm run traces -- --update`);
  process.exit(1);
}
if (!update) console.log(`${references().length} reference traces match.`);
