/** The settings of edge protection and the database's failover: AWS's bounds and defaults, and the rules across them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaults';
import { FIELDS } from './fields';
import { compatibilityNotices } from './compatibility';
import { parseScenarioJson } from './file';
import { runScenario } from '@/lib/sim/run';
import { scenarioForPreset } from './presets';
import { decodeLink, encodeLink } from './url-codec';

describe('the rate-based rule’s settings', () => {
  it('default to no rule, AWS WAF’s 300 s window and 300 s immunity time, and Block', () => {
    expect(DEFAULT_SCENARIO.waf).toEqual({ mode: 'on', rateLimit: 0, rateWindowS: 300, rateAction: 'block', immunityS: 300, ipRequests: 0 });
    expect(FIELDS['waf.rateLimit']).toMatchObject({ param: 'rateLimit', min: 0, max: 2_000_000_000 });
    expect(FIELDS['waf.immunityS']).toMatchObject({ param: 'immunity', min: 60, max: 259_200 });
    expect(FIELDS['waf.rateAction'].values).toEqual(['block', 'captcha', 'challenge', 'count']);
  });

  it('read a limit of at least 10 from a link, and reset one below it with a notice', () => {
    expect(decodeLink('rateLimit=10').scenario.waf.rateLimit).toBe(10);
    const low = decodeLink('rateLimit=9');
    expect(low.scenario.waf.rateLimit).toBe(0);
    expect(low.notices.map((n) => n.param)).toEqual(['rateLimit']);
  });

  it('take only the four windows AWS WAF offers', () => {
    for (const window of [60, 120, 300, 600]) expect(decodeLink(`rateLimit=100&rateWindow=${window}`).notices).toEqual([]);
    const odd = decodeLink('rateLimit=100&rateWindow=90');
    expect(odd.scenario.waf.rateWindowS).toBe(300);
    expect(odd.notices.map((n) => n.param)).toEqual(['rateWindow']);
  });

  it('hold a challenge’s immunity time to at least 300 s, a CAPTCHA’s to 60', () => {
    expect(decodeLink('rateLimit=100&rateAction=captcha&immunity=60').notices).toEqual([]);
    const short = decodeLink('rateLimit=100&rateAction=challenge&immunity=60');
    expect(short.scenario.waf).toMatchObject({ rateAction: 'block', immunityS: 300 });
    expect(short.notices.map((n) => n.param)).toEqual(['immunity']);
    const file = parseScenarioJson(JSON.stringify({ waf: { rateLimit: 100, rateAction: 'challenge', immunityS: 120 } }));
    expect(file).toEqual({ ok: false, errors: ['waf.immunityS: a challenge’s immunity time is at least 300 s'] });
  });
});

describe('a rate-based rule that cannot take effect', () => {
  it('says so when the WAF is off, and the request goes through uncounted', () => {
    const scenario = decodeLink('waf=off&rateLimit=100&ipRequests=500').scenario;
    expect(compatibilityNotices(scenario).map((n) => n.param)).toEqual(['rateLimit']);
    expect(runScenario(scenario).outcome.status).toBe(200);
  });

  it('says so when an address’s requests are given but no rule counts them', () => {
    const scenario = decodeLink('ipRequests=500').scenario;
    expect(compatibilityNotices(scenario).map((n) => n.param)).toEqual(['ipRequests']);
    expect(runScenario(scenario).outcome.status).toBe(200);
  });
});

describe('the failover’s and the floods’ settings', () => {
  it('default to a Multi-AZ DB instance, a 5 s DNS cache and a driver that retries every second', () => {
    expect(DEFAULT_SCENARIO.db).toMatchObject({ ha: 'instance', dnsTtlS: 5, reconnectMs: 1000 });
    expect(decodeLink('dbHa=cluster&dbDnsTtl=60&dbReconnect=0').scenario.db).toMatchObject({ ha: 'cluster', dnsTtlS: 60, reconnectMs: 0 });
  });

  it('round-trip through a link, with the timeline’s new actions', () => {
    const link = 'mode=traffic&visitors=20&botRate=800&botIps=3&synRate=5000&burstShare=0.25&timeline=10:attack-burst,20:attack-stop,30:bot-flood,40:bot-flood-stop,50:syn-flood,60:syn-flood-stop,70:db-failover';
    const decoded = decodeLink(link);
    expect(decoded.notices).toEqual([]);
    expect(decoded.scenario.traffic).toMatchObject({ visitors: 20, botRate: 800, botIps: 3, synRate: 5000, burstShare: 0.25 });
    expect(decodeLink(encodeLink(decoded.scenario)).scenario).toEqual(decoded.scenario);
  });
});

describe('the presets of edge protection and failover', () => {
  it('are traffic runs that set causes only, reachable by preset=<id>', () => {
    for (const id of ['db-failover', 'bot-flood-rate-rule']) {
      const decoded = decodeLink(`preset=${id}`);
      expect(decoded.notices).toEqual([]);
      expect(decoded.scenario).toEqual(scenarioForPreset(id));
      expect(decoded.scenario.mode).toBe('traffic');
    }
    expect(scenarioForPreset('db-failover')!.traffic.timeline).toEqual([{ atS: 30, action: 'db-failover' }]);
    expect(scenarioForPreset('bot-flood-rate-rule')!.waf).toMatchObject({ rateLimit: 300, rateWindowS: 60, rateAction: 'block' });
  });
});
