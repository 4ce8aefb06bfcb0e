/**
 * fast-check generators for scenarios, shared by property tests. Every setting's range and choices come
 * from the field table, so a new setting is generated (and round-tripped through links) as soon as it
 * has an entry there. FOCUS narrows a few settings to the values that make interesting runs; the rules
 * across fields (lib/scenario/rules.ts) are then made to hold.
 */
import fc from 'fast-check';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { inTimeOrder } from '@/lib/scenario/field-kinds';
import { CLOUDFRONT_PREFIX_LIST, NACL_RULE_NUMBERS, SECURITY_GROUP_IDS, type NaclRuleSpec, type SgRuleSpec } from '@/lib/scenario/network-rules';
import { FIELD_ENTRIES, getAt, setAt, setChosen, type FieldEntry, type ScenarioPath, type ValueAt } from '@/lib/scenario/paths';
import { RATE_LIMIT_MIN, RATE_WINDOWS_S, type Scenario } from '@/lib/scenario/schema';

type Focus = { [P in ScenarioPath]?: fc.Arbitrary<ValueAt<P>> };

const FOCUS: Focus = {
  // Named payloads, arbitrary text and arbitrary graphemes: the WAF's detector and the link's escaping both see them.
  'request.payload': fc.oneof(fc.constantFrom('benign', 'sqli', 'xss'), fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 })),
  'cache.cacheControl': fc.oneof(
    fc.constantFrom('public, max-age=60', 'no-store', 'private, max-age=60', 'no-cache', 'public, max-age=0', 's-maxage=300, max-age=60', 'public, max-age=30, stale-while-revalidate=60', 'max-age=120, must-revalidate', ''),
    fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s)),
  ),
  // Invalidation paths must start with / and may end with * (CloudFront's rule, in the field's pattern).
  'cdn.invalidationPaths': fc.constantFrom('/*', '/static/*', '/api/*', '/api/products/1*', '/Static/*', '/static/assets/1.js,/api/*'),
  // A rate-based rule is off (0) or at least 10, over one of AWS WAF's four windows.
  'waf.rateLimit': fc.oneof(fc.constant(0), fc.integer({ min: RATE_LIMIT_MIN, max: 2_000_000_000 })),
  'waf.rateWindowS': fc.constantFrom(...RATE_WINDOWS_S),
};

/** Ports and peers that matter in this world (its links' ports, its subnets, the ephemeral ranges), and a few that do not. */
const RULE_PORTS = ['443', '80', '8080', 'db', '5432', '3306', '27017', '1024-65535', '32768-60999', '0-65535', '22'];
const RULE_BLOCKS = ['0.0.0.0/0', '10.0.0.0/16', '10.0.1.0/24', '10.0.21.0/24', '10.0.31.0/24', '10.0.21.57/32', '192.0.2.44/32', '198.51.100.0/24'];
const ruleTraffic = fc.oneof(
  fc.constant({ protocol: 'all' as const }),
  fc.record({ protocol: fc.constantFrom('tcp' as const, 'udp' as const), ports: fc.constantFrom(...RULE_PORTS) }),
);
const sgRule: fc.Arbitrary<SgRuleSpec> = fc
  .tuple(fc.constantFrom('in' as const, 'out' as const), ruleTraffic, fc.constantFrom(...SECURITY_GROUP_IDS, CLOUDFRONT_PREFIX_LIST, ...RULE_BLOCKS))
  .map(([dir, traffic, peer]) => ({ dir, ...traffic, peer }));
const naclRule: fc.Arbitrary<NaclRuleSpec> = fc
  .tuple(
    fc.constantFrom('in' as const, 'out' as const),
    fc.oneof(fc.constantFrom(NACL_RULE_NUMBERS.lowest, 100, 110, 200, NACL_RULE_NUMBERS.highest), fc.integer({ min: NACL_RULE_NUMBERS.lowest, max: NACL_RULE_NUMBERS.highest })),
    fc.constantFrom('allow' as const, 'deny' as const),
    ruleTraffic,
    fc.constantFrom(...RULE_BLOCKS),
  )
  .map(([dir, number, action, traffic, cidr]) => ({ dir, number, action, ...traffic, cidr }));

/** A rule set: mostly the scenario's default, so most runs still reach every tier, else a few drawn rules. */
function ruleSet<R>(fallback: R[], rule: fc.Arbitrary<R>, key: (rule: R) => string): fc.Arbitrary<R[]> {
  return fc.oneof({ arbitrary: fc.constant(fallback), weight: 3 }, { arbitrary: fc.uniqueArray(rule, { maxLength: 6, selector: key }), weight: 1 });
}

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
      return fc.subarray<string>([...entry.values]).map((v) => (s: Scenario) => setChosen(s, entry, (value) => v.includes(value)));
    case 'schedule':
      // In time order, as every validated scenario's is (moments at the same time keep their order).
      return fc
        .array(fc.record({ atS: decimal(0, entry.maxS, entry.decimals), action: fc.constantFrom(...entry.actions) }), { maxLength: entry.maxEntries })
        .map((moments) => (s: Scenario) => setAt(s, entry.path, inTimeOrder(moments)));
    case 'securityGroup':
      return ruleSet(getAt(DEFAULT_SCENARIO, entry.path), sgRule, (r) => JSON.stringify(r)).map((v) => (s: Scenario) => setAt(s, entry.path, v));
    case 'networkAcl':
      // A number is used once each way, as AWS requires.
      return ruleSet(getAt(DEFAULT_SCENARIO, entry.path), naclRule, (r) => `${r.dir}:${r.number}`).map((v) => (s: Scenario) => setAt(s, entry.path, v));
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
 * a traffic run; the warm-up ends before the run does; edge functions of both kinds never share viewer events; a
 * challenge's tokens last at least 300 s.
 */
function keepRules(s: Scenario): Scenario {
  const [minTtl, defaultTtl, maxTtl] = [s.cache.minTtl, s.cache.defaultTtl, s.cache.maxTtl].sort((a, b) => a - b) as [number, number, number];
  return {
    ...s,
    mode: s.request.kind === 'mix' ? 'traffic' : s.mode,
    cache: { ...s.cache, minTtl, defaultTtl, maxTtl },
    traffic: { ...s.traffic, warmupS: s.traffic.warmupS % s.traffic.durationS },
    // CloudFront Functions and Lambda@Edge never share the viewer events.
    cdn: s.cdn.cfFunctions.length ? { ...s.cdn, lambdaEdge: s.cdn.lambdaEdge.filter((event) => !event.startsWith('viewer-')) } : s.cdn,
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

/** The network settings at their defaults: what a scenario has unless someone changed its rules. */
const DEFAULT_NETWORK_FOCUS: Focus = Object.fromEntries(
  FIELD_ENTRIES.filter((e) => e.path.startsWith('network.')).map((e) => [e.path, fc.constant(getAt(DEFAULT_SCENARIO, e.path))]),
);

/** A single run with every setting drawn except the network's rules, which keep their defaults. */
export const singleRunDefaultNetworkArbitrary: fc.Arbitrary<Scenario> = scenarios({ ...DEFAULT_NETWORK_FOCUS, mode: fc.constant('single'), 'request.kind': fc.constantFrom('api', 'static') });

/** A traffic run, every setting drawn. */
export const trafficRunArbitrary: fc.Arbitrary<Scenario> = scenarios({ mode: fc.constant('traffic') });
