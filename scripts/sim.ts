/**
 * npm run sim -- <scenario.json | - | a share link or its query string>
 *
 * Runs one scenario headless and prints the engine's result as JSON. Invalid input exits with status 2
 * and a message naming the field or parameter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { runScenario } from '@/lib/sim';
import { parseScenarioJson } from '@/lib/scenario/file';
import { decodeLink } from '@/lib/scenario/url-codec';
import type { Scenario } from '@/lib/scenario/schema';

const USAGE = `Usage: npm run sim -- <scenario.json | - | share link>

  scenario.json   a JSON object with any subset of the scenario's fields (see docs/scenario-format.md)
  -               read that JSON from standard input
  share link      a sandbox URL or its query string, e.g. "cache=stale&db=slow"`;

function fail(messages: string[]): never {
  for (const message of messages) process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

function load(arg: string): Scenario {
  if (arg === '-' || existsSync(arg)) {
    const text = arg === '-' ? readFileSync(0, 'utf8') : readFileSync(arg, 'utf8');
    const parsed = parseScenarioJson(text);
    if (!parsed.ok) fail(parsed.errors);
    return parsed.scenario;
  }
  if (arg.includes('=') || arg.includes('?')) {
    const decoded = decodeLink(arg);
    if (decoded.notices.length) fail(decoded.notices.map((n) => `${n.param}: ${n.message}`));
    return decoded.scenario;
  }
  fail([`“${arg}” is neither a file, “-”, nor a share link`, USAGE]);
}

const arg = process.argv[2];
if (!arg || arg === '--help' || arg === '-h') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(arg ? 0 : 2);
}
process.stdout.write(`${JSON.stringify(runScenario(load(arg)), null, 2)}\n`);
