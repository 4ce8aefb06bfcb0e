import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './defaults';
import {
  DEFAULT_NETWORK,
  describeNaclRule,
  describeSgRule,
  formatNaclRule,
  formatRules,
  formatSgRule,
  naclRulesProblem,
  parseNaclRules,
  parseSgRules,
  sgRulesProblem,
  type NaclRuleSpec,
} from './network-rules';
import { parseScenarioJson } from './file';
import { scenarioSchema } from './schema';
import { decodeLink, encodeLink } from './url-codec';

const nacl = (dir: 'in' | 'out', number: number, action: 'allow' | 'deny' = 'allow'): NaclRuleSpec => ({ dir, number, action, protocol: 'all', cidr: '0.0.0.0/0' });

describe('network rules as a link writes them', () => {
  it('write each default group and ACL as the console lists it, and read them back as they were', () => {
    expect(formatRules(DEFAULT_NETWORK.sgAlb, formatSgRule)).toBe('in:tcp:443:com.amazonaws.global.cloudfront.origin-facing,out:all:0.0.0.0/0');
    expect(formatRules(DEFAULT_NETWORK.sgDb, formatSgRule)).toBe('in:tcp:db:sg-app,out:all:0.0.0.0/0');
    expect(formatRules(DEFAULT_NETWORK.naclApp, formatNaclRule)).toBe('in:100:allow:all:0.0.0.0/0,out:100:allow:all:0.0.0.0/0');
    for (const key of ['sgAlb', 'sgWeb', 'sgApp', 'sgDb'] as const) expect(parseSgRules(formatRules(DEFAULT_NETWORK[key], formatSgRule))).toEqual({ ok: true, rules: DEFAULT_NETWORK[key] });
    expect(parseNaclRules(formatRules(DEFAULT_NETWORK.naclData, formatNaclRule))).toEqual({ ok: true, rules: DEFAULT_NETWORK.naclData });
    expect([formatRules([], formatSgRule), parseSgRules('none'), parseNaclRules('')]).toEqual(['none', { ok: true, rules: [] }, { ok: true, rules: [] }]);
  });

  it('read a network ACL with ranges and the database alias, and leave out a written * rule', () => {
    expect(parseNaclRules('in:100:allow:tcp:db:10.0.21.0/24,out:200:allow:tcp:1024-65535:10.0.21.0/24,out:*:deny')).toEqual({
      ok: true,
      rules: [
        { dir: 'in', number: 100, action: 'allow', protocol: 'tcp', ports: 'db', cidr: '10.0.21.0/24' },
        { dir: 'out', number: 200, action: 'allow', protocol: 'tcp', ports: '1024-65535', cidr: '10.0.21.0/24' },
      ],
    });
  });

  it('take rule numbers from 1 to 32766 and refuse 0, 32767, and a number used twice in one direction', () => {
    expect(parseNaclRules('in:1:allow:all:0.0.0.0/0,in:32766:deny:all:0.0.0.0/0').ok).toBe(true);
    expect(parseNaclRules('in:0:allow:all:0.0.0.0/0')).toEqual({ ok: false, message: 'rule 1 (“in:0:allow:all:0.0.0.0/0”): rule number 0 is outside 1–32766; a rule reads like in:100:allow:tcp:1024-65535:10.0.0.0/16' });
    expect(parseNaclRules('in:32767:allow:all:0.0.0.0/0')).toMatchObject({ ok: false, message: expect.stringContaining('rule number 32767 is outside 1–32766') });
    expect(parseNaclRules('in:100:allow:all:0.0.0.0/0,in:100:deny:all:0.0.0.0/0')).toEqual({ ok: false, message: 'inbound rule number 100 is used twice' });
    // The same number may be used once each way.
    expect(parseNaclRules('in:100:allow:all:0.0.0.0/0,out:100:allow:all:0.0.0.0/0').ok).toBe(true);
  });

  it('say which rule is wrong and how, for every field', () => {
    const message = (raw: string, parse: typeof parseSgRules | typeof parseNaclRules = parseNaclRules) => {
      const read = parse(raw);
      return read.ok ? null : read.message;
    };
    expect(message('up:100:allow:all:0.0.0.0/0')).toContain('it must start with in or out');
    expect(message('in:100:alow:all:0.0.0.0/0')).toContain('the action must be allow or deny');
    expect(message('in:100:allow:icmp:0.0.0.0/0')).toContain('the protocol must be one of tcp, udp, all');
    expect(message('in:100:allow:tcp:70000:0.0.0.0/0')).toContain('“70000” is not a port (0–65535), a range low-high, or db');
    expect(message('in:100:allow:tcp:2000-1024:0.0.0.0/0')).toContain('“2000-1024” is not a port');
    expect(message('in:100:allow:tcp:80:10.0.21.5/24')).toContain('“10.0.21.5/24” is not a CIDR block without host bits');
    expect(message('in:100:allow:tcp:80')).toContain('it needs exactly one CIDR block after the ports');
    expect(message('in:*:allow')).toContain('the * rule always denies');
    expect(message('in:tcp:5432:sg-nope', parseSgRules)).toContain('“sg-nope” is not a CIDR block without host bits, a group (sg-alb, sg-web, sg-app, sg-db)');
    expect(message('in:all:80:sg-app', parseSgRules)).toContain('it needs exactly one peer');
    expect(message('in:tcp:sg-app', parseSgRules)).toContain('it needs exactly one peer');
    expect(message(Array.from({ length: 21 }, (_, i) => `in:${i + 1}:allow:all:0.0.0.0/0`).join(','))).toBe('at most 20 inbound rules per network ACL');
  });

  it('never throw, whatever a link carries (seed 31)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (raw) => {
        for (const read of [parseSgRules(raw), parseNaclRules(raw)]) expect(read.ok || read.message.length > 0).toBe(true);
      }),
      { seed: 31, numRuns: 400 },
    );
  });

  it('read as the console does', () => {
    expect(describeSgRule({ dir: 'in', protocol: 'tcp', ports: '5432', peer: 'sg-app' })).toBe('inbound TCP 5432 from sg-app');
    expect(describeSgRule({ dir: 'out', protocol: 'all', peer: '0.0.0.0/0' })).toBe('outbound all traffic to 0.0.0.0/0');
    expect(describeNaclRule({ dir: 'out', number: 100, action: 'allow', protocol: 'tcp', ports: '1024-65535', cidr: '10.0.21.0/24' })).toBe('100 allow TCP 1024-65535 to 10.0.21.0/24');
  });
});

