import { describe, expect, it } from 'vitest';
import type { DbEngine } from '@/lib/scenario/schema';
import { DB_ENGINES } from '@/lib/scenario/vocabulary';
import { cidrContains, cidrsOverlap, cidrWithin } from '@/lib/scenario/cidr';
import { naclVerdict, type NetworkAcl } from './net/nacl';
import { DEFAULT_NETWORK, naclRulesProblem } from '@/lib/scenario/network-rules';
import { ELB_EPHEMERAL, ephemeralRangeOf, LINUX_EPHEMERAL, NACL_EPHEMERAL, onePort } from './net/ports';
import { PREFIX_LISTS, SECURITY_GROUP_IDS, securityGroups, sgVerdict } from './net/security-groups';
import { addressOf, AVAILABILITY_ZONES, NETWORK_ACL_SETTINGS, networkAcls, NETWORK_ZONES, PLACEMENT, subnetOf, SUBNET_IDS, SUBNETS, VPC, type Subnet, type SubnetId } from './network';
import { links, linkFor } from './topology';
import { NODE_IDS, type NodeId } from './types';

/** Which network ACL each subnet is associated with: the network's own, unless a test swaps one in. */
type AclOf = (subnet: Subnet) => NetworkAcl;
const associated: AclOf = (subnet) => networkAcls(DEFAULT_NETWORK, 'postgres')[subnet.nacl];

/** The network's associations, with one subnet given another ACL. */
function swapped(id: SubnetId, acl: NetworkAcl): AclOf {
  return (subnet) => (subnet.id === id ? acl : associated(subnet));
}

/**
 * Walks one TCP connection through every filter it meets, the SYN from `client` and then the reply, and names
 * the first that drops it. Leaving, a packet passes its interface's security groups, then its subnet's network
 * ACL; arriving, the other subnet's ACL, then the other interface's groups. ACLs only sit between subnets.
 */
function connection(engine: DbEngine, client: NodeId, server: NodeId, clientPort: number, aclOf: AclOf = associated): string {
  const groups = securityGroups(engine);
  const port = linkFor(engine, client, server).port!;
  const [from, to] = [subnetOf(client), subnetOf(server)];
  const between = from?.id !== to?.id;
  const sgs = (node: NodeId) => PLACEMENT[node].securityGroups;
  const steps: [string, () => boolean][] = [];
  const sg = (node: NodeId, direction: 'inbound' | 'outbound', port: number, peer: NodeId, reply: boolean) => {
    if (sgs(node).length > 0) steps.push([`${sgs(node).join()} ${direction}${reply ? ' reply' : ''}`, () => sgVerdict(sgs(node).map((id) => groups[id]), direction, { protocol: 'tcp', port, peer: addressOf(peer)! }, { peerGroups: sgs(peer), reply }).allowed]);
  };
  const acl = (node: NodeId, direction: 'inbound' | 'outbound', port: number, peer: NodeId) => {
    const subnet = subnetOf(node);
    if (subnet && between) steps.push([`${subnet.id} ACL ${direction}`, () => naclVerdict(aclOf(subnet), direction, { protocol: 'tcp', port, peer: addressOf(peer)! }).action === 'allow']);
  };
  sg(client, 'outbound', port, server, false);
  acl(client, 'outbound', port, server);
  acl(server, 'inbound', port, client);
  sg(server, 'inbound', port, client, false);
  sg(server, 'outbound', clientPort, client, true);
  acl(server, 'outbound', clientPort, client);
  acl(client, 'inbound', clientPort, server);
  sg(client, 'inbound', clientPort, server, true);
  return steps.find(([, passes]) => !passes())?.[0] ?? 'through';
}

const inVpc = (node: NodeId) => subnetOf(node) !== null;

