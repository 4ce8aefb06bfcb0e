import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK, parseNaclRules, parseSgRules, type NetworkRules } from '@/lib/scenario/network-rules';
import type { DbEngine } from '@/lib/scenario/schema';
import { ALB_PRIVATE_IP, APP_TARGET, EDGE_IP, WEB_TARGET } from '../site';
import { NODE_IDS, type NodeId } from '../types';
import { decodeLink } from '@/lib/scenario/url-codec';
import { TIGHT_NETWORK_LINK } from '@/lib/testing/networks';
import { PacketFilters, type Denial } from './filters';
import { STAR_RULE_TEXT } from './nacl';
import { ELB_EPHEMERAL, ephemeralPort, LINUX_EPHEMERAL } from './ports';

const DB_IP = '10.0.31.84';

/** The network's rules with some written as a link writes them. */
function rules(changes: Partial<Record<keyof NetworkRules, string>>): NetworkRules {
  const network: NetworkRules = { ...DEFAULT_NETWORK };
  for (const [key, raw] of Object.entries(changes) as [keyof NetworkRules, string][]) {
    const read = key.startsWith('sg') ? parseSgRules(raw) : parseNaclRules(raw);
    if (!read.ok) throw new Error(`${key}: ${read.message}`);
    (network as Record<keyof NetworkRules, unknown>)[key] = read.rules;
  }
  return network;
}

function filtersFor(changes: Partial<Record<keyof NetworkRules, string>>, engine: DbEngine = 'postgres', seed = 1): PacketFilters {
  return new PacketFilters(rules(changes), engine, seed);
}

/** The verdict on one packet: a SYN opens the next connection; anything else rides the current one. */
function fate(filters: PacketFilters, from: NodeId, to: NodeId, syn = false): Denial | null {
  const route = filters.route(from, to);
  if (!route) throw new Error(`no filter between ${from} and ${to}`);
  return route.verdict(syn);
}

const CROSSING = [
  ['edge', 'alb'],
  ['alb', 'web'],
  ['web', 'app'],
  ['app', 'db'],
  ['app', 'thirdparty'],
] as const;

