import { describe, expect, it } from 'vitest';
import { runScenario } from '@/lib/sim';
import { runTrafficSync } from '@/lib/traffic';
import { scenarioWith } from '@/lib/testing/scenario';
import { compatibilityNotices } from './compatibility';
import { DB_ENGINES, METHODS } from './schema';
import { decodeLink, encodeLink } from './url-codec';

describe('settings that cannot take effect together', () => {
  it('says nothing about the default scenario', () => {
    expect(compatibilityNotices(scenarioWith())).toEqual([]);
  });

  it('explains that Redis cannot deadlock', () => {
    const notices = compatibilityNotices(scenarioWith({ request: { method: 'POST' }, db: { behaviour: 'deadlock', engine: 'redis' } }));
    expect(notices).toEqual([
      { param: 'db', message: 'Redis runs commands one at a time, so it cannot deadlock: the request runs as if the database were healthy.' },
    ]);
  });

  it('explains that only writes deadlock, once, even on Redis', () => {
    expect(compatibilityNotices(scenarioWith({ db: { behaviour: 'deadlock' } }))).toEqual([{ param: 'db', message: expect.stringContaining('Only writes can deadlock. A GET only reads') }]);
    expect(compatibilityNotices(scenarioWith({ db: { behaviour: 'deadlock', engine: 'redis' } })).map((n) => n.message)).toEqual([expect.stringContaining('Redis')]);
    expect(compatibilityNotices(scenarioWith({ request: { method: 'DELETE' }, db: { behaviour: 'deadlock' } }))).toEqual([]);
  });

  it('explains that an Idempotency-Key changes nothing for a read', () => {
    expect(compatibilityNotices(scenarioWith({ request: { method: 'HEAD', idempotencyKey: true } }))).toEqual([{ param: 'idem', message: expect.stringContaining('A HEAD is safe to repeat') }]);
    expect(compatibilityNotices(scenarioWith({ request: { method: 'POST', idempotencyKey: true } }))).toEqual([]);
  });

  it('says when a link is for many requests, and the page shows one', () => {
    for (const mode of ['traffic', 'backoff-study'] as const) {
      const scenario = scenarioWith({ mode });
      expect(compatibilityNotices(scenario).map((n) => n.param)).toEqual(['mode']);
      const result = runScenario(scenario);
      expect(new Set(result.events.map((e) => e.requestId.split('.')[0]))).toEqual(new Set(['r1']));
    }
  });

  it('explains that a security group keeps the connections it tracks, and holds that to the engine', () => {
    const warm = decodeLink('sgDb=in:tcp:db:sg-web,out:all:0.0.0.0/0&sgApp=none').scenario;
    expect(compatibilityNotices(warm).map((n) => n.param)).toEqual(['sgApp', 'sgDb']);
    const result = runScenario(warm);
    expect(result.events.some((e) => e.kind === 'packet-denied')).toBe(false);
    expect(result).toEqual(runScenario(scenarioWith()));
    expect(compatibilityNotices({ ...warm, connections: 'cold' })).toEqual([]);
    expect(compatibilityNotices({ ...warm, thirdParty: { ...warm.thirdParty, behaviour: 'down' } })).toEqual([]);
  });

  it('leaves the scenario, and so the link, as the learner chose', () => {
    const decoded = decodeLink('db=deadlock&dbms=redis&idem=yes');
    expect(compatibilityNotices(decoded.scenario).map((n) => n.param)).toEqual(['db', 'idem']);
    expect(decoded.notices).toEqual([]);
    expect(encodeLink(decoded.scenario)).toBe('idem=yes&db=deadlock&dbms=redis&v=1');
  });

  // The notices claim what the engine does; these runs hold them to it for every method and engine.
  it('matches the engine: a deadlock notice exactly when the run has no deadlock', () => {
    for (const method of METHODS) {
      for (const engine of DB_ENGINES) {
        const scenario = scenarioWith({ request: { method }, db: { behaviour: 'deadlock', engine }, cache: { state: 'off' } });
        const deadlocked = runScenario(scenario).events.some((e) => e.kind === 'deadlock');
        const explained = compatibilityNotices(scenario).some((n) => n.param === 'db');
        expect(explained, `${method} on ${engine}`).toBe(!deadlocked);
      }
    }
  });

  it('matches the engine: an Idempotency-Key notice exactly when the key changes no retry', () => {
    for (const method of METHODS) {
      const run = (idempotencyKey: boolean) => runScenario(scenarioWith({ request: { method, idempotencyKey }, db: { behaviour: 'slow' }, thirdParty: { behaviour: 'error' }, cache: { state: 'off' } })).summary;
      const [withKey, without] = [run(true), run(false)];
      const unchanged = withKey.retries === without.retries && withKey.thirdPartyCalls === without.thirdPartyCalls;
      const explained = compatibilityNotices(scenarioWith({ request: { method, idempotencyKey: true } })).some((n) => n.param === 'idem');
      expect(explained, method).toBe(unchanged);
    }
  });

  it('explains the CloudFront parts this request never meets', () => {
    expect(compatibilityNotices(scenarioWith({ request: { method: 'PUT' }, cdn: { originShield: true } }))).toEqual([
      { param: 'originShield', message: 'A PUT goes from the edge straight to the origin: only GET and HEAD pass through Origin Shield.' },
    ]);
    expect(compatibilityNotices(scenarioWith({ cache: { state: 'off' }, cdn: { originShield: true } })).map((n) => n.param)).toEqual(['originShield']);
    expect(compatibilityNotices(scenarioWith({ request: { method: 'DELETE' }, cdn: { originGroup: true } })).map((n) => n.param)).toEqual(['originGroup']);
    expect(compatibilityNotices(scenarioWith({ cdn: { edgeLocations: 3 } })).map((n) => n.param)).toEqual(['edgeLocations']);
    // In a traffic run they all take effect; what is left is the note that this page shows one request of it.
    expect(compatibilityNotices(scenarioWith({ mode: 'traffic', cdn: { edgeLocations: 3, originShield: true, originGroup: true } })).map((n) => n.param)).toEqual(['mode']);
  });

  it('matches the engine: an Origin Shield notice exactly when the request skips it', () => {
    for (const method of METHODS) {
      for (const state of ['empty', 'off'] as const) {
        const scenario = scenarioWith({ request: { method }, cache: { state }, cdn: { originShield: true } });
        const skipped = !runScenario(scenario).events.some((e) => e.kind === 'origin-shield-request');
        expect(compatibilityNotices(scenario).some((n) => n.param === 'originShield'), `${method}, cache=${state}`).toBe(skipped);
      }
    }
  });

  it('matches the engine: an origin group notice exactly when a failing origin is not failed over', () => {
    for (const method of METHODS) {
      const scenario = scenarioWith({
        mode: 'traffic',
        request: { method },
        cache: { state: 'off' },
        traffic: { rate: 20, durationS: 2, timeline: [{ atS: 0, action: 'origin-5xx' }] },
        cdn: { originGroup: true },
      });
      const failedOver = (runTrafficSync(scenario).summary.cdn?.failovers ?? 0) > 0;
      expect(compatibilityNotices(scenario).some((n) => n.param === 'originGroup'), method).toBe(!failedOver);
    }
  });
});
