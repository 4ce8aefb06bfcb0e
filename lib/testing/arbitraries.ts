/**
 * fast-check generators for scenarios, shared by property tests. Every setting's range and choices come
 * from the field table, so a new setting is generated (and round-tripped through links) as soon as it
 * has an entry there. FOCUS narrows a few settings to the values that make interesting runs; the rules
 * across fields (lib/scenario/rules.ts) are then made to hold.
 */
import fc from 'fast-check';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { inTimeOrder } from '@/lib/scenario/field-kinds';
import { FIELD_ENTRIES, setAt, type FieldEntry, type ScenarioPath, type ValueAt } from '@/lib/scenario/paths';
import { RATE_LIMIT_MIN, RATE_WINDOWS_S, type Scenario } from '@/lib/scenario/schema';

type Focus = { [P in ScenarioPath]?: fc.Arbitrary<ValueAt<P>> };

const FOCUS: Focus = {
  // Named payloads, arbitrary text and arbitrary graphemes: the WAF's detector and the link's escaping both see them.
  'request.payload': fc.oneof(fc.constantFrom('benign', 'sqli', 'xss'), fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 })),
  'cache.cacheControl': fc.oneof(
    fc.constantFrom('public, max-age=60', 'no-store', 'private, max-age=60', 'no-cache', 'public, max-age=0', 's-maxage=300, max-age=60', 'public, max-age=30, stale-while-revalidate=60', 'max-age=120, must-revalidate', ''),
    fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s)),
  ),
  // A rate-based rule is off (0) or at least 10, over one of AWS WAF's four windows.
  'waf.rateLimit': fc.oneof(fc.constant(0), fc.integer({ min: RATE_LIMIT_MIN, max: 2_000_000_000 })),
  'waf.rateWindowS': fc.constantFrom(...RATE_WINDOWS_S),
};

/** A number from min to max with at most `decimals` digits after the point, as a link or file writes one. */
function decimal(min: number, max: number, decimals: number): fc.Arbitrary<number> {
  const scale = 10 ** decimals;
  return fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((k) => k / scale);
}

/** A value anywhere in an entry's range, or among its choices. */
function fromTable(entry: FieldEntry): fc.Arbitrary<(s: Scenario) => Scenario> {
  switch (entry.kind) {
    case 'int':
      return fc.integer({ min: entry.min, max: entry.max }).map((v) => (s: Scenario) => setAt(s, entry.path, v));
    case 'num':
      return decimal(entry.min, entry.max, entry.decimals).map((v) => (s: Scenario) => setAt(s, entry.path, v));
    case 'enum':
      return fc.constantFrom(...entry.values).map((v) => (s: Scenario) => setAt(s, entry.path, v));
    case 'bool':
      return fc.boolean().map((v) => (s: Scenario) => setAt(s, entry.path, v));
    case 'text':
      return fc
        .string({ maxLength: Math.min(entry.maxLength, 200) })
        .filter((v) => !entry.singleLine || !/[\r\n]/.test(v))
        .map((v) => (s: Scenario) => setAt(s, entry.path, v));
    case 'list':
      return fc.subarray([...entry.values]).map((v) => (s: Scenario) => setAt(s, entry.path, v));
    case 'schedule':
      // In time order, as every validated scenario's is (moments at the same time keep their order).
      return fc
        .array(fc.record({ atS: decimal(0, entry.maxS, entry.decimals), action: fc.constantFrom(...entry.actions) }), { maxLength: entry.maxEntries })
        .map((moments) => (s: Scenario) => setAt(s, entry.path, inTimeOrder(moments)));
  }
}

function setter<P extends ScenarioPath>(path: P, arbitrary: fc.Arbitrary<ValueAt<P>>): fc.Arbitrary<(s: Scenario) => Scenario> {
  return arbitrary.map((v) => (s: Scenario) => setAt(s, path, v));
}

function arbitraryFor(entry: FieldEntry, focus: Focus): fc.Arbitrary<(s: Scenario) => Scenario> {
  const chosen = focus[entry.path];
  return chosen ? setter(entry.path, chosen as fc.Arbitrary<ValueAt<typeof entry.path>>) : fromTable(entry);
}

/**
 * Drawn settings made to keep the rules across fields: TTLs in order, as CloudFront requires; a mix of kinds is
 * a traffic run; the warm-up ends before the run does; a challenge's tokens last at least 300 s.
 */
function keepRules(s: Scenario): Scenario {
  const [minTtl, defaultTtl, maxTtl] = [s.cache.minTtl, s.cache.defaultTtl, s.cache.maxTtl].sort((a, b) => a - b) as [number, number, number];
  return {
    ...s,
    mode: s.request.kind === 'mix' ? 'traffic' : s.mode,
    cache: { ...s.cache, minTtl, defaultTtl, maxTtl },
    traffic: { ...s.traffic, warmupS: s.traffic.warmupS % s.traffic.durationS },
    // A challenge's immunity time is at least 300 s.
    waf: s.waf.rateAction === 'challenge' ? { ...s.waf, immunityS: Math.max(300, s.waf.immunityS) } : s.waf,
  };
}

function scenarios(overrides: Focus): fc.Arbitrary<Scenario> {
  const focus = { ...FOCUS, ...overrides };
  return fc.tuple(...FIELD_ENTRIES.map((entry) => arbitraryFor(entry, focus))).map((setters) => keepRules(setters.reduce((s, set) => set(s), DEFAULT_SCENARIO)));
}

/** Any valid scenario: a single run or a traffic run, every kind of request. */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = scenarios({});

/** What the engine's single run takes: one request, an API call or a static file. */
export const singleRunArbitrary: fc.Arbitrary<Scenario> = scenarios({ mode: fc.constant('single'), 'request.kind': fc.constantFrom('api', 'static') });

/** A traffic run, every setting drawn. */
export const trafficRunArbitrary: fc.Arbitrary<Scenario> = scenarios({ mode: fc.constant('traffic') });
