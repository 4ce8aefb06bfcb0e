/**
 * The reference traces kept under version control (lib/sim/__traces__): one per preset, plus a few
 * scenarios no preset covers, named by their share link. `npm run traces` and the Vitest suite compare
 * the engine against them; `npm run traces -- --update` rewrites them when a change is meant.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenario } from '@/lib/sim';
import { PRESETS, scenarioForPreset } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { decodeLink } from '@/lib/scenario/url-codec';
import { formatTrace } from './trace-format';
import { unifiedDiff } from './line-diff';

export const TRACE_DIR = fileURLToPath(new URL('../sim/__traces__/', import.meta.url));
export const TRACE_EXT = '.trace';

/**
 * Behaviour no preset shows on its own: an idempotent write retried, CloudFront's own origin timeout, stale-if-error,
 * background revalidation, a breaker and a fallback, CloudFront at scale, a rate-based rule's block and CAPTCHA.
 */
export const REFERENCE_LINKS = [
  'method=POST&idem=yes&db=slow',
  'db=slow&dbDelay=40000&timeout=0&retryAt=none&cache=off',
  'cache=stale&db=down',
  'cache=stale&cacheControl=max-age=60,stale-while-revalidate=120',
  // A pod's opossum breaker opening on its first failure, refusing the retry, and the app's default fallback.
  'thirdParty=down&cache=off&breaker=opossum&fallback=default',
  // CloudFront at scale: edge → Origin Shield → origin; a failover to the secondary origin; edge functions at each trigger point.
  'originShield=yes',
  'originGroup=yes&db=down&cache=off',
  'cfFunction=viewer-request,viewer-response&lambdaEdge=origin-request,origin-response&conn=cold',
  // The rate-based rule's decisions on one request whose address had already sent more than the limit.
  'rateLimit=100&ipRequests=150',
  'rateLimit=100&ipRequests=150&rateAction=captcha',
] as const;

export interface Reference {
  /** The preset id, or the share link. */
  name: string;
  title: string;
  file: string;
  scenario: Scenario;
}

/** `&` is awkward in file names; `+` reads the same and never appears in these links. */
function fileFor(name: string): string {
  return join(TRACE_DIR, `${name.replaceAll('&', '+')}${TRACE_EXT}`);
}

export function references(): Reference[] {
  const presets = PRESETS.map((p) => ({ name: p.id, title: `${p.id}: ${p.title}`, file: fileFor(p.id), scenario: scenarioForPreset(p.id)! }));
  const links = REFERENCE_LINKS.map((link) => {
    const decoded = decodeLink(link);
    // A link the codec no longer reads would silently trace the default scenario instead.
    if (decoded.notices.length) throw new Error(`reference link “${link}”: ${decoded.notices.map((n) => `${n.param}: ${n.message}`).join('; ')}`);
    return { name: link, title: `link: ${link}`, file: fileFor(link), scenario: decoded.scenario };
  });
  return [...presets, ...links];
}

export interface TraceCheck {
  reference: Reference;
  /** The trace the engine produces now. */
  current: string;
  /** What is recorded, or null when there is no file yet. */
  recorded: string | null;
  /** A unified diff from the recorded trace to the current one; empty when they agree. */
  diff: string;
}

export function checkTrace(reference: Reference): TraceCheck {
  const current = formatTrace(reference.title, runScenario(reference.scenario));
  // A checkout that turned line ends into CRLF has not changed the trace.
  const recorded = existsSync(reference.file) ? readFileSync(reference.file, 'utf8').replaceAll('\r\n', '\n') : null;
  const label = relative(process.cwd(), reference.file);
  const diff = unifiedDiff(recorded ?? '', current, { before: `${label} (recorded)`, after: `${label} (engine now)` });
  return { reference, current, recorded, diff };
}

/** Trace files that belong to no reference any more (a preset renamed or removed). */
export function orphanTraceFiles(): string[] {
  const expected = new Set(references().map((r) => r.file));
  if (!existsSync(TRACE_DIR)) return [];
  return readdirSync(TRACE_DIR)
    .filter((f) => f.endsWith(TRACE_EXT))
    .map((f) => join(TRACE_DIR, f))
    .filter((f) => !expected.has(f));
}