describe('the network', () => {
  it('has its subnets inside the VPC, apart from each other, each tier in both Availability Zones', () => {
    const subnets = Object.values(SUBNETS);
    for (const subnet of subnets) expect(cidrWithin(subnet.cidr, VPC.cidr), subnet.id).toBe(true);
    subnets.forEach((a, i) => subnets.slice(i + 1).forEach((b) => expect(cidrsOverlap(a.cidr, b.cidr), `${a.id} × ${b.id}`).toBe(false)));
    for (const name of new Set(subnets.map((s) => s.name))) {
      expect(subnets.filter((s) => s.name === name).map((s) => s.az).sort(), name).toEqual([...AVAILABILITY_ZONES]);
    }
  });

  it('puts the load balancer in a public subnet, Nginx, the app and the database in private ones, and the rest outside the VPC', () => {
    expect(subnetOf('alb')?.public).toBe(true);
    for (const node of ['web', 'app', 'db'] as const) expect(subnetOf(node)?.public).toBe(false);
    expect(subnetOf('web')).toBe(subnetOf('app'));
    expect(NODE_IDS.filter(inVpc)).toEqual(['alb', 'web', 'app', 'db']);
    expect(NODE_IDS.filter((id) => PLACEMENT[id].zone === 'pop')).toEqual(['shield', 'waf', 'edge']);
  });

  it('gives each service inside the VPC an address in its subnet and a security group, and those outside neither', () => {
    for (const node of NODE_IDS) {
      const address = addressOf(node);
      const subnet = subnetOf(node);
      if (subnet) expect(cidrContains(subnet.cidr, address!), node).toBe(true);
      else if (address) expect(cidrContains(VPC.cidr, address), node).toBe(false);
      expect(PLACEMENT[node].securityGroups.length > 0, node).toBe(subnet !== null);
    }
    const addresses = NODE_IDS.map(addressOf).filter((a) => a !== null);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('draws every zone inside a zone that exists, with the subnets in the VPC', () => {
    const ids = NETWORK_ZONES.map((z) => z.id);
    for (const zone of NETWORK_ZONES) if (zone.parent !== null) expect(ids).toContain(zone.parent);
    for (const id of SUBNET_IDS) expect(NETWORK_ZONES.find((z) => z.id === id)?.parent).toBe('vpc');
    for (const node of NODE_IDS) if (PLACEMENT[node].zone !== null) expect(ids).toContain(PLACEMENT[node].zone);
  });

  it.each(DB_ENGINES)('names only groups and prefix lists that exist (%s)', (engine) => {
    for (const node of NODE_IDS) for (const id of PLACEMENT[node].securityGroups) expect(SECURITY_GROUP_IDS).toContain(id);
    for (const group of Object.values(securityGroups(engine))) {
      for (const { peer } of [...group.inbound, ...group.outbound]) {
        if ('securityGroup' in peer) expect(SECURITY_GROUP_IDS).toContain(peer.securityGroup);
        if ('prefixList' in peer) expect(PREFIX_LISTS[peer.prefixList]).toBeDefined();
      }
    }
  });

  it('associates every subnet with a network ACL AWS would accept', () => {
    for (const subnet of Object.values(SUBNETS)) {
      expect(naclRulesProblem(DEFAULT_NETWORK[NETWORK_ACL_SETTINGS[subnet.nacl]]), subnet.id).toBeNull();
    }
  });
});

describe('a connection through the filters', () => {
  const crossing = links('postgres').filter((link) => addressOf(link.a) && addressOf(link.b) && (inVpc(link.a) || inVpc(link.b)));

  it('covers every drawn link into, inside and out of the VPC', () => {
    expect(crossing.map((l) => l.id)).toEqual(['edge-alb', 'alb-web', 'web-app', 'app-db', 'app-thirdparty']);
  });

  it.each(DB_ENGINES)('gets through every such link both ways by default, from either end of the client’s ports (%s)', (engine) => {
    for (const { a, b } of crossing) {
      const range = ephemeralRangeOf(a);
      for (const port of [range.low, range.high]) expect(connection(engine, a, b, port), `${a} → ${b} from ${port}`).toBe('through');
    }
  });

  it('meets no network ACL between two services of one subnet', () => {
    const denyAll: AclOf = (subnet) => ({ id: `acl-new-${subnet.id}`, inbound: [], outbound: [] });
    expect(connection('postgres', 'web', 'app', LINUX_EPHEMERAL.low, denyAll)).toBe('through');
    expect(connection('postgres', 'app', 'db', LINUX_EPHEMERAL.low, denyAll)).toBe('app-a ACL outbound');
  });

  describe('with a custom ACL on the data subnet that lets in 5432 from the app subnet', () => {
    const dataAcl = (outbound: NetworkAcl['outbound']): AclOf =>
      swapped('data-a', { id: 'acl-data', inbound: [{ number: 100, protocol: 'tcp', ports: onePort(5432), cidr: SUBNETS['app-a'].cidr, action: 'allow' }], outbound });

    it('drops the database’s reply when the outbound rules forget the ephemeral ports, though the SYN got in', () => {
      expect(connection('postgres', 'app', 'db', LINUX_EPHEMERAL.low, dataAcl([]))).toBe('data-a ACL outbound');
    });

    it('lets the reply out once the outbound rules open 1024–65535 to the app subnet', () => {
      const open = dataAcl([{ number: 100, protocol: 'tcp', ports: NACL_EPHEMERAL, cidr: SUBNETS['app-a'].cidr, action: 'allow' }]);
      for (const port of [LINUX_EPHEMERAL.low, LINUX_EPHEMERAL.high]) expect(connection('postgres', 'app', 'db', port, open)).toBe('through');
    });
  });

  it("drops the load balancer's replies from low ports when the app subnet opens only Linux's range", () => {
    const linuxOnly = swapped('app-a', {
      id: 'acl-linux',
      inbound: [{ number: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
      outbound: [{ number: 100, protocol: 'tcp', ports: LINUX_EPHEMERAL, cidr: VPC.cidr, action: 'allow' }],
    });
    expect(connection('postgres', 'alb', 'web', ELB_EPHEMERAL.low, linuxOnly)).toBe('app-a ACL outbound');
    expect(connection('postgres', 'alb', 'web', LINUX_EPHEMERAL.low, linuxOnly)).toBe('through');
  });
});
