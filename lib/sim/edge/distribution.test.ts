/**
 * The distribution's defaults leave CloudFront as it always was: one edge location, nothing between its cache and the
 * origin, no edge functions, invalidations of everything; and a traffic run says nothing about parts it does not use.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '@/lib/sim';
import { createContext } from '@/lib/sim/context';
import { TraceRecorder } from '@/lib/sim/recorder';
import { scenarioWith } from '@/lib/testing/scenario';
import { runTrafficSync } from '@/lib/traffic';

describe('the CloudFront distribution', () => {
  it('is one plain edge location by default', () => {
    const { world } = createContext(scenarioWith({}), new TraceRecorder());
    const { distribution } = world;
    expect(distribution.locations).toHaveLength(1);
    expect(world.edgeCache).toBe(distribution.locations[0]);
    expect([distribution.originShield, distribution.failover, distribution.functions]).toEqual([null, null, null]);
    expect(distribution.direct).toBe(true);
    expect(distribution.invalidationPaths).toEqual([{ text: '/*', prefix: '/', wildcard: true }]);
  });

  it('stays direct with only viewer functions: they run at the edge, not on the way to the origin', () => {
    const { distribution } = createContext(scenarioWith({ cdn: { cfFunctions: ['viewer-request'] } }), new TraceRecorder()).world;
    expect(distribution.direct).toBe(true);
    expect(createContext(scenarioWith({ cdn: { lambdaEdge: ['origin-response'] } }), new TraceRecorder()).world.distribution.direct).toBe(false);
  });

  it('gives a single run one edge location, however many a traffic run would spread over', () => {
    expect(runScenario(scenarioWith({ cdn: { edgeLocations: 8 } }))).toEqual(runScenario(scenarioWith({})));
  });

  it('adds no figures to a traffic run that uses none of it', () => {
    const { summary } = runTrafficSync(scenarioWith({ mode: 'traffic', traffic: { durationS: 5 } }));
    expect('cdn' in summary).toBe(false);
  });

  it('spreads a traffic run over its edge locations, each warming its own cache', () => {
    const hitRatio = (edgeLocations: number) =>
      runTrafficSync(scenarioWith({ mode: 'traffic', seed: 4, cache: { cacheControl: 'public, max-age=3600' }, traffic: { rate: 200, durationS: 30, objects: 100, zipf: 0 }, cdn: { edgeLocations } })).summary;
    const one = hitRatio(1);
    const five = hitRatio(5);
    // Each of 100 objects is fetched once per edge location that sees it: 100 misses with one location, 500 with five.
    expect(one.originRequests).toBe(100);
    expect(five.originRequests).toBe(500);
    expect(five.hitRatio).toBeLessThan(one.hitRatio);
  });
});
