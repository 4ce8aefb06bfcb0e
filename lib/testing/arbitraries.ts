/**
 * fast-check generators for scenarios, shared by property tests. Every setting's range and choices come
 * from the field table, so a new setting is generated (and round-tripped through links) as soon as it
 * has an entry there. FOCUS narrows a few settings to the values that make interesting runs.
 */
import fc from 'fast-check';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { FIELD_ENTRIES, setAt, type FieldEntry, type ScenarioPath, type ValueAt } from '@/lib/scenario/paths';
import type { Scenario } from '@/lib/scenario/schema';

type Focus = { [P in ScenarioPath]?: fc.Arbitrary<ValueAt<P>> };

const FOCUS: Focus = {
  // Named payloads, arbitrary text and arbitrary graphemes: the WAF's detector and the link's escaping both see them.
  'request.payload': fc.oneof(fc.constantFrom('benign', 'sqli', 'xss'), fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 })),
  'cache.cacheControl': fc.oneof(
    fc.constantFrom('public, max-age=60', 'no-store', 'private, max-age=60', 'no-cache', 'public, max-age=0', 's-maxage=300, max-age=60', 'public, max-age=30, stale-while-revalidate=60', 'max-age=120, must-revalidate', ''),
    fc.string({ maxLength: 40 }).filter((s) => !/[\r\n]/.test(s)),
  ),
};

/** A value anywhere in an entry's range, or among its choices. */
function fromTable(entry: FieldEntry): fc.Arbitrary<(s: Scenario) => Scenario> {
  switch (entry.kind) {
    case 'int':
      return fc.integer({ min: entry.min, max: entry.max }).map((v) => (s: Scenario) => setAt(s, entry.path, v));
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
  }
}

function setter<P extends ScenarioPath>(path: P, arbitrary: fc.Arbitrary<ValueAt<P>>): fc.Arbitrary<(s: Scenario) => Scenario> {
  return arbitrary.map((v) => (s: Scenario) => setAt(s, path, v));
}

function arbitraryFor(entry: FieldEntry): fc.Arbitrary<(s: Scenario) => Scenario> {
  const focus = FOCUS[entry.path];
  return focus ? setter(entry.path, focus as fc.Arbitrary<ValueAt<typeof entry.path>>) : fromTable(entry);
}

/** Drawn TTLs are put in order, as CloudFront requires and the schema checks. */
function orderTtls(s: Scenario): Scenario {
  const [minTtl, defaultTtl, maxTtl] = [s.cache.minTtl, s.cache.defaultTtl, s.cache.maxTtl].sort((a, b) => a - b) as [number, number, number];
  return { ...s, cache: { ...s.cache, minTtl, defaultTtl, maxTtl } };
}

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .tuple(...FIELD_ENTRIES.map(arbitraryFor))
  .map((setters) => orderTtls(setters.reduce((s, set) => set(s), DEFAULT_SCENARIO)));