describe('network rules in a scenario', () => {
  it('start from rules AWS accepts', () => {
    for (const key of ['sgAlb', 'sgWeb', 'sgApp', 'sgDb'] as const) expect(sgRulesProblem(DEFAULT_NETWORK[key]), key).toBeNull();
    for (const key of ['naclPublic', 'naclApp', 'naclData'] as const) expect(naclRulesProblem(DEFAULT_NETWORK[key]), key).toBeNull();
    expect(DEFAULT_SCENARIO.network).toBe(DEFAULT_NETWORK);
  });

  it('come from a link, are written back the same way, and a bad one is a notice naming its parameter', () => {
    const link = 'sgDb=in:tcp:db:sg-web,out:all:0.0.0.0/0&naclData=in:100:allow:tcp:db:10.0.21.0/24,out:100:allow:tcp:db:10.0.21.0/24';
    const decoded = decodeLink(link);
    expect(decoded.notices).toEqual([]);
    expect(decoded.scenario.network.sgDb).toEqual([{ dir: 'in', protocol: 'tcp', ports: 'db', peer: 'sg-web' }, { dir: 'out', protocol: 'all', peer: '0.0.0.0/0' }]);
    expect(decodeLink(encodeLink(decoded.scenario)).scenario).toEqual(decoded.scenario);
    const bad = decodeLink('naclApp=in:100:allow:tcp:8080&seed=3');
    expect(bad.notices).toEqual([{ param: 'naclApp', message: expect.stringMatching(/^“in:100:allow:tcp:8080” was ignored for naclApp: rule 1 .*exactly one CIDR block/) }]);
    expect(bad.scenario.network).toEqual(DEFAULT_NETWORK);
    expect(bad.scenario.seed).toBe(3);
  });

  it('are checked in a file, with the path in the error', () => {
    const twice = parseScenarioJson(JSON.stringify({ network: { naclData: [nacl('out', 100), nacl('out', 100, 'deny')] } }));
    expect(twice).toEqual({ ok: false, errors: ['network.naclData: outbound rule number 100 is used twice'] });
    const unknownPeer = parseScenarioJson(JSON.stringify({ network: { sgDb: [{ dir: 'in', protocol: 'tcp', ports: '5432', peer: 'sg-nope' }] } }));
    expect(unknownPeer.ok).toBe(false);
    const ok = parseScenarioJson(JSON.stringify({ network: { sgDb: [{ dir: 'in', protocol: 'tcp', ports: 'db', peer: 'sg-web' }] } }));
    expect(ok.ok && ok.scenario.network.sgDb).toEqual([{ dir: 'in', protocol: 'tcp', ports: 'db', peer: 'sg-web' }]);
    expect(scenarioSchema.safeParse({ ...DEFAULT_SCENARIO, network: { ...DEFAULT_NETWORK, sgApp: [{ dir: 'in', protocol: 'all', ports: '80', peer: 'sg-web' }] } }).success).toBe(false);
  });
});