describe('the packet filters', () => {
  it('sit only on the links into, inside and out of the VPC', () => {
    const filters = filtersFor({});
    const routes = NODE_IDS.flatMap((a) => NODE_IDS.filter((b) => filters.route(a, b)).map((b) => `${a}>${b}`));
    expect(routes.sort()).toEqual(CROSSING.flatMap(([a, b]) => [`${a}>${b}`, `${b}>${a}`]).sort());
  });

  it.each(['postgres', 'mysql', 'mongodb', 'redis', 'oracle'] as const)('with the default rules let every packet through, new connections and open ones (%s)', (engine) => {
    const filters = filtersFor({}, engine, 7);
    for (const [client, server] of CROSSING) {
      expect(fate(filters, client, server), `${client} → ${server} on the open connection`).toBeNull();
      expect(fate(filters, server, client), `${server} → ${client} on the open connection`).toBeNull();
      for (let i = 0; i < 3; i++) {
        expect(fate(filters, client, server, true), `${client} → ${server} SYN ${i + 1}`).toBeNull();
        expect(fate(filters, server, client), `${server} → ${client} reply ${i + 1}`).toBeNull();
      }
    }
  });

  it('know which routes can never drop anything, so that those cost no verdict: every one by default', () => {
    const routes = (filters: PacketFilters) => CROSSING.flatMap(([a, b]) => [filters.route(a, b)!, filters.route(b, a)!]);
    expect(routes(filtersFor({})).every((r) => r.open)).toBe(true);
    expect(routes(new PacketFilters(decodeLink(TIGHT_NETWORK_LINK).scenario.network, 'mysql', 3)).every((r) => r.open)).toBe(true);
    const mirror = filtersFor({ naclData: 'in:100:allow:tcp:db:10.0.21.0/24,out:100:allow:tcp:db:10.0.21.0/24' });
    expect([mirror.route('app', 'db')!.open, mirror.route('db', 'app')!.open]).toEqual([true, false]);
    // A range that covers only part of the client's ports is not open: some connections would lose their replies.
    const partly = filtersFor({ naclData: 'in:100:allow:all:0.0.0.0/0,out:100:allow:tcp:40000-65535:10.0.21.0/24' });
    expect(partly.route('db', 'app')!.open).toBe(false);
  });

  describe('network ACLs', () => {
    it('apply the lowest-numbered matching rule, whatever order the rules are listed in, and nothing after it', () => {
      const denyFirst = filtersFor({ naclData: 'in:110:allow:tcp:db:10.0.21.0/24,in:100:deny:tcp:db:10.0.21.57/32,out:100:allow:all:0.0.0.0/0' });
      expect(fate(denyFirst, 'app', 'db')).toMatchObject({ filter: 'network ACL', id: 'acl-data', direction: 'inbound', rule: 100, ruleText: '100 deny TCP 5432 from 10.0.21.57/32', node: 'db', onArrival: true });
      const allowFirst = filtersFor({ naclData: 'in:110:allow:tcp:db:10.0.21.0/24,in:120:deny:tcp:db:10.0.21.57/32,out:100:allow:all:0.0.0.0/0' });
      expect(fate(allowFirst, 'app', 'db')).toBeNull();
    });

    it('take rules numbered 1 and 32766, and deny by * what no numbered rule matches', () => {
      expect(fate(filtersFor({ naclData: 'in:32766:allow:all:0.0.0.0/0,out:1:allow:all:0.0.0.0/0' }), 'app', 'db')).toBeNull();
      expect(fate(filtersFor({ naclData: 'in:32766:deny:all:0.0.0.0/0,in:1:allow:tcp:db:10.0.21.0/24,out:1:allow:all:0.0.0.0/0' }), 'app', 'db')).toBeNull();
      expect(fate(filtersFor({ naclData: 'in:1:allow:tcp:3306:10.0.21.0/24,out:1:allow:all:0.0.0.0/0' }), 'app', 'db')).toMatchObject({ rule: '*', ruleText: STAR_RULE_TEXT });
      // A new custom network ACL has only its * rules: it denies everything, the SYN first.
      expect(fate(filtersFor({ naclData: 'none' }), 'app', 'db', true)).toMatchObject({ rule: '*', direction: 'inbound', node: 'db' });
    });

    it("are stateless: a reply needs a rule for the client's ephemeral port, and the * rule drops it without one", () => {
      const seed = 11;
      const mirror = filtersFor({ naclData: 'in:100:allow:tcp:db:10.0.21.0/24,out:100:allow:tcp:db:10.0.21.0/24' }, 'postgres', seed);
      expect(fate(mirror, 'app', 'db')).toBeNull();
      // The pool's connection, open before the run, is connection 0; its port is the app's.
      const port0 = ephemeralPort(seed, 'app', 'db', 0);
      expect(fate(mirror, 'db', 'app')).toEqual({
        node: 'db',
        filter: 'network ACL',
        id: 'acl-data',
        direction: 'outbound',
        rule: '*',
        ruleText: STAR_RULE_TEXT,
        source: DB_IP,
        sourcePort: 5432,
        destination: APP_TARGET,
        destinationPort: port0,
        onArrival: false,
        reply: true,
        client: 'app',
      });
      // A new connection: the SYN gets in, and the SYN-ACK to its new port is dropped on the way out.
      expect(fate(mirror, 'app', 'db', true)).toBeNull();
      expect(fate(mirror, 'db', 'app')).toMatchObject({ rule: '*', destinationPort: ephemeralPort(seed, 'app', 'db', 1) });
      const open = filtersFor({ naclData: 'in:100:allow:tcp:db:10.0.21.0/24,out:100:allow:tcp:1024-65535:10.0.21.0/24' }, 'postgres', seed);
      expect([fate(open, 'db', 'app'), fate(open, 'app', 'db', true), fate(open, 'db', 'app')]).toEqual([null, null, null]);
    });

    it("drop the load balancer's replies from ports below Linux's range when only Linux's range is opened", () => {
      const seed = Array.from({ length: 200 }, (_, s) => s).find((s) => ephemeralPort(s, 'alb', 'web', 0) < LINUX_EPHEMERAL.low)!;
      expect(ephemeralPort(seed, 'alb', 'web', 0)).toBeGreaterThanOrEqual(ELB_EPHEMERAL.low);
      const linuxOnly = filtersFor({ naclApp: `in:100:allow:all:0.0.0.0/0,out:100:allow:tcp:${LINUX_EPHEMERAL.low}-${LINUX_EPHEMERAL.high}:10.0.0.0/16` }, 'postgres', seed);
      expect(fate(linuxOnly, 'alb', 'web')).toBeNull();
      expect(fate(linuxOnly, 'web', 'alb')).toMatchObject({ id: 'acl-app', direction: 'outbound', rule: '*', node: 'web', source: WEB_TARGET, destination: ALB_PRIVATE_IP });
    });

    it('sit only between subnets: Nginx and the app share one, so no ACL stands between them', () => {
      const closed = filtersFor({ naclApp: 'none' });
      expect([fate(closed, 'web', 'app', true), fate(closed, 'app', 'web')]).toEqual([null, null]);
      expect(fate(closed, 'alb', 'web', true)).toMatchObject({ id: 'acl-app', direction: 'inbound', node: 'web', onArrival: true });
      expect(fate(closed, 'app', 'db', true)).toMatchObject({ id: 'acl-app', direction: 'outbound', node: 'app', onArrival: false });
    });
  });

  describe('security groups', () => {
    it('name another group as the peer: every interface carrying it matches, and no other', () => {
      const wrong = filtersFor({ sgDb: 'in:tcp:db:sg-web,out:all:0.0.0.0/0' });
      expect(fate(wrong, 'app', 'db', true)).toMatchObject({
        filter: 'security group',
        id: 'sg-db',
        direction: 'inbound',
        rule: null,
        ruleText: 'inbound TCP 5432 from sg-web',
        node: 'db',
        onArrival: true,
        source: APP_TARGET,
        destination: DB_IP,
        destinationPort: 5432,
      });
      expect(fate(filtersFor({ sgDb: 'in:tcp:db:sg-app' }), 'app', 'db', true)).toBeNull();
      // A block holding the app's address matches it as well; one that does not, does not.
      expect(fate(filtersFor({ sgDb: 'in:tcp:5432:10.0.21.0/24' }), 'app', 'db', true)).toBeNull();
      expect(fate(filtersFor({ sgDb: 'in:tcp:5432:10.0.22.0/24' }), 'app', 'db', true)).toMatchObject({ id: 'sg-db' });
    });

    it("evaluate every rule of the group: any one that allows is enough, and db means the engine's port", () => {
      const several = 'in:tcp:22:10.0.0.0/16,in:tcp:3306:sg-web,in:tcp:db:sg-app';
      for (const engine of ['postgres', 'mysql', 'redis'] as const) expect(fate(filtersFor({ sgDb: several }, engine), 'app', 'db', true), engine).toBeNull();
      expect(fate(filtersFor({ sgDb: 'in:tcp:5432:sg-app' }, 'mysql'), 'app', 'db', true)).toMatchObject({ destinationPort: 3306, ruleText: 'inbound TCP 5432 from sg-app' });
    });

    it('are stateful: replies pass with no rule for them, whatever the outbound rules say', () => {
      const noOutbound = filtersFor({ sgDb: 'in:tcp:db:sg-app', sgApp: 'out:tcp:db:sg-db' });
      expect([fate(noOutbound, 'app', 'db', true), fate(noOutbound, 'db', 'app'), fate(noOutbound, 'app', 'db'), fate(noOutbound, 'db', 'app')]).toEqual([null, null, null, null]);
    });

    it('check a new connection leaving too: an app group that lets nothing out drops the SYN before it leaves', () => {
      const closed = filtersFor({ sgApp: 'in:tcp:8080:sg-web,out:tcp:db:sg-db' });
      expect(fate(closed, 'app', 'db', true)).toBeNull();
      expect(fate(closed, 'app', 'thirdparty', true)).toMatchObject({ id: 'sg-app', direction: 'outbound', node: 'app', onArrival: false, ruleText: 'outbound TCP 5432 to sg-db', destinationPort: 443 });
    });

    it('judge only the SYN: a connection already open, which the group tracks, keeps flowing after the rules change', () => {
      const wrong = filtersFor({ sgDb: 'in:tcp:db:sg-web,out:all:0.0.0.0/0' });
      expect([fate(wrong, 'app', 'db'), fate(wrong, 'db', 'app')]).toEqual([null, null]);
      expect(fate(wrong, 'app', 'db', true)).not.toBeNull();
    });

    it('let the load balancer be reached from CloudFront, by the prefix list, and on no port the rule does not name', () => {
      expect(fate(filtersFor({}), 'edge', 'alb', true)).toBeNull();
      expect(fate(filtersFor({ sgAlb: 'in:tcp:80:com.amazonaws.global.cloudfront.origin-facing' }), 'edge', 'alb', true)).toMatchObject({ id: 'sg-alb', source: EDGE_IP, destinationPort: 443 });
    });
  });

  it('report the first filter a packet meets: its own group, its own subnet, the other subnet, the other group', () => {
    const everything = { sgApp: 'in:tcp:8080:sg-web', naclApp: 'in:100:allow:all:0.0.0.0/0', naclData: 'none', sgDb: 'none' };
    expect(fate(filtersFor(everything), 'app', 'db', true)).toMatchObject({ id: 'sg-app', direction: 'outbound' });
    expect(fate(filtersFor({ ...everything, sgApp: 'in:tcp:8080:sg-web,out:all:0.0.0.0/0' }), 'app', 'db', true)).toMatchObject({ id: 'acl-app', direction: 'outbound' });
    expect(fate(filtersFor({ ...everything, sgApp: 'in:tcp:8080:sg-web,out:all:0.0.0.0/0', naclApp: 'in:100:allow:all:0.0.0.0/0,out:100:allow:all:0.0.0.0/0' }), 'app', 'db', true)).toMatchObject({ id: 'acl-data', direction: 'inbound' });
    expect(fate(filtersFor({ sgApp: 'in:tcp:8080:sg-web,out:all:0.0.0.0/0', sgDb: 'none' }), 'app', 'db', true)).toMatchObject({ id: 'sg-db', direction: 'inbound', ruleText: 'no inbound rules' });
  });

  it('work a verdict out once per connection and kind of packet, and give the same answer after', () => {
    const filters = filtersFor({ naclData: 'in:100:allow:all:0.0.0.0/0' });
    const first = fate(filters, 'db', 'app');
    expect(fate(filters, 'db', 'app')).toBe(first);
    fate(filters, 'app', 'db', true);
    const second = fate(filters, 'db', 'app');
    expect(second).not.toBe(first);
    expect(second?.destinationPort).toBe(ephemeralPort(1, 'app', 'db', 1));
  });
});
