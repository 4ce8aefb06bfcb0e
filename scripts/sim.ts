/**
 * npm run sim -- <scenario.json | - | a share link or its query string> [--replay <request id>]
 *
 * Runs a scenario headless and prints the engine's result as JSON: one request's events, outcome and summary, or,
 * for `mode=traffic`, the traffic run's summary, series and sampled request ids, or, for `mode=backoff-study`, the
 * backoff study's calls and completion time (docs/backoff-study.md). `--replay t42` prints one request
 * of a traffic run with every event. Invalid input exits with status 2 and a message naming the field or parameter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { runScenario } from '@/lib/sim';
import { replayRequest, runBackoffStudy, runTrafficSync } from '@/lib/traffic';
import { parseScenarioJson } from '@/lib/scenario/file';
import { decodeLink } from '@/lib/scenario/url-codec';
import type { Scenario } from '@/lib/scenario/schema';

const USAGE = `Usage: npm run sim -- <scenario.json | - | share link> [--replay <request id>]

  scenario.json   a JSON object with any subset of the scenario's fields (see docs/scenario-format.md)
  -               read that JSON from standard input
  share link      a sandbox URL or its query string, e.g. "cache=stale&db=slow"
                  or a traffic run, e.g. "mode=traffic&kind=mix&rate=200&duration=120" (see docs/traffic.md)
                  or the backoff study, e.g. "preset=backoff-study&jitter=equal" (see docs/backoff-study.md)
  --replay t42    with a traffic run: one of its requests, every event, as it went inside the run`;

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

const [arg, flag, requestId, ...extra] = process.argv.slice(2);
if (!arg || arg === '--help' || arg === '-h') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(arg ? 0 : 2);
}
if (extra.length > 0 || (flag !== undefined && (flag !== '--replay' || !requestId))) fail([`unexpected arguments: ${process.argv.slice(3).join(' ')}`, USAGE]);

const scenario = load(arg);
if (flag === '--replay') {
  if (scenario.mode !== 'traffic') fail(['--replay needs a traffic run (mode=traffic)']);
  if (!/^t\d{1,9}$/.test(requestId!)) fail([`--replay: “${requestId}” is not a request id; ids look like t42 (see the run's samples)`]);
  const replayed = replayRequest(scenario, requestId!);
  if (!replayed) fail([`--replay: the run has no request ${requestId}`]);
  process.stdout.write(`${JSON.stringify(replayed, null, 2)}\n`);
} else {
  const result = scenario.mode === 'traffic' ? runTrafficSync(scenario) : scenario.mode === 'backoff-study' ? runBackoffStudy(scenario) : runScenario(scenario);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
